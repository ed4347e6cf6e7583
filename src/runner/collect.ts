/**
 * Turns vitest's finished test cases into the result model. Everything a report needs was written by the harness
 * into task meta; vitest contributes status, duration and (for crashes and timeouts) the error.
 */
import type { TestCase, TestModule, TestSuite } from 'vitest/node';
import type { ResourceRef, TestResult } from '../model/result.js';
import '../model/task-meta.js';
import type { PaceStats } from '../client/limiter.js';
import { gradeTest, type Grading } from './grade.js';

/**
 * The suite a test belongs to ("users/create"): the name of its outermost describe, which the entry file
 * (src/runner/suites-entry.ts) names after the suite file it imports.
 */
export function suiteOf(testCase: TestCase): string {
  let node: TestCase | TestSuite = testCase;
  while (node.parent.type === 'suite') node = node.parent;
  return node === testCase ? '' : node.name;
}

/** Area shown in reports: the first segment of the suite name ("patch/replace" → "patch"). */
export function areaOfTest(testCase: TestCase): string {
  return suiteOf(testCase).split('/')[0]!;
}

/**
 * The test as reports show it. Its status is decided here, once: vitest's failed state is graded by level and
 * --fail-on (and --baseline) into `failed` (blocking) or `warning` (src/runner/grade.ts).
 */
export function toTestResult(testCase: TestCase, grading: Grading = { failOn: 'required' }): TestResult {
  const meta = testCase.meta().scim;
  const result = testCase.result();
  const diagnostic = testCase.diagnostic();
  const file = `suites/${suiteOf(testCase)}.test.ts`;
  const base: TestResult = {
    behaviour: meta?.behaviour ?? testCase.name.split(' ')[0] ?? '',
    name: testCase.name,
    area: areaOfTest(testCase),
    file,
    level: meta?.level ?? 'informational',
    mode: meta?.mode ?? 'both',
    spec: meta?.spec ?? [],
    tags: [...(testCase.options.tags ?? [])],
    status: result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'skipped',
    durationMs: Math.round(diagnostic?.duration ?? 0),
    exchanges: meta?.exchanges ?? [],
    ...(meta ? { requests: meta.exchanges.length + meta.cleanupRequests + (meta.unrecordedRequests ?? 0) } : {}),
  };
  if (result.state === 'skipped' || result.state === 'pending') {
    base.skipReason = (result.state === 'skipped' && result.note) || 'not run';
    // The harness says why it skipped; a test vitest skipped itself was not run (interrupted: src/runner/assemble.ts).
    base.skip = meta?.skip ?? { code: 'not-run', text: base.skipReason };
  }
  if (result.state === 'failed') {
    const message = (result.errors?.[0]?.message ?? 'the test failed without a message').split('\n')[0]!;
    base.failure = meta?.failure ?? { kind: 'error', message: timedOut(message, base.exchanges) ?? message };
  }
  return gradeTest(base, grading);
}

/**
 * vitest's "Test timed out in 34000ms", in words that say what the test waited for: its last recorded exchange
 * (a slow answer, a 429 with a long Retry-After), or that its first request never came back.
 */
export function timedOut(message: string, exchanges: TestResult['exchanges']): string | undefined {
  const match = /^Test timed out in (\d+)ms/.exec(message);
  if (!match) return undefined;
  const seconds = Math.round(Number(match[1]) / 1000);
  const last = exchanges.at(-1);
  const retryAfter = last?.response?.headers['retry-after'] ?? last?.response?.headers['Retry-After'];
  const waited = !last
    ? 'no request of the test had come back'
    : `after ${exchanges.length} requests; the last, ${last.request.method} ${last.request.url}, ${last.error ? `failed: ${last.error.message}` : `answered ${last.response?.status}${retryAfter ? ` with Retry-After: ${retryAfter}` : ''} after ${last.durationMs} ms`}`;
  return `the test did not finish within its ${seconds} s (8 × --timeout + 10 s): ${waited}`;
}

/** The tests of the run; the stand-ins of suite files that failed to load are errors, not tests. */
export function testCasesOf(modules: readonly TestModule[]): TestCase[] {
  return modules.flatMap((m) => [...m.children.allTests()]).filter((t) => t.meta().loadError === undefined);
}

/** Suite files that failed to load (and a failure of the entry file itself), one line each. */
export function moduleErrors(modules: readonly TestModule[]): string[] {
  const loadErrors = modules.flatMap((m) => [...m.children.allTests()].filter((t) => t.meta().loadError !== undefined));
  return [
    ...modules.flatMap((m) => m.errors().map((e) => `suite runner: ${(e.message ?? String(e)).split('\n')[0]}`)),
    ...loadErrors.map((t) => `${suiteOf(t)}: ${t.meta().loadError}`),
  ];
}

/** What a run that ran nothing gives (interrupted before vitest started a test). */
export function noSuiteRun(): { tests: TestResult[]; errors: string[]; resources: ReturnType<typeof resourcesOf> } {
  return { tests: [], errors: [], resources: resourcesOf([]) };
}

/** Resources the tests created and deleted, from task meta. */
export function resourcesOf(cases: TestCase[]): {
  created: ResourceRef[];
  deleted: ResourceRef[];
  cleanupRequests: number;
  cleanupErrors: string[];
  unrecordedRequests: number;
  pace?: PaceStats;
} {
  const out: ReturnType<typeof resourcesOf> = {
    created: [],
    deleted: [],
    cleanupRequests: 0,
    cleanupErrors: [],
    unrecordedRequests: 0,
  };
  for (const testCase of cases) {
    const meta = testCase.meta().scim;
    if (!meta) continue;
    out.created.push(...meta.created);
    out.deleted.push(...meta.deleted);
    out.cleanupRequests += meta.cleanupRequests;
    out.cleanupErrors.push(...meta.cleanupErrors);
    out.unrecordedRequests += meta.unrecordedRequests ?? 0;
    // The worker's limiter counts cumulatively: the snapshot with the most requests is the latest.
    if (meta.pace && meta.pace.sent >= (out.pace?.sent ?? 0)) out.pace = meta.pace;
  }
  return out;
}
