/**
 * Runs the suites with vitest's Node API, in one worker thread: one entry file (src/runner/suites-entry.ts) imports
 * every selected suite, so all tests of the run are concurrent up to --concurrency and never wait for another file
 * to finish. The suites are compiled JavaScript, imported natively (no transform in the run). The target and
 * profile are handed over with provide(); the worker's one client bounds the requests in flight (src/client/limiter.ts).
 */
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createVitest, type TestCase, type TestModule, type TestSuite } from 'vitest/node';
import { TEST_TAGS } from '../catalog/tags.js';
import type { Profile } from '../profiles/profile-schema.js';
import type { TargetConfig } from '../model/target.js';
import type { TestResult } from '../model/result.js';
import { areaOfTest, moduleErrors, noSuiteRun, resourcesOf, testCasesOf, toTestResult } from './collect.js';
import type { Grading } from './grade.js';
import { packageRoot } from '../model/package-root.js';
import { compiledSuite, lastRank, runsLast, startsAfterTheOthers, suiteName } from './suites.js';

export interface SuiteRunOptions {
  target: TargetConfig;
  profile: Profile;
  files: string[];
  /** --grep: tests whose name does not match are not declared at all (src/harness/behaviour.ts), not skipped. */
  grep?: string;
  /** Collect only: list the tests, send nothing. */
  list?: boolean;
  /** --read-only: only tests tagged `read-only` (vitest tagsFilter); the client refuses writes too. */
  readOnly?: boolean;
  /**
   * Aborted on Ctrl-C / SIGTERM: vitest cancels the run (no new test starts, running tests have their requests
   * aborted and clean up), and runSuites returns what finished. If vitest has not wound down `graceMs` after the
   * abort, runSuites stops waiting and returns what it has (the rest is reported as not run).
   */
  signal?: AbortSignal;
  graceMs?: number;
  /** How failed tests are graded into failed (blocking) and warning; default: --fail-on required, no baseline. */
  grading?: Grading;
  onTestDone?: (test: TestResult, doneInArea: number, totalInArea: number) => void;
  /** Called once the tests are collected, before any runs, with how many will run (the console's header). */
  onCollected?: (total: number) => void;
  /**
   * Called once, soon after the worker begins to load the suites: the main thread has nothing to do until they are
   * collected (tens of ms), so main-thread work the run needs later costs no time here.
   */
  whileLoading?: () => void;
  /**
   * Called once, when a suite that starts only after every other suite has finished (src/runner/suites.ts
   * runsLast: `timing`, which only judges what was recorded) starts: with what the tests so far created and deleted,
   * so that the final cleanup and the sweep can go out while the last suite runs and vitest winds down.
   */
  onOthersEnded?: (resources: ReturnType<typeof resourcesOf>) => void;
}

export interface SuiteRunOutput {
  tests: TestResult[];
  errors: string[];
  /** What the tests created and deleted on the target, and the requests their cleanup sent. */
  resources: ReturnType<typeof resourcesOf>;
}

export async function runSuites(options: SuiteRunOptions): Promise<SuiteRunOutput> {
  const root = packageRoot();
  const areaTotals = new Map<string, number>();
  const areaDone = new Map<string, number>();
  // --read-only: tests the tags filter left out are not part of the run (not reported as skipped).
  const selected = (testCase: TestCase) =>
    testCase.meta().loadError === undefined &&
    (!options.readOnly || (testCase.options.tags ?? []).includes('read-only'));
  // vitest forgets a cancel that comes before its run has begun (runFiles resets isCancelling, possibly after the
  // first test module started): while the signal is aborted, EVERY sign of life of the run cancels it again (not
  // only the first), so a signal during start-up stops it all the same. cancelCurrentRun is cheap and idempotent.
  const cancelIfAborted = () => {
    if (options.signal?.aborted) cancel();
  };
  let loading = options.whileLoading;
  let othersEnded = options.onOthersEnded;
  const reporter = {
    onTestSuiteReady(suite: TestSuite) {
      if (!othersEnded || suite.parent.type !== 'module' || !startsAfterTheOthers(suite.name)) return;
      const ended = othersEnded;
      othersEnded = undefined;
      ended(resourcesOf([...suite.module.children.allTests()].filter(selected)));
    },
    onTestModuleQueued() {
      cancelIfAborted();
      // After vitest has answered the worker, which waits for that answer before it loads the suites.
      if (loading) setImmediate(loading);
      loading = undefined;
    },
    onTestModuleStart: cancelIfAborted,
    onTestCaseReady: cancelIfAborted,
    onTestModuleCollected(module: TestModule) {
      cancelIfAborted();
      for (const testCase of module.children.allTests()) {
        if (!selected(testCase)) continue;
        const area = areaOfTest(testCase);
        areaTotals.set(area, (areaTotals.get(area) ?? 0) + 1);
      }
      options.onCollected?.([...areaTotals.values()].reduce((sum, n) => sum + n, 0));
    },
    onTestCaseResult(testCase: TestCase) {
      if (!selected(testCase)) return;
      const result = toTestResult(testCase, options.grading);
      const done = (areaDone.get(result.area) ?? 0) + 1;
      areaDone.set(result.area, done);
      options.onTestDone?.(result, done, areaTotals.get(result.area) ?? done);
    },
  };
  const perRequest = options.target.timeoutMs;
  const entry = join(root, 'dist', 'src', 'runner', 'suites-entry.js');
  // Every suite compiled into one module by the build (scripts/bundle-suites.mjs): a suite compiled after it (added
  // or changed since) is imported from its own file.
  const bundle = join(root, 'dist', 'suites', 'bundle.js');
  const bundledAt = modifiedAt(bundle);
  // Suites that run last go last, in RUN_LAST's order (stable sort: the others keep their order).
  const suites = options.files
    .map((file) => {
      const compiled = compiledSuite(file);
      const at = modifiedAt(compiled);
      return {
        name: suiteName(file),
        url: pathToFileURL(compiled).href,
        last: runsLast(file),
        bundled: bundledAt !== undefined && at !== undefined && at <= bundledAt,
      };
    })
    .sort((a, b) => lastRank(a.name) - lastRank(b.name));
  const suitesBundle = bundledAt === undefined ? '' : pathToFileURL(bundle).href;
  // vitest's console logger registers SIGINT/SIGTERM listeners that exit the process (no cleanup, no reports); the
  // CLI handles those itself. Each is removed as soon as it is added, before any signal can be delivered to it.
  const dropSignalListeners = (event: string | symbol, listener: (...args: unknown[]) => void) => {
    if (event === 'SIGINT' || event === 'SIGTERM') queueMicrotask(() => process.off(event, listener));
  };
  process.on('newListener', dropSignalListeners);
  // vite and vitest write a cache (results.json, …): into a directory of this run's own, never a fixed path that
  // another local user could plant a symlink at (issue 16 item 5); removed when the run ends.
  const cacheDir = await mkdtemp(join(tmpdir(), 'scim-conformance-'));
  const vitest = await createVitest(
    'test',
    {
      root,
      config: false,
      watch: false,
      include: [relative(root, entry)],
      exclude: [],
      reporters: options.list ? [] : [reporter],
      provide: { target: options.target, profile: options.profile, suites, suitesBundle, grep: options.grep ?? '' },
      ...(options.readOnly ? { tagsFilter: ['read-only'] } : {}),
      // Tests in flight: three times the requests in flight (--concurrency, which the client's limiter enforces). Tests
      // that write a shared user wait for their turn (src/harness/shared-writes.ts), and U-30 for the other suites
      // (src/harness/run-order.ts), without sending anything; with one test per request slot those waits left slots
      // idle (50 ms latency, concurrency 8: 1.30 x the ideal with 1 x; with this session's suites 2 x gave 1.160-1.174
      // and 3 x 1.151-1.164 over six runs each, 4 x 1.18; decisions/request-budget.md "Session 5: tests in flight").
      maxConcurrency: options.target.concurrency * 3,
      pool: 'threads',
      maxWorkers: 1,
      isolate: false,
      fileParallelism: false,
      testTimeout: perRequest * 8 + 10_000,
      hookTimeout: perRequest * 4 + 10_000,
      passWithNoTests: true,
      silent: true,
    },
    // vite-level overrides; `test` here carries the options createVitest's first argument does not accept. The cast is
    // needed under tsconfig.build.json, where nothing imports vitest/config (whose augmentation adds `test`).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    {
      cacheDir,
      logLevel: 'silent',
      test: {
        tags: Object.entries(TEST_TAGS).map(([name, description]) => ({ name, description })),
        sequence: { concurrent: true },
        // The suites are compiled JavaScript (dist/suites): Node imports them natively, with no transform by vite.
        experimental: { viteModuleRunner: false, nodeLoader: false },
      },
    } as Parameters<typeof createVitest>[2],
  )
    .catch(async (error: unknown) => {
      await rm(cacheDir, { recursive: true, force: true });
      throw error;
    })
    .finally(() => process.off('newListener', dropSignalListeners));
  const cancel = () => void vitest.cancelCurrentRun('keyboard-input').catch(() => undefined);
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    // Interrupted while vitest started: nothing is run (an abort listener added now would never fire).
    if (options.signal?.aborted && !options.list) return noSuiteRun();
    const started = options.list ? vitest.collect() : vitest.start();
    const run = (await Promise.race([started, graceAfterAbort(options.signal, options.graceMs ?? 10_000)])) ?? {
      testModules: vitest.state.getTestModules(),
      unhandledErrors: [],
    };
    const modules = run.testModules;
    const errors = [
      ...moduleErrors(modules),
      ...run.unhandledErrors.map((e) => `unhandled error: ${String((e as Error)?.message ?? e).split('\n')[0]}`),
    ];
    const cases = testCasesOf(modules).filter(selected);
    return {
      tests: cases.map((testCase) => toTestResult(testCase, options.grading)),
      errors,
      resources: resourcesOf(cases),
    };
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    await vitest.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/** When a file was last written (ms), or undefined when it does not exist. */
function modifiedAt(file: string): number | undefined {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs;
}

/** Resolves (with undefined) `graceMs` after the signal aborts; never, when it does not. */
function graceAfterAbort(signal: AbortSignal | undefined, graceMs: number): Promise<undefined> {
  return new Promise((resolve) => {
    const arm = () => setTimeout(() => resolve(undefined), graceMs).unref();
    if (signal?.aborted) arm();
    else signal?.addEventListener('abort', arm, { once: true });
  });
}
