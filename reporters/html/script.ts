/**
 * The report's only script, inlined and allowed by hash in the page's Content-Security-Policy (no other
 * script can run, even if escaping ever failed). Plain ES2017 that any current browser runs from file://,
 * no dependencies. It only reads data-* attributes the renderer wrote; it never builds HTML from data.
 * Without it the page still shows everything: the filters and buttons are hidden until it runs.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var form = document.getElementById('filters');
  var tests = Array.prototype.slice.call(document.querySelectorAll('article.test'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('section.area-group'));
  var shown = document.getElementById('shown');
  var empty = document.getElementById('no-match');

  function checkedValues(name) {
    var set = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name="' + name + '"]'), function (box) {
      if (box.checked) set[box.value] = true;
    });
    return set;
  }

  function apply() {
    var statuses = checkedValues('status');
    var levels = checkedValues('level');
    var area = form.elements.namedItem('area').value;
    var terms = form.elements.namedItem('q').value.toLowerCase().split(/\\s+/).filter(Boolean);
    var count = 0;
    tests.forEach(function (el) {
      var search = el.getAttribute('data-search') || '';
      var visible = statuses[el.getAttribute('data-status')] === true
        && levels[el.getAttribute('data-level')] === true
        && (area === '' || el.getAttribute('data-area') === area)
        && terms.every(function (term) { return search.indexOf(term) !== -1; });
      el.hidden = !visible;
      if (visible) count += 1;
    });
    groups.forEach(function (group) {
      group.hidden = group.querySelector('article.test:not([hidden])') === null;
    });
    shown.textContent = 'Showing ' + count + ' of ' + tests.length + ' tests';
    empty.hidden = count !== 0;
  }

  function reset() {
    form.reset();
    apply();
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  document.getElementById('reset-filters').addEventListener('click', reset);

  function setAll(open, onlyFailed) {
    tests.forEach(function (el) {
      if (el.hidden || (onlyFailed && el.getAttribute('data-status') !== 'failed')) return;
      el.querySelector('details').open = open;
    });
  }
  document.getElementById('expand-failed').addEventListener('click', function () { setAll(true, true); });
  document.getElementById('collapse-all').addEventListener('click', function () { setAll(false, false); });

  // A link from the overview (#t-N) opens that test, clearing filters that would hide it.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (!el || !el.matches('article.test')) return;
    if (el.hidden) reset();
    el.querySelector('details').open = true;
    el.scrollIntoView({ block: 'start' });
  }
  window.addEventListener('hashchange', openTarget);

  // Copy the curl line or reproduction script next to the button. The Clipboard API needs permission that file:// pages do not
  // always get, so fall back to selecting the text and execCommand; either way, say what happened.
  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  function flash(button, label) {
    button.textContent = label;
    setTimeout(function () { button.textContent = 'Copy'; }, 1600);
  }
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('button.copy') : null;
    if (!button) return;
    // The command or script itself: the <code> of the <pre>, never the <code> in the bar's label.
    var code = button.closest('.curl').querySelector('pre code');
    var text = code ? code.textContent : '';
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { flash(button, 'Copied'); },
        function () { flash(button, fallbackCopy(text) ? 'Copied' : 'Select and copy'); }
      );
    } else {
      flash(button, fallbackCopy(text) ? 'Copied' : 'Select and copy');
    }
  });

  // Printing shows every failure expanded, then restores what the reader had open.
  var openedForPrint = [];
  window.addEventListener('beforeprint', function () {
    openedForPrint = [];
    tests.forEach(function (el) {
      var details = el.querySelector('details');
      if (el.getAttribute('data-status') === 'failed' && !details.open) {
        details.open = true;
        openedForPrint.push(details);
      }
    });
  });
  window.addEventListener('afterprint', function () {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  });

  apply();
  openTarget();
})();
`;
