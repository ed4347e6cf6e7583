/**
 * What every reporter says the same way: the readiness verdict and the counts by area and by level.
 * Kept in one place so the console, the HTML page and anything later never disagree about "ready".
 */
import type { FailOn, RunResult, TestResult, TestStatus, VerdictKind } from '../../src/model/result.js';
import { failsThreshold } from '../../src/runner/verdict.js';
import type { Level } from '../../src/catalog/types.js';

/** Catalog levels from most to least decisive; reports list them in this order. */
export const LEVELS: readonly Level[] = ['required', 'recommended', 'gallery', 'validator', 'informational'];

export interface Counts {
  total: number;
  passed: number;
  failed: number;
  warning: number;
  skipped: number;
}

export function emptyCounts(): Counts {
  return { total: 0, passed: 0, failed: 0, warning: 0, skipped: 0 };
}

function add(counts: Counts, status: TestStatus): void {
  counts.total += 1;
  counts[status] += 1;
}

/** Counts per area, areas in the order they first appear in the run. */
export function countsByArea(tests: readonly TestResult[]): Map<string, Counts> {
  const byArea = new Map<string, Counts>();
  for (const test of tests) {
    let counts = byArea.get(test.area);
    if (!counts) byArea.set(test.area, (counts = emptyCounts()));
    add(counts, test.status);
  }
  return byArea;
}

/** Counts per level, every level present (zeros included) so tables keep their shape. */
export function countsByLevel(tests: readonly TestResult[]): Map<Level, Counts> {
  const byLevel = new Map<Level, Counts>(LEVELS.map((level) => [level, emptyCounts()]));
  for (const test of tests) {
    const counts = byLevel.get(test.level);
    if (counts) add(counts, test.status);
  }
  return byLevel;
}

export type { VerdictKind };

export interface Verdict {
  /** result.verdict, decided by the runner (src/runner/verdict.ts): reporters show it, never recompute it. */
  kind: VerdictKind;
  /** One sentence for a manager: "Ready for Entra provisioning", "Not ready: 2 required behaviours fail". */
  headline: string;
  /** Blocking failures (status failed): they make the exit code 1. */
  blocking: TestResult[];
  /** Failures of the baseline run again (warning, baseline known): not blocking, listed on their own. */
  known: TestResult[];
  /** Failed judgements below --fail-on (warning): listed, never blocking. */
  warnings: TestResult[];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const FAIL_ON_TEXT: Record<FailOn, string> = {
  required: 'required failures',
  gallery: 'required, gallery and validator failures',
  all: 'failures of every level',
};

/** "8 of 71 required behaviours checked". */
export function coverageText(result: Pick<RunResult, 'required'>): string {
  return `${result.required.checked} of ${plural(result.required.total, 'required behaviour', 'required behaviours')} checked`;
}

function notReadyHeadline(result: RunResult, failing: TestResult[], known: number): string {
  const ids = new Set(failing.map((test) => test.behaviour)).size;
  const levels = [...new Set(failing.map((test) => test.level))];
  const what =
    levels.length === 1
      ? `${levels[0]} ${ids === 1 ? 'behaviour' : 'behaviours'}`
      : `blocking ${ids === 1 ? 'behaviour' : 'behaviours'} (${levels.join(', ')})`;
  const tail =
    known === failing.length
      ? '; all known from the baseline run, none new'
      : known > 0
        ? `; ${known} of them known from the baseline run`
        : '';
  const threshold = result.failOn === 'required' ? '' : ` at --fail-on ${result.failOn}`;
  return `Not ready${threshold}: ${ids} ${what} ${ids === 1 ? 'fails' : 'fail'}${tail}`;
}

/** The headline of result.verdict, with the counts it rests on; every reporter prints this same sentence. */
export function verdictOf(result: RunResult): Verdict {
  const blocking = result.tests.filter((test) => test.status === 'failed');
  const known = result.tests.filter((test) => test.status === 'warning' && test.baseline === 'known');
  const warnings = result.tests.filter((test) => test.status === 'warning' && test.baseline !== 'known');
  const base = { kind: result.verdict, blocking, known, warnings };
  switch (result.verdict) {
    case 'ready':
      return { ...base, headline: `Ready for Entra provisioning: ${coverageText(result)}, none fails` };
    case 'partial':
      return {
        ...base,
        headline: `Partial: ${coverageText(result)}, nothing that ran blocks; run every suite for a verdict`,
      };
    case 'interrupted':
      return {
        ...base,
        headline: `Interrupted by ${result.interrupted?.signal ?? 'a signal'}: no verdict (${coverageText(result)} before it stopped)`,
      };
    case 'inconclusive':
      return {
        ...base,
        headline:
          result.errors.length > 0
            ? `Inconclusive: the run had ${plural(result.errors.length, 'error', 'errors')} outside the tests`
            : 'Inconclusive: no test came to a judgement',
      };
    case 'not-ready': {
      const failing = [...blocking, ...known.filter((test) => failsThreshold(test, result.failOn))];
      return { ...base, headline: notReadyHeadline(result, failing, failing.length - blocking.length) };
    }
  }
}

/** "5 passed, 2 failed, 3 warnings, 1 skipped" — zeros left out except passed. */
export function countsText(counts: Counts): string {
  const parts = [`${counts.passed} passed`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.warning) parts.push(plural(counts.warning, 'warning', 'warnings'));
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  return parts.join(', ');
}

/** What --fail-on blocks, for reports: "required failures", "required, gallery and validator failures", "failures of every level". */
export function failOnText(failOn: FailOn): string {
  return FAIL_ON_TEXT[failOn];
}
