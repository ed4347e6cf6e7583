/**
 * One test in the HTML report: an <article> carrying its status, area and level as data attributes (the
 * filters read them), with a <details> that opens to the failure, the spec links and every exchange.
 */
import type { TestResult } from '../../src/model/result.js';
import { specLabel, specUrl } from '../../src/catalog/spec-links.js';
import { formatDuration } from '../shared/duration.js';
import { oneLine } from '../shared/escape.js';
import { attrs, link, text } from './format.js';
import { exchangeHtml } from './exchange.js';
import { readableMessage, serverErrorNote } from '../shared/failures.js';

const MARKS = { passed: '✓', failed: '✗', warning: '!', skipped: '↓' } as const;

/** What the search box matches: id, name, area, level and the one-line message or skip reason. */
function searchText(test: TestResult): string {
  return [
    test.behaviour,
    test.name,
    test.area,
    test.level,
    test.failure?.message ?? '',
    test.skipReason ?? '',
    ...test.tags,
  ]
    .join(' ')
    .toLowerCase();
}

function specList(spec: readonly string[]): string {
  if (spec.length === 0) return '';
  const items = spec.map((anchor) => `<li>${link(specUrl(anchor), specLabel(anchor))}</li>`).join('');
  return `<div class="fact"><div class="fact-k">Spec</div><ul class="spec">${items}</ul></div>`;
}

function fact(label: string, value: string | undefined, cls = ''): string {
  if (value === undefined || value === '') return '';
  return `<div${attrs({ class: `fact ${cls}`.trim() })}><div class="fact-k">${text(label)}</div><div class="fact-v">${text(value)}</div></div>`;
}

function failureHtml(test: TestResult): string {
  const failure = test.failure;
  if (!failure) return '';
  const kind =
    failure.kind === 'transport'
      ? '<p class="kind">Transport error: the target gave no usable response, so the behaviour could not be checked.</p>'
      : failure.kind === 'error'
        ? '<p class="kind">Error of the run: not a judgement about the server.</p>'
        : '';
  const compare =
    failure.expected !== undefined || failure.actual !== undefined
      ? `<div class="compare"><div><div class="fact-k">Expected</div><pre class="exp">${text(failure.expected ?? '—')}</pre></div>` +
        `<div><div class="fact-k">Actual</div><pre class="act">${text(failure.actual ?? '—')}</pre></div></div>`
      : '';
  return (
    `${kind}<p class="message">${text(readableMessage(test))}</p>${compare}` +
    fact('Server said', serverErrorNote(test), 'server') +
    fact('What Entra would do', failure.entra, 'entra') +
    fact('Hint', failure.hint, 'hint')
  );
}

/**
 * How to reproduce the failure after the run: the rerun command, and the script of the test's requests whose
 * Copy button puts exactly that script on the clipboard.
 */
function reproduceHtml(test: TestResult): string {
  const reproduce = test.reproduce;
  if (!reproduce) return '';
  const rerun =
    `<div class="curl"><div class="curl-bar"><span>Rerun this test with the same data (token from <code>SCIM_TOKEN</code>)</span>` +
    `<button type="button" class="copy">Copy</button></div><pre class="curl-line"><code>${text(reproduce.rerun)}</code></pre></div>`;
  const script =
    reproduce.script === undefined
      ? ''
      : `<div class="curl"><div class="curl-bar"><span>Reproduce after the run (bash script: the test's requests in order, then cleanup; set <code>SCIM_TOKEN</code> first)</span>` +
        `<button type="button" class="copy">Copy</button></div><pre class="curl-line repro-script"><code>${text(reproduce.script)}</code></pre></div>`;
  return `<div class="repro"><div class="fact-k">Reproduce</div>${rerun}${script}</div>`;
}

function metaLine(test: TestResult): string {
  const bits = [`Behaviour ${test.behaviour}`, `mode ${test.mode}`, test.file, ...test.tags.map((tag) => `#${tag}`)];
  return `<p class="test-meta">${text(bits.filter(Boolean).join(' · '))}</p>`;
}

function exchangesHtml(test: TestResult): string {
  if (test.exchanges.length === 0) return '<p class="none">No HTTP exchange was recorded for this test.</p>';
  const culprit = test.failure?.exchange;
  return test.exchanges
    .map((exchange, index) => exchangeHtml(exchange, test.exchanges.length, culprit === index))
    .join('');
}

/** `index` makes the element id unique (behaviour ids repeat across modes). */
export function renderTest(test: TestResult, index: number): string {
  const summaryLine =
    test.status === 'failed' && test.failure
      ? `<span class="why">${text(oneLine(readableMessage(test), 300))}</span>`
      : test.status === 'warning' && test.failure
        ? `<span class="why">Warning (${text(test.level)}): ${text(oneLine(readableMessage(test), 300))}</span>`
        : test.status === 'skipped'
          ? `<span class="why">Skipped: ${text(oneLine(test.skipReason ?? 'no reason given', 300))}</span>`
          : '';
  const summary =
    `<summary><span class="mark">${MARKS[test.status]}</span>` +
    `<span class="title"><span class="name">${text(test.name)}</span>${summaryLine}</span>` +
    `<span class="tags"><span class="badge area">${text(test.area)}</span>` +
    `<span${attrs({ class: `badge lv lv-${test.level}` })}>${text(test.level)}</span>` +
    (test.baseline
      ? `<span${attrs({ class: `badge baseline-${test.baseline}` })}>${test.baseline === 'known' ? 'known failure' : 'new failure'}</span>`
      : '') +
    `<span class="dur">${text(formatDuration(test.durationMs))}</span></span></summary>`;
  const skipped =
    test.status === 'skipped' ? fact('Skipped because', test.skipReason ?? 'no reason given', 'skip') : '';
  const body =
    `<div class="test-body">${metaLine(test)}${failureHtml(test)}${skipped}${specList(test.spec)}` +
    `${reproduceHtml(test)}<div class="exchanges">${exchangesHtml(test)}</div></div>`;
  const articleAttrs = attrs({
    class: `test st-${test.status}`,
    id: `t-${index}`,
    'data-status': test.status,
    'data-area': test.area,
    'data-level': test.level,
    'data-search': searchText(test),
  });
  return `<article${articleAttrs}><details>${summary}${body}</details></article>`;
}
