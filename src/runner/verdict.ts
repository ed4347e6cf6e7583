/**
 * The run's verdict, decided once from the graded tests (src/runner/grade.ts); every reporter shows this value.
 *
 * - interrupted: Ctrl-C or SIGTERM stopped the run. Whatever finished is reported, but nothing is concluded.
 * - not-ready: a failure at or above --fail-on: a blocking one (status failed), or one that is only not blocking
 *   because the --baseline run had it too (it still breaks what its level says).
 * - inconclusive: the target could not be judged: errors outside the tests (a suite that did not load, the breaker
 *   opened because the target stopped answering, an unhandled error), or no test came to a judgement at all.
 * - partial: nothing blocks, but required behaviours were left unchecked (--suite, --grep, --read-only, or tests
 *   skipped as `inconclusive: …` or not run): "N of M required behaviours checked".
 * - ready: nothing blocks and every required behaviour a full run of this profile declares was checked.
 */
import type { FailOn, RunResult, TestResult, VerdictKind } from '../model/result.js';
import { blocksAt } from './grade.js';

/** The test came to an answer about its behaviour: judged, or skipped because the app does not offer the feature. */
export function settled(test: Pick<TestResult, 'status' | 'skip'>): boolean {
  return test.status !== 'skipped' || test.skip?.code === 'unsupported';
}

/** Distinct ids of the behaviours that have a required-level test among `tests`, sorted. */
export function requiredBehaviours(tests: ReadonlyArray<Pick<TestResult, 'behaviour' | 'level'>>): string[] {
  return [...new Set(tests.filter((t) => t.level === 'required').map((t) => t.behaviour))].sort();
}

/**
 * Which required behaviours this run checked. `declared`: the required behaviour ids a full run of the same
 * profile declares (every suite, no --grep, not read-only). A behaviour counts as checked when this run has a test
 * of it and every such test settled (see `settled`).
 */
export function requiredCoverage(tests: readonly TestResult[], declared: readonly string[]): RunResult['required'] {
  const all = new Set([...declared, ...requiredBehaviours(tests)]);
  const byBehaviour = new Map<string, TestResult[]>();
  for (const test of tests)
    if (test.level === 'required') byBehaviour.set(test.behaviour, [...(byBehaviour.get(test.behaviour) ?? []), test]);
  const unchecked = [...all]
    .filter((id) => {
      const own = byBehaviour.get(id);
      return !own || !own.every(settled);
    })
    .sort();
  return { checked: all.size - unchecked.length, total: all.size, unchecked };
}

/** A failed judgement that breaks what the threshold guards: blocking now, or blocking but known from the baseline. */
export function failsThreshold(test: Pick<TestResult, 'status' | 'level' | 'baseline'>, failOn: FailOn): boolean {
  return (
    test.status === 'failed' || (test.status === 'warning' && test.baseline === 'known' && blocksAt(test.level, failOn))
  );
}

export interface VerdictInput {
  tests: readonly TestResult[];
  errors: readonly string[];
  interrupted?: RunResult['interrupted'];
  failOn: FailOn;
  required: RunResult['required'];
}

export function decideVerdict(run: VerdictInput): VerdictKind {
  if (run.interrupted) return 'interrupted';
  if (run.tests.some((test) => failsThreshold(test, run.failOn))) return 'not-ready';
  if (run.errors.length > 0) return 'inconclusive';
  if (!run.tests.some((test) => test.status !== 'skipped')) return 'inconclusive';
  if (run.required.checked < run.required.total) return 'partial';
  return 'ready';
}
