/**
 * Step 3 of a run, result assembly: what the suites and the cleanup returned → one RunResult (src/model/result.ts),
 * the only thing reporters read. Pure, apart from the clock and the package version.
 */
import { effectiveRate, type PaceStats } from '../client/limiter.js';
import { packageVersion } from '../model/package-root.js';
import {
  RESULT_SCHEMA_VERSION,
  type CleanupReport,
  type FailOn,
  type RunResult,
  type TestResult,
} from '../model/result.js';
import type { Profile } from '../profiles/profile-schema.js';
import type { Baseline } from './baseline.js';
import { baselineSummary } from './baseline.js';
import { decideVerdict } from './verdict.js';

export interface RunFactsForResult {
  runId: string;
  seed: number;
  failOn: FailOn;
  /** The target URL as reports show it (displayTarget). */
  url: string;
  demo: boolean;
  profile: Pick<Profile, 'name' | 'title' | 'mode'>;
}

export interface Assembly extends RunFactsForResult {
  startedAt: Date;
  finishedAt: Date;
  tests: TestResult[];
  errors: string[];
  cleanup: CleanupReport;
  required: RunResult['required'];
  requests: number;
  pace: { throttled: number; rate: number };
  interrupted?: RunResult['interrupted'];
  readOnly: boolean;
  baseline?: Baseline;
}

export function assembleResult(run: Assembly): RunResult {
  const { tests, errors, interrupted } = run;
  const count = (status: TestResult['status']) => tests.filter((t) => t.status === status).length;
  const result: RunResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    verdict: decideVerdict({ tests, errors, interrupted, failOn: run.failOn, required: run.required }),
    failOn: run.failOn,
    required: run.required,
    tool: { name: 'scim-conformance', version: packageVersion() },
    runId: run.runId,
    seed: run.seed,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    durationMs: run.finishedAt.getTime() - run.startedAt.getTime(),
    target: { url: run.url, demo: run.demo },
    profile: { name: run.profile.name, title: run.profile.title, mode: run.profile.mode },
    summary: {
      total: tests.length,
      passed: count('passed'),
      failed: count('failed'),
      warnings: count('warning'),
      skipped: count('skipped'),
      requests: run.requests,
      ...run.pace,
    },
    tests,
    cleanup: run.cleanup,
    errors,
    ...(interrupted ? { interrupted } : {}),
    ...(run.readOnly ? { readOnly: true } : {}),
  };
  if (run.baseline) result.baseline = baselineSummary(tests, run.baseline);
  return result;
}

/** The result of a run that stopped at the preflight with exit 3: no test ran, one error says why. */
export function targetErrorResult(message: string, run: RunFactsForResult): RunResult {
  const now = new Date();
  return assembleResult({
    ...run,
    startedAt: now,
    finishedAt: now,
    tests: [],
    errors: [`the run stopped before any test (exit 3): ${message}`],
    cleanup: { created: [], deleted: [], leftBehind: [] },
    required: { checked: 0, total: 0, unchecked: [] },
    requests: 1,
    pace: { throttled: 0, rate: 0 },
    readOnly: false,
  });
}

/** 429s met and the effective rate over the run: the main process (preflight, final cleanup) and the worker (suites). */
export function runPace(
  main: PaceStats,
  worker: PaceStats | undefined,
  requests: number,
): { throttled: number; rate: number } {
  const parts = worker ? [main, worker] : [main];
  const started = parts.map((p) => p.firstAt).filter((t) => t > 0);
  const firstAt = started.length ? Math.min(...started) : 0;
  const lastAt = Math.max(...parts.map((p) => p.lastAt));
  return {
    throttled: parts.reduce((sum, p) => sum + p.throttled, 0),
    rate: effectiveRate({ sent: requests, firstAt, lastAt }),
  };
}

/** The target URL as reports show it: no query string (it may carry secrets), "(demo)" for the reference server. */
export function displayTarget(url: string, demo: boolean): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}${demo ? ' (bundled reference server)' : ''}`;
}

export function interruption(signal: AbortSignal | undefined): RunResult['interrupted'] {
  if (!signal?.aborted) return undefined;
  return { signal: signal.reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT', at: new Date().toISOString() };
}

/**
 * Tests vitest skipped because the run was cancelled say so in words a user understands; a test cut short by the
 * signal (its request was not sent, or was aborted, because of it) is skipped as not finished, never a failure.
 */
export function markNotRun(tests: TestResult[], signal: 'SIGINT' | 'SIGTERM'): void {
  const text = `the run was interrupted (${signal})`;
  for (const test of tests) {
    // vitest's own skips of a cancelled run: never started ("not run", or its note "aborted by the user").
    if (test.status === 'skipped' && test.skip?.code === 'not-run') {
      test.skipReason = `not run: ${text}`;
      test.skip = { code: 'interrupted', text };
    } else if (test.status === 'skipped' && test.skip?.code === 'not-finished') {
      test.skipReason = `not finished: ${text}`;
      test.skip = { code: 'not-finished', text };
    } else if ((test.status === 'failed' || test.status === 'warning') && cutShort(test)) {
      test.status = 'skipped';
      test.skipReason = `not finished: ${text}`;
      test.skip = { code: 'not-finished', text };
      delete test.failure;
      delete test.baseline;
    }
  }
}

export function notFinished(test: TestResult): TestResult {
  const { failure: _failure, baseline: _baseline, ...rest } = test;
  return {
    ...rest,
    status: 'skipped',
    skipReason: 'not finished: the run was interrupted',
    skip: { code: 'not-finished', text: 'the run was interrupted' },
  };
}

export function cutShort(test: TestResult): boolean {
  const failure = test.failure;
  return (
    failure !== undefined &&
    failure.kind !== 'conformance' &&
    /the run was interrupted|aborted|TestRunAbortError/i.test(failure.message)
  );
}
