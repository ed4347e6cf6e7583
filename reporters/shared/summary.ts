/**
 * What every reporter says the same way: the readiness verdict and the counts by area and by level.
 * Kept in one place so the console, the HTML page and anything later never disagree about "ready".
 */
import type { RunResult, TestResult, TestStatus } from '../../src/model/result.js';
import type { Level } from '../../src/catalog/types.js';

/** Catalog levels from most to least decisive; reports list them in this order. */
export const LEVELS: readonly Level[] = ['required', 'recommended', 'gallery', 'validator', 'informational'];

export interface Counts {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
}

export function emptyCounts(): Counts {
  return { total: 0, passed: 0, failed: 0, skipped: 0 };
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

export type VerdictKind = 'ready' | 'not-ready' | 'inconclusive';

export interface Verdict {
  kind: VerdictKind;
  /** One sentence for a manager: "Ready for Entra provisioning", "Not ready: 2 required behaviours fail". */
  headline: string;
  /** Failed tests of level required: these decide readiness. */
  blocking: TestResult[];
  /** Failed tests of level recommended: listed as warnings, never blocking. */
  warnings: TestResult[];
  /** Failed tests of the other levels (gallery, validator, informational). */
  other: TestResult[];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Required failures decide readiness, counted by behaviour (two tests of one behaviour are one problem).
 * A transport error on a required test counts as a failure: the behaviour was not shown to work. A run that
 * passed nothing, or broke outside any test, proves nothing either way, and the verdict says so rather than
 * printing "Ready" over a run that never reached the server.
 */
export function verdictOf(result: RunResult): Verdict {
  const failed = result.tests.filter((test) => test.status === 'failed');
  const blocking = failed.filter((test) => test.level === 'required');
  const warnings = failed.filter((test) => test.level === 'recommended');
  const other = failed.filter((test) => test.level !== 'required' && test.level !== 'recommended');
  const behaviours = new Set(blocking.map((test) => test.behaviour)).size;
  if (behaviours > 0) {
    const verb = behaviours === 1 ? 'fails' : 'fail';
    return { kind: 'not-ready', headline: `Not ready: ${plural(behaviours, 'required behaviour', 'required behaviours')} ${verb}`, blocking, warnings, other };
  }
  if (result.errors.length > 0) {
    const headline = `Inconclusive: the run had ${plural(result.errors.length, 'error', 'errors')} outside the tests`;
    return { kind: 'inconclusive', headline, blocking, warnings, other };
  }
  if (!result.tests.some((test) => test.status === 'passed')) {
    return { kind: 'inconclusive', headline: 'Inconclusive: no test passed', blocking, warnings, other };
  }
  return { kind: 'ready', headline: 'Ready for Entra provisioning', blocking, warnings, other };
}

/** "5 passed, 2 failed, 1 skipped" — zeros left out except passed. */
export function countsText(counts: Counts): string {
  const parts = [`${counts.passed} passed`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  return parts.join(', ');
}
