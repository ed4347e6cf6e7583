/**
 * Status of a test from its level and the --fail-on threshold: decided once, where results are collected
 * (src/runner/collect.ts). The harness keeps throwing on every failed judgement; this decides whether that
 * failure blocks the run (`failed`) or is reported as a `warning`.
 */
import type { Level } from '../catalog/types.js';
import type { FailOn, TestResult } from '../model/result.js';

/** The levels that block the run at each threshold (README "Exit codes"; decisions/exit-codes.md). */
export const BLOCKING_LEVELS: Record<FailOn, ReadonlySet<Level>> = {
  required: new Set<Level>(['required']),
  gallery: new Set<Level>(['required', 'gallery', 'validator']),
  all: new Set<Level>(['required', 'recommended', 'gallery', 'validator', 'informational']),
};

export interface Grading {
  failOn: FailOn;
  /** --baseline: names of the tests whose judgement failed in the baseline run (status failed or warning). */
  knownFailures?: ReadonlySet<string>;
}

export function blocksAt(level: Level, failOn: FailOn): boolean {
  return BLOCKING_LEVELS[failOn].has(level);
}

/**
 * `status` is `failed` on entry for every failed judgement (as vitest reports it); returns the graded test:
 * `failed` only when its level blocks at the threshold and it did not fail in the baseline run, else `warning`.
 * Passed and skipped tests are returned unchanged.
 */
export function gradeTest(test: TestResult, grading: Grading): TestResult {
  if (test.status !== 'failed' && test.status !== 'warning') return test;
  const known = grading.knownFailures?.has(test.name) ?? false;
  const graded: TestResult = { ...test, status: blocksAt(test.level, grading.failOn) && !known ? 'failed' : 'warning' };
  if (grading.knownFailures) graded.baseline = known ? 'known' : 'new';
  return graded;
}

/** A failed judgement, blocking or not. */
export function judgedFailed(test: Pick<TestResult, 'status'>): boolean {
  return test.status === 'failed' || test.status === 'warning';
}
