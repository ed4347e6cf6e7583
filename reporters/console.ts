/**
 * Progress and summary on the terminal. The CLI owns the stream and decides colour (see shared/color.ts);
 * this module only formats. Text that came from the target is stripped of control characters first.
 */
import type { RunResult, TestResult } from '../src/model/result.js';
import { palette, stripControl, type Palette } from './shared/color.js';
import { formatDuration } from './shared/duration.js';
import { oneLine } from './shared/escape.js';
import {
  groupFailures,
  groupLabel,
  messageShape,
  readableMessage,
  serverErrorNote,
  type FailureGroup,
} from './shared/failures.js';
import { countsByArea, countsText, failOnText, verdictOf, type Verdict } from './shared/summary.js';
import { grepForBehaviour, grepForTest, rerunCommand } from '../src/runner/reproduce.js';
import { shellQuote } from '../src/model/curl.js';

export interface ConsoleReporterOptions {
  write: (s: string) => void;
  color: boolean;
  /**
   * compact (--quiet, and CI=true without --verbose): one counter line per area when the area is done, then the
   * grouped failures and the verdict. verbose (the default on a terminal): one line per test.
   */
  progress?: 'verbose' | 'compact';
}

export interface StartInfo {
  total: number;
  target: string;
  profile: string;
  seed: number;
}

export type ProgressTest = Pick<
  TestResult,
  'name' | 'area' | 'status' | 'durationMs' | 'failure' | 'skipReason' | 'level'
>;

type StatusCounts = Record<ProgressTest['status'], number>;

export interface ConsoleReporter {
  start(info: StartInfo): void;
  testDone(test: ProgressTest, done: number, total: number): void;
  finish(result: RunResult, reportPaths: string[]): void;
}

const MARKS = { passed: '✓', failed: '✗', warning: '!', skipped: '↓' } as const;

function clean(text: string, max = 300): string {
  return oneLine(stripControl(text), max);
}

function mark(p: Palette, status: ProgressTest['status']): string {
  if (status === 'passed') return p.green(MARKS.passed);
  if (status === 'failed') return p.red(MARKS.failed);
  if (status === 'warning') return p.yellow(MARKS.warning);
  return p.dim(MARKS.skipped);
}

function failureLabel(test: Pick<TestResult, 'failure'> & { baseline?: TestResult['baseline'] }): string {
  const kind = test.failure?.kind;
  const known = test.baseline === 'known' ? '[known] ' : test.baseline === 'new' ? '[new] ' : '';
  return known + (kind === 'transport' ? 'transport error: ' : kind === 'error' ? 'error: ' : '');
}

function verdictLine(p: Palette, verdict: Verdict): string {
  if (verdict.kind === 'ready') return p.bold(p.green(verdict.headline));
  if (verdict.kind === 'not-ready') return p.bold(p.red(verdict.headline));
  return p.bold(p.yellow(verdict.headline));
}

/** The rerun command for a group: every test of the behaviour, with the run's flags and seed (the same data). */
function groupRerun(result: RunResult, group: FailureGroup): string {
  const first = group.tests[0];
  const facts = {
    url: result.target.url,
    demo: result.target.demo,
    seed: result.seed,
    profile: result.profile.name,
    failOn: result.failOn,
  };
  const one = first.reproduce?.rerun ?? rerunCommand(grepForTest(first.name), facts);
  return one.replace(shellQuote(grepForTest(first.name)), shellQuote(grepForBehaviour(group.behaviour)));
}

/**
 * One entry per failing behaviour: its message with the server's error decoded, what Entra would do, the hint and
 * the rerun command; identical failures of other tests of the behaviour are counted ("U-14 ×2"), not repeated.
 */
function failureSection(
  p: Palette,
  title: string,
  groups: readonly FailureGroup[],
  result: RunResult,
  blocking: boolean,
): string[] {
  if (groups.length === 0) return [];
  const tests = groups.reduce((n, g) => n + g.tests.length, 0);
  const lines = [
    '',
    p.bold(
      `${title}: ${groups.length} ${groups.length === 1 ? 'behaviour' : 'behaviours'} (${tests} ${tests === 1 ? 'test' : 'tests'})`,
    ),
  ];
  for (const group of groups) {
    const first = group.tests[0];
    const colour = blocking ? p.red : p.yellow;
    lines.push(
      `  ${colour(blocking ? MARKS.failed : MARKS.warning)} ${p.bold(groupLabel(group))} ${p.dim(`(${first.level}, ${first.area})`)} ${clean(first.name.slice(first.behaviour.length).trim(), 200)}`,
    );
    lines.push(`      ${failureLabel(first)}${clean(readableMessage(first))}`);
    // Warnings and known failures: one entry each, without the fix-it detail (results.json and report.html have it).
    if (!blocking) continue;
    const others = new Map(
      group.tests.slice(1).map((test) => [messageShape(readableMessage(test)), readableMessage(test)]),
    );
    others.delete(messageShape(readableMessage(first)));
    const [example] = others.values();
    if (example !== undefined)
      lines.push(
        p.dim(`      and ${others.size} other ${others.size === 1 ? 'message' : 'messages'}, e.g. ${clean(example)}`),
      );
    const note = serverErrorNote(first);
    if (note) lines.push(`      server said: ${clean(note)}`);
    if (first.failure?.entra) lines.push(`      ${p.cyan('Entra:')} ${clean(first.failure.entra)}`);
    if (first.failure?.hint) lines.push(`      ${p.dim(`hint: ${clean(first.failure.hint)}`)}`);
    lines.push(`      ${p.dim('rerun:')} ${clean(groupRerun(result, group), 400)}`);
  }
  return lines;
}

function cleanupSection(p: Palette, result: RunResult): string[] {
  const { created, deleted, leftBehind } = result.cleanup;
  const left = leftBehind.length > 0 ? p.red(`${leftBehind.length} left behind`) : '0 left behind';
  const lines = [
    '',
    `${p.bold('Cleanup')} (run ${clean(result.runId, 40)}): ${created.length} created, ${deleted.length} deleted, ${left}`,
  ];
  for (const ref of leftBehind) {
    const name = ref.name ? ` (${clean(ref.name, 80)})` : '';
    lines.push(`    ${ref.type} ${clean(ref.id, 80)}${name}: ${clean(ref.reason, 200)}`);
  }
  if (leftBehind.length > 0 && !result.target.demo)
    lines.push(
      `    remove them later with: scim-conformance cleanup --url ${clean(result.target.url, 200)} --run-id ${clean(result.runId, 40)}`,
    );
  return lines;
}

export function createConsoleReporter(options: ConsoleReporterOptions): ConsoleReporter {
  const p = palette(options.color);
  const out = (line = ''): void => options.write(`${line}\n`);
  const compact = options.progress === 'compact';
  let total = 0;
  let done = 0;
  let width = 1;
  const byArea = new Map<string, StatusCounts>();

  const areaLine = (area: string, counts: StatusCounts, areaTotal: number): string => {
    const bits = [p.green(`${counts.passed} passed`)];
    if (counts.failed) bits.push(p.red(`${counts.failed} failed`));
    if (counts.warning) bits.push(p.yellow(`${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}`));
    if (counts.skipped) bits.push(p.dim(`${counts.skipped} skipped`));
    const status = counts.failed ? 'failed' : counts.warning ? 'warning' : 'passed';
    const overall = total > 0 ? p.dim(` [${String(done).padStart(width)}/${total}]`) : '';
    return `${mark(p, status)} ${p.cyan(area.padEnd(11))} ${areaTotal} tests: ${bits.join(', ')}${overall}`;
  };

  return {
    start(info) {
      total = info.total;
      width = String(info.total).length;
      out(
        `${p.bold('scim-conformance')}: ${info.total} ${info.total === 1 ? 'test' : 'tests'} against ${clean(info.target, 200)}`,
      );
      out(
        p.dim(
          `profile ${info.profile} · seed ${info.seed}${compact ? ' · one line per area (--verbose: one per test)' : ''}`,
        ),
      );
      out();
    },

    testDone(test, doneInArea, totalInArea) {
      done += 1;
      if (compact) {
        const counts = byArea.get(test.area) ?? { passed: 0, failed: 0, warning: 0, skipped: 0 };
        counts[test.status] += 1;
        byArea.set(test.area, counts);
        if (doneInArea === totalInArea) out(areaLine(test.area, counts, totalInArea));
        return;
      }
      const counter = p.dim(total > 0 ? `${String(done).padStart(width)}/${total}` : `${doneInArea}/${totalInArea}`);
      const time = p.dim(formatDuration(test.durationMs));
      out(`${mark(p, test.status)} ${p.cyan(test.area.padEnd(10))} ${counter} ${clean(test.name, 200)} ${time}`);
      if (test.status === 'failed' && test.failure) {
        out(`      ${p.red(`${failureLabel(test)}${clean(test.failure.message)}`)}`);
      } else if (test.status === 'warning' && test.failure) {
        out(`      ${p.yellow(`warning (${test.level}): ${failureLabel(test)}${clean(test.failure.message)}`)}`);
      } else if (test.status === 'skipped' && test.skipReason) {
        out(`      ${p.dim(`skipped: ${clean(test.skipReason)}`)}`);
      }
    },

    finish(result, reportPaths) {
      const verdict = verdictOf(result);
      const s = result.summary;
      const lines = [
        '',
        `${p.bold('Summary')}: ${verdict.kind} · ${s.total} tests: ${p.green(`${s.passed} passed`)}, ${s.failed ? p.red(`${s.failed} failed`) : '0 failed'}, ${s.warnings ? p.yellow(`${s.warnings} warnings`) : '0 warnings'}, ${s.skipped} skipped (${formatDuration(result.durationMs)}, ${s.requests} requests, ${s.rate}/s${s.throttled ? `, ${s.throttled} × 429` : ''})`,
        p.dim(`Blocking: ${failOnText(result.failOn)} (--fail-on ${result.failOn}); the others are warnings`),
      ];
      if (result.interrupted)
        lines.push(p.yellow(`Interrupted by ${result.interrupted.signal}: tests that had not finished are skipped`));
      if (result.readOnly)
        lines.push(p.dim('Read-only run: only tests tagged read-only ran; no POST, PUT, PATCH or DELETE was sent'));
      if (!compact)
        for (const [area, counts] of countsByArea(result.tests))
          lines.push(p.dim(`  ${area.padEnd(12)} ${countsText(counts)}`));
      lines.push(...failureSection(p, 'Blocking failures', groupFailures(verdict.blocking), result, true));
      lines.push(
        ...failureSection(p, 'Known failures (baseline), not blocking', groupFailures(verdict.known), result, false),
      );
      lines.push(...failureSection(p, 'Warnings, not blocking', groupFailures(verdict.warnings), result, false));
      if (result.baseline) {
        const b = result.baseline;
        lines.push(
          '',
          `Baseline ${clean(b.file)}: ${b.newFailures ? p.red(`${b.newFailures} new`) : '0 new'}, ${b.knownFailures} known, ${b.fixed.length} fixed since`,
        );
      }
      if (result.errors.length > 0) {
        lines.push('', p.bold(p.red(`Errors outside the tests (${result.errors.length})`)));
        for (const error of result.errors) lines.push(`    ${clean(error)}`);
      }
      lines.push(...cleanupSection(p, result));
      lines.push('', verdictLine(p, verdict));
      const warned = new Set(verdict.warnings.map((test) => test.behaviour)).size;
      if (warned > 0)
        lines.push(
          p.yellow(
            `  ${warned} ${warned === 1 ? 'behaviour fails' : 'behaviours fail'} below the threshold (warnings, not blocking)`,
          ),
        );
      const unchecked = result.required.unchecked;
      if (unchecked.length > 0 && result.verdict !== 'ready') {
        const more = unchecked.length > 12 ? ` and ${unchecked.length - 12} more (see results.json "required")` : '';
        lines.push(p.dim(`  not checked: ${clean(unchecked.slice(0, 12).join(', '))}${more}`));
      }
      lines.push('', `Seed ${result.seed}: replay this exact run with ${p.bold(`--seed ${result.seed}`)}`);
      if (reportPaths.length > 0) {
        lines.push('Reports:');
        for (const path of reportPaths) lines.push(`  ${path}`);
      }
      for (const line of lines) out(line);
    },
  };
}
