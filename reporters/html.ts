/**
 * report.html: one self-contained page for QA reviewers and managers. It works offline and from a CI
 * artifact: no external script, style, font or image, and a Content-Security-Policy that forbids them, so
 * opening the report never contacts anything. All test data is rendered server-side as escaped HTML (no JSON
 * blob to escape), and the only script is allowed by its hash, so markup in a hostile response body can
 * neither render nor run.
 */
import { createHash } from 'node:crypto';
import type { RunResult, TestResult } from '../src/model/result.js';
import { LEVELS, verdictOf } from './shared/summary.js';
import { attrs, formatDate, plural, text } from './html/format.js';
import { cleanupHtml, countsHtml, metaHtml, problemsHtml, verdictHtml } from './html/overview.js';
import { renderTest } from './html/render-test.js';
import { SCRIPT } from './html/script.js';
import { STYLES } from './html/styles.js';

function sha256(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** default-src 'none' also blocks fetches, images and fonts: the page cannot phone home even by accident. */
function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(STYLES)}`,
    `script-src ${sha256(SCRIPT)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function checkbox(name: string, value: string, label: string, count: number): string {
  return `<label><input${attrs({ type: 'checkbox', name, value, checked: true })}> ${text(label)} <span class="n">(${count})</span></label>`;
}

function filtersHtml(result: RunResult, areas: string[]): string {
  const count = (pick: (t: TestResult) => boolean): number => result.tests.filter(pick).length;
  const labels = { failed: 'Failed (blocking)', warning: 'Warning', skipped: 'Skipped', passed: 'Passed' } as const;
  const statuses = (['failed', 'warning', 'skipped', 'passed'] as const)
    .map((status) =>
      checkbox(
        'status',
        status,
        labels[status],
        count((t) => t.status === status),
      ),
    )
    .join('');
  const levels = LEVELS.filter((level) => result.tests.some((t) => t.level === level))
    .map((level) =>
      checkbox(
        'level',
        level,
        level,
        count((t) => t.level === level),
      ),
    )
    .join('');
  const options = areas.map((area) => `<option${attrs({ value: area })}>${text(area)}</option>`).join('');
  return (
    `<form class="filters" id="filters" role="search" aria-label="Filter tests">` +
    `<fieldset><legend>Status</legend>${statuses}</fieldset>` +
    `<fieldset><legend>Area</legend><select name="area" aria-label="Area"><option value="">All areas</option>${options}</select></fieldset>` +
    `<fieldset><legend>Level</legend>${levels}</fieldset>` +
    `<input type="search" name="q" placeholder="Search id, name, message" aria-label="Search tests">` +
    `<button type="button" id="reset-filters">Reset</button>` +
    `<span class="shown" id="shown" aria-live="polite"></span></form>`
  );
}

function testsHtml(result: RunResult): string {
  const byArea = new Map<string, Array<[TestResult, number]>>();
  result.tests.forEach((test, index) => {
    const list = byArea.get(test.area) ?? [];
    list.push([test, index]);
    byArea.set(test.area, list);
  });
  const groups = [...byArea]
    .map(([area, entries]) => {
      const failed = entries.filter(([t]) => t.status === 'failed').length;
      const warned = entries.filter(([t]) => t.status === 'warning').length;
      const count = `${plural(entries.length, 'test', 'tests')}${failed ? `, ${failed} failed` : ''}${warned ? `, ${plural(warned, 'warning', 'warnings')}` : ''}`;
      return (
        `<section${attrs({ class: 'area-group', 'data-area': area })}><h3>${text(area)}<span class="count">${text(count)}</span></h3>` +
        entries.map(([test, index]) => renderTest(test, index)).join('') +
        '</section>'
      );
    })
    .join('');
  const toolbar =
    '<div class="toolbar"><button type="button" id="expand-failed">Expand failures</button>' +
    '<button type="button" id="collapse-all">Collapse all</button></div>';
  return (
    `<section class="tests" id="tests"><h2>Tests</h2>${filtersHtml(result, [...byArea.keys()])}${toolbar}` +
    `<p class="empty" id="no-match" hidden>No test matches these filters.</p>${groups}</section>`
  );
}

export function renderHtml(result: RunResult): string {
  const verdict = verdictOf(result);
  let host = result.target.url;
  try {
    host = new URL(result.target.url).host || host;
  } catch {
    // Not a URL we can parse: the title shows it as given.
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${text(contentSecurityPolicy())}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${text(`${result.tool.name} ${result.tool.version}`)}">`,
    `<title>${text(`${verdict.headline} · ${host} · SCIM conformance`)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    verdictHtml(result, verdict),
    metaHtml(result),
    countsHtml(result),
    problemsHtml(result, verdict),
    testsHtml(result),
    cleanupHtml(result),
    `<footer>Generated by ${text(`${result.tool.name} ${result.tool.version}`)} from run ${text(result.runId)}, finished ${text(formatDate(result.finishedAt))}. ` +
      'Recorded requests are shown with the bearer token redacted; the curl lines read it from $SCIM_TOKEN.</footer>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export const htmlReporter = {
  kind: 'file',
  fileName: 'report.html',
  render: renderHtml,
} as const;
