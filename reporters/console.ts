/**
 * Progress and summary on the terminal. The CLI owns the stream and decides colour (see shared/color.ts);
 * this module only formats. Text that came from the target is stripped of control characters first.
 */
import type { RunResult, TestResult } from '../src/model/result.js';
import { palette, stripControl, type Palette } from './shared/color.js';
import { formatDuration } from './shared/duration.js';
import { oneLine } from './shared/escape.js';
import { countsByArea, countsText, failOnText, LEVELS, verdictOf, type Verdict } from './shared/summary.js';

export interface ConsoleReporterOptions {
  write: (s: string) => void;
  color: boolean;
}

export interface StartInfo {
  total: number;
  target: string;
  profile: string;
  seed: number;
}

export type ProgressTest = Pick<TestResult, 'name' | 'area' | 'status' | 'durationMs' | 'failure' | 'skipReason' | 'level'>;

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

/** One section per kind of failed judgement, each grouped by level: what blocks, what the baseline knew, warnings. */
function failureSection(p: Palette, title: string, tests: readonly TestResult[], blocking: boolean): string[] {
  if (tests.length === 0) return [];
  const lines = ['', p.bold(`${title} (${tests.length})`)];
  for (const level of LEVELS) {
    const atLevel = tests.filter((test) => test.level === level);
    if (atLevel.length === 0) continue;
    lines.push(`  ${blocking ? p.red(level) : p.yellow(level)} (${atLevel.length})`);
    for (const test of atLevel) {
      lines.push(`    ${blocking ? p.red(MARKS.failed) : p.yellow(MARKS.warning)} ${clean(test.name, 200)} ${p.dim(`[${test.area}]`)}`);
      if (test.failure) lines.push(`        ${failureLabel(test)}${clean(test.failure.message)}`);
      if (test.failure?.hint) lines.push(`        ${p.dim(`hint: ${clean(test.failure.hint)}`)}`);
    }
  }
  return lines;
}

function cleanupSection(p: Palette, result: RunResult): string[] {
  const { created, deleted, leftBehind } = result.cleanup;
  const left = leftBehind.length > 0 ? p.red(`${leftBehind.length} left behind`) : '0 left behind';
  const lines = ['', `${p.bold('Cleanup')} (run ${clean(result.runId, 40)}): ${created.length} created, ${deleted.length} deleted, ${left}`];
  for (const ref of leftBehind) {
    const name = ref.name ? ` (${clean(ref.name, 80)})` : '';
    lines.push(`    ${ref.type} ${clean(ref.id, 80)}${name}: ${clean(ref.reason, 200)}`);
  }
  if (leftBehind.length > 0 && !result.target.demo)
    lines.push(`    remove them later with: scim-conformance cleanup --url ${clean(result.target.url, 200)} --run-id ${clean(result.runId, 40)}`);
  return lines;
}

export function createConsoleReporter(options: ConsoleReporterOptions): ConsoleReporter {
  const p = palette(options.color);
  const out = (line = ''): void => options.write(`${line}\n`);
  let width = 1;

  return {
    start(info) {
      width = String(info.total).length;
      out(`${p.bold('scim-conformance')}: ${info.total} tests against ${clean(info.target, 200)}`);
      out(p.dim(`profile ${info.profile} · seed ${info.seed}`));
      out();
    },

    testDone(test, done, total) {
      const counter = p.dim(`${String(done).padStart(width)}/${total}`);
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
      if (result.interrupted) lines.push(p.yellow(`Interrupted by ${result.interrupted.signal}: tests that had not finished are skipped`));
      if (result.readOnly) lines.push(p.dim('Read-only run: only tests tagged read-only ran; no POST, PUT, PATCH or DELETE was sent'));
      for (const [area, counts] of countsByArea(result.tests)) lines.push(p.dim(`  ${area.padEnd(12)} ${countsText(counts)}`));
      lines.push(...failureSection(p, 'Blocking failures', verdict.blocking, true));
      lines.push(...failureSection(p, 'Known failures (baseline), not blocking', verdict.known, false));
      lines.push(...failureSection(p, 'Warnings, not blocking', verdict.warnings, false));
      if (result.baseline) {
        const b = result.baseline;
        lines.push('', `Baseline ${clean(b.file)}: ${b.newFailures ? p.red(`${b.newFailures} new`) : '0 new'}, ${b.knownFailures} known, ${b.fixed.length} fixed since`);
      }
      if (result.errors.length > 0) {
        lines.push('', p.bold(p.red(`Errors outside the tests (${result.errors.length})`)));
        for (const error of result.errors) lines.push(`    ${clean(error)}`);
      }
      lines.push(...cleanupSection(p, result));
      lines.push('', verdictLine(p, verdict));
      const warned = new Set(verdict.warnings.map((test) => test.behaviour)).size;
      if (warned > 0) lines.push(p.yellow(`  ${warned} ${warned === 1 ? 'behaviour fails' : 'behaviours fail'} below the threshold (warnings, not blocking)`));
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
