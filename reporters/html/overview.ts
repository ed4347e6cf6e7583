/**
 * The top of the report, for a reader who will not scroll: the verdict, the run's facts, counts by area and
 * by level, the list of what blocks readiness, and at the bottom what the run left on the target.
 */
import type { RunResult, TestResult } from '../../src/model/result.js';
import { formatDuration } from '../shared/duration.js';
import { oneLine } from '../shared/escape.js';
import { countsByArea, countsByLevel, countsText, failOnText, type Counts, type Verdict } from '../shared/summary.js';
import { attrs, formatDate, plural, text } from './format.js';
import { groupFailures, readableMessage } from '../shared/failures.js';

function distinctBehaviours(tests: readonly TestResult[]): number {
  return new Set(tests.map((test) => test.behaviour)).size;
}

const EXPLAIN: Record<Verdict['kind'], string> = {
  ready: 'Every required behaviour works as Entra ID expects.',
  'not-ready':
    'Entra ID provisioning fails, duplicates or quarantines when a required behaviour is wrong. Fix these first.',
  partial:
    'Nothing that was tested blocks, but the run left required behaviours out (--suite, --grep, --read-only, or tests the server gave no way to judge). Run everything for a verdict.',
  interrupted: 'The run was stopped before it finished; tests that had not finished are skipped, not failed.',
  inconclusive: 'The run could not show whether the endpoint is ready; see the errors below.',
};

export function verdictHtml(result: RunResult, verdict: Verdict): string {
  const { summary } = result;
  const notes: string[] = [`${summary.total} tests: ${countsText({ ...summary, warning: summary.warnings })}`];
  notes.push(
    `${result.required.checked} of ${plural(result.required.total, 'required behaviour', 'required behaviours')} checked`,
  );
  notes.push(`blocking: ${failOnText(result.failOn)} (--fail-on ${result.failOn})`);
  const warned = distinctBehaviours(verdict.warnings);
  if (warned)
    notes.push(`${plural(warned, 'behaviour fails', 'behaviours fail')} below the threshold (warnings, not blocking)`);
  const explain = EXPLAIN[verdict.kind];
  return (
    `<header${attrs({ class: `verdict v-${verdict.kind}`, id: 'verdict', 'data-verdict': verdict.kind })}>` +
    `<p class="kicker">SCIM conformance for Microsoft Entra ID provisioning</p>` +
    `<h1>${text(verdict.headline)}</h1><p class="explain">${text(explain)}</p>` +
    `<p class="notes">${text(notes.join(' · '))}</p></header>`
  );
}

export function metaHtml(result: RunResult): string {
  const rows: Array<[string, string, string?]> = [
    ['Target', result.target.url + (result.target.demo ? ' (built-in demo server)' : ''), 'wide'],
    ['Profile', `${result.profile.title} (${result.profile.name}, ${result.profile.mode} mode)`],
    ['Seed', `${result.seed} · replay with --seed ${result.seed}`],
    ['Duration', `${formatDuration(result.durationMs)} · ${plural(result.summary.requests, 'request', 'requests')}`],
    ['Date', formatDate(result.finishedAt)],
    ['Tool', `${result.tool.name} ${result.tool.version}`],
    ['Run id', result.runId],
    ...(result.interrupted
      ? [
          [
            'Interrupted',
            `by ${result.interrupted.signal} at ${formatDate(result.interrupted.at)}; tests that had not finished are skipped`,
            'wide',
          ] as [string, string, string],
        ]
      : []),
    ...(result.readOnly
      ? [
          ['Read-only', 'only tests tagged read-only ran; no POST, PUT, PATCH or DELETE was sent', 'wide'] as [
            string,
            string,
            string,
          ],
        ]
      : []),
  ];
  const items = rows
    .map(([k, v, cls]) => `<div${attrs({ class: cls })}><dt>${text(k)}</dt><dd>${text(v)}</dd></div>`)
    .join('');
  return `<section class="meta" aria-label="Run details"><dl>${items}</dl></section>`;
}

function countRow(label: string, counts: Counts, cls: string): string {
  const cell = (n: number, kind: string): string => `<td${attrs({ class: n ? kind : 'zero' })}>${n}</td>`;
  return (
    `<tr${attrs({ class: cls || undefined })}><th scope="row">${text(label)}</th>${cell(counts.passed, 'n-pass')}` +
    `${cell(counts.failed, 'n-fail')}${cell(counts.warning, 'n-warn')}${cell(counts.skipped, 'n-skip')}<td>${counts.total}</td></tr>`
  );
}

function countTable(caption: string, rows: string): string {
  return (
    `<table class="counts"><caption>${text(caption)}</caption><thead><tr><th scope="col"></th>` +
    '<th scope="col">Passed</th><th scope="col">Failed</th><th scope="col">Warnings</th><th scope="col">Skipped</th><th scope="col">Total</th>' +
    `</tr></thead><tbody>${rows}</tbody></table>`
  );
}

export function countsHtml(result: RunResult): string {
  const areaRows = [...countsByArea(result.tests)].map(([area, counts]) => countRow(area, counts, '')).join('');
  const levelRows = [...countsByLevel(result.tests)]
    .filter(([, counts]) => counts.total > 0)
    .map(([level, counts]) => countRow(level, counts, `lv-row lv-${level}`))
    .join('');
  return `<section class="tables" aria-label="Counts">${countTable('By area', areaRows)}${countTable('By level', levelRows)}</section>`;
}

/** One entry per failing behaviour ("U-14 ×2"), linking to its first test, with the message made readable. */
function problemList(
  title: string,
  cls: string,
  tests: readonly TestResult[],
  indexOf: Map<TestResult, number>,
): string {
  if (tests.length === 0) return '';
  const items = groupFailures(tests)
    .map((group) => {
      const first = group.tests[0];
      const label = group.tests.length > 1 ? ` <span class="count">×${group.tests.length}</span>` : '';
      const message = first.failure ? ` <span class="why">${text(oneLine(readableMessage(first), 200))}</span>` : '';
      return `<li><a href="#t-${indexOf.get(first) ?? 0}">${text(first.name)}</a>${label}${message}</li>`;
    })
    .join('');
  return `<section${attrs({ class: `problems ${cls}` })}><h2>${text(title)}</h2><ul>${items}</ul></section>`;
}

export function problemsHtml(result: RunResult, verdict: Verdict): string {
  const indexOf = new Map(result.tests.map((test, index) => [test, index] as const));
  const runErrors =
    result.errors.length === 0
      ? ''
      : `<section class="problems p-errors"><h2>${text(plural(result.errors.length, 'error', 'errors'))} outside the tests</h2>` +
        `<ul>${result.errors.map((error) => `<li>${text(error)}</li>`).join('')}</ul></section>`;
  return (
    runErrors +
    problemList(
      `Blocking: ${failOnText(result.failOn)} (--fail-on ${result.failOn})`,
      'p-blocking',
      verdict.blocking,
      indexOf,
    ) +
    problemList('Known failures: also failed in the baseline run, not blocking', 'p-known', verdict.known, indexOf) +
    problemList(
      'Warnings: failures below the blocking threshold, not blocking',
      'p-warnings',
      verdict.warnings,
      indexOf,
    )
  );
}

function refRows(
  refs: ReadonlyArray<{ type: string; id: string; name?: string; reason?: string }>,
  withReason: boolean,
): string {
  return refs
    .map(
      (ref) =>
        `<tr><td>${text(ref.type)}</td><td><code>${text(ref.id)}</code></td><td>${text(ref.name ?? '')}</td>` +
        `${withReason ? `<td>${text(ref.reason ?? '')}</td>` : ''}</tr>`,
    )
    .join('');
}

function refTable(
  title: string,
  refs: ReadonlyArray<{ type: string; id: string; name?: string; reason?: string }>,
  withReason: boolean,
): string {
  if (refs.length === 0) return '';
  const head = `<tr><th scope="col">Type</th><th scope="col">id</th><th scope="col">Name</th>${withReason ? '<th scope="col">Why</th>' : ''}</tr>`;
  return (
    `<details${attrs({ class: 'refs', open: withReason })}><summary>${text(title)} (${refs.length})</summary>` +
    `<table class="reftable"><thead>${head}</thead><tbody>${refRows(refs, withReason)}</tbody></table></details>`
  );
}

export function cleanupHtml(result: RunResult): string {
  const { created, deleted, leftBehind } = result.cleanup;
  const state =
    leftBehind.length > 0
      ? `<p class="left-warn">${text(plural(leftBehind.length, 'resource', 'resources'))} created by this run ${leftBehind.length === 1 ? 'is' : 'are'} still on the target. Delete ${leftBehind.length === 1 ? 'it' : 'them'} with ${text(`scim-conformance cleanup --url ${result.target.url} --run-id ${result.runId}`)}, or by hand.</p>`
      : '<p class="left-ok">Everything this run created was deleted.</p>';
  return (
    `<section class="cleanup" id="cleanup"><h2>Cleanup</h2>` +
    `<p class="cleanup-counts">${text(`${created.length} created · ${deleted.length} deleted · ${leftBehind.length} left behind`)}</p>${state}` +
    refTable('Left behind', leftBehind, true) +
    refTable('Created', created, false) +
    refTable('Deleted', deleted, false) +
    '</section>'
  );
}
