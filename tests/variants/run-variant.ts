/**
 * Runs the whole default suite (built CLI, fixed seed) against the reference server changed by one variant or
 * fault, and sorts the results by what they mean for the exit code.
 */
import { createScimServer, type ServerFault } from '../../src/server/app.js';
import type { TestResult } from '../../src/model/result.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { TEST_TOKEN } from '../helpers/target-server.js';
import type { ResourceStore } from '../../src/server/store.js';

export interface VariantRun {
  run: CliRun;
  tests: TestResult[];
  /** Failures that fail a run by default: a required-level test that failed (not a warning). */
  blocking: TestResult[];
  /** Failures below the blocking threshold (lower-level failed tests, or `warning` once the verdict branch lands). */
  warnings: TestResult[];
}

/**
 * Blocking, whether or not the verdict branch has landed: before it, `failed` at level required; after it, `failed`
 * (a lower-level failure becomes `warning`). A `warning` never blocks.
 */
export function isBlocking(test: TestResult): boolean {
  return test.status === 'failed' && test.level === 'required';
}

export function isWarning(test: TestResult): boolean {
  return (test.status as string) === 'warning' || (test.status === 'failed' && test.level !== 'required');
}

export async function runAgainst(
  build: (server: { store(): ResourceStore }) => ServerFault[],
  options: { maxResults?: number; seed?: string } = {},
): Promise<VariantRun> {
  let store: ResourceStore | undefined;
  const server = createScimServer({
    token: TEST_TOKEN,
    basePath: '/scim/v2',
    faults: build({ store: () => store! }),
    ...(options.maxResults ? { maxResults: options.maxResults } : {}),
  });
  store = server.store;
  const { url } = await server.listen(0, '127.0.0.1');
  try {
    const run = await runCli(['--url', url, '--reporter', 'json,junit', '--seed', options.seed ?? '7'], {
      env: { SCIM_TOKEN: TEST_TOKEN },
      timeoutMs: 240_000,
    });
    const tests = run.results?.tests ?? [];
    return { run, tests, blocking: tests.filter(isBlocking), warnings: tests.filter(isWarning) };
  } finally {
    await server.close();
  }
}

/** "U-06 the POST … : message" lines for assertion messages. */
export function describeTests(tests: TestResult[]): string {
  return tests.map((t) => `  ${t.name}: ${t.failure?.message ?? t.status}`).join('\n') || '  (none)';
}

/** Runs `tasks` with at most `limit` at a time (each one is a whole CLI run: CPU-bound). */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}
