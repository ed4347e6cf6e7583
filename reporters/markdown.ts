/**
 * summary.md: the run as GitHub-flavoured markdown, for a CI job summary ($GITHUB_STEP_SUMMARY, which the CLI
 * appends it to automatically when that variable is set) or a pull-request comment. The verdict first, then
 * one row per failing behaviour (grouped, server errors decoded), then how to reproduce. Text from the target
 * is escaped so that it cannot add markdown or HTML of its own.
 */
import type { RunResult } from '../src/model/result.js';
import { formatDuration } from './shared/duration.js';
import { oneLine } from './shared/escape.js';
import { groupFailures, groupLabel, readableMessage, type FailureGroup } from './shared/failures.js';
import { countsText, failOnText, verdictOf } from './shared/summary.js';

const ICON = { ready: '✅', 'not-ready': '❌', partial: '⚠️', interrupted: '⏹️', inconclusive: '❔' } as const;

/** Escape text for a markdown table cell or paragraph: no HTML, no emphasis, no pipes, one line. */
export function mdText(text: string, max = 300): string {
  return oneLine(text, max)
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

function code(text: string): string {
  const flat = oneLine(text, 600);
  const fence = flat.includes('`') ? '``' : '`';
  return `${fence}${flat}${fence}`;
}

function groupRows(groups: readonly FailureGroup[]): string[] {
  if (groups.length === 0) return [];
  const rows = ['| Behaviour | Level | Test | What went wrong | What Entra would do |', '|---|---|---|---|---|'];
  for (const group of groups) {
    const first = group.tests[0];
    rows.push(
      `| **${mdText(groupLabel(group))}** | ${mdText(first.level)} | ${mdText(first.name, 160)} | ${mdText(readableMessage(first))} | ${mdText(first.failure?.entra ?? '', 240)} |`,
    );
  }
  return rows;
}

export function renderMarkdown(result: RunResult): string {
  const verdict = verdictOf(result);
  const s = result.summary;
  const lines = [
    `## ${ICON[verdict.kind]} scim-conformance: ${mdText(verdict.headline)}`,
    '',
    `${mdText(result.target.url)} · profile ${mdText(result.profile.name)} · seed ${result.seed} · ${s.total} tests: ${countsText({ ...s, warning: s.warnings, total: s.total })} · ${formatDuration(result.durationMs)}`,
    '',
    `Blocking: ${failOnText(result.failOn)} (\`--fail-on ${result.failOn}\`); the others are warnings.`,
  ];
  const blocking = groupFailures(verdict.blocking);
  if (blocking.length > 0) lines.push('', `### Blocking failures (${blocking.length})`, '', ...groupRows(blocking));
  const known = groupFailures(verdict.known);
  if (known.length > 0)
    lines.push('', `### Known failures from the baseline run (${known.length}), not blocking`, '', ...groupRows(known));
  const warnings = groupFailures(verdict.warnings);
  if (warnings.length > 0) {
    lines.push(
      '',
      '<details><summary>',
      '',
      `Warnings, not blocking (${warnings.length})`,
      '',
      '</summary>',
      '',
      ...groupRows(warnings),
      '',
      '</details>',
    );
  }
  if (result.errors.length > 0) {
    lines.push('', `### Errors outside the tests (${result.errors.length})`, '');
    for (const error of result.errors) lines.push(`- ${mdText(error)}`);
  }
  const first = verdict.blocking[0]?.reproduce;
  if (first) {
    lines.push(
      '',
      '### Reproduce',
      '',
      'Rerun one failing test with the same data (token from `SCIM_TOKEN`):',
      '',
      code(first.rerun),
      '',
      'report.html has, for each failed test, a bash script of its requests (Copy) that reproduces it after the run; results.json has it as `tests[].reproduce.script`.',
    );
  }
  const left = result.cleanup.leftBehind.length;
  lines.push(
    '',
    left > 0
      ? `⚠️ ${left} resources created by this run are still on the target (run id ${mdText(result.runId)}).`
      : `Cleanup: ${result.cleanup.created.length} created, all deleted.`,
  );
  return `${lines.join('\n')}\n`;
}

export const markdownReporter = {
  kind: 'file',
  fileName: 'summary.md',
  render: renderMarkdown,
} as const;
