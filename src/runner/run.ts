/**
 * Runs the suites with vitest's Node API: one worker (so one limiter bounds concurrency for the whole run),
 * tests within a file concurrent up to --concurrency, the target and profile handed over with provide().
 */
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createVitest, type TestCase, type TestModule } from 'vitest/node';
import { TEST_TAGS } from '../catalog/tags.js';
import type { Profile } from '../profiles/profile-schema.js';
import type { TargetConfig } from '../model/target.js';
import type { ResourceRef, TestResult } from '../model/result.js';
import { moduleErrors, resourcesOf, testCasesOf, toTestResult } from './collect.js';
import { packageRoot } from './package-root.js';
import { areaOf } from './suites.js';

export interface SuiteRunOptions {
  target: TargetConfig;
  profile: Profile;
  files: string[];
  grep?: string;
  /** Collect only: list the tests, send nothing. */
  list?: boolean;
  onTestDone?: (test: TestResult, doneInArea: number, totalInArea: number) => void;
}

export interface SuiteRunOutput {
  tests: TestResult[];
  errors: string[];
  /** What the tests created and deleted on the target, and the requests their cleanup sent. */
  resources: { created: ResourceRef[]; deleted: ResourceRef[]; cleanupRequests: number; cleanupErrors: string[] };
}

export async function runSuites(options: SuiteRunOptions): Promise<SuiteRunOutput> {
  const root = packageRoot();
  const areaTotals = new Map<string, number>();
  const areaDone = new Map<string, number>();
  const reporter = {
    onTestModuleCollected(module: TestModule) {
      const area = areaOf(module.moduleId);
      areaTotals.set(area, (areaTotals.get(area) ?? 0) + [...module.children.allTests()].length);
    },
    onTestCaseResult(testCase: TestCase) {
      const result = toTestResult(testCase);
      const done = (areaDone.get(result.area) ?? 0) + 1;
      areaDone.set(result.area, done);
      options.onTestDone?.(result, done, areaTotals.get(result.area) ?? done);
    },
  };
  const perRequest = options.target.timeoutMs;
  const vitest = await createVitest(
    'test',
    {
      root,
      config: false,
      watch: false,
      include: options.files.map((f) => relative(root, f)),
      exclude: [],
      reporters: options.list ? [] : [reporter],
      provide: { target: options.target, profile: options.profile },
      ...(options.grep ? { testNamePattern: options.grep } : {}),
      maxConcurrency: options.target.concurrency,
      pool: 'threads',
      maxWorkers: 1,
      isolate: false,
      fileParallelism: false,
      testTimeout: perRequest * 8 + 10_000,
      hookTimeout: perRequest * 4 + 10_000,
      passWithNoTests: true,
      silent: true,
    },
    // vite-level overrides; `test` here carries the options createVitest's first argument does not accept.
    {
      cacheDir: join(tmpdir(), 'scim-conformance-vite-cache'),
      logLevel: 'silent',
      test: {
        tags: Object.entries(TEST_TAGS).map(([name, description]) => ({ name, description })),
        sequence: { concurrent: true },
      },
    } as Parameters<typeof createVitest>[2],
  );
  try {
    const run = options.list ? await vitest.collect() : await vitest.start();
    const modules = run.testModules;
    const errors = [
      ...moduleErrors(modules),
      ...run.unhandledErrors.map((e) => `unhandled error: ${String((e as Error)?.message ?? e).split('\n')[0]}`),
    ];
    const cases = testCasesOf(modules);
    return { tests: cases.map(toTestResult), errors, resources: resourcesOf(cases) };
  } finally {
    await vitest.close();
  }
}
