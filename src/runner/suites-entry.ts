/**
 * The one test file vitest runs. It imports every selected suite file inside a `describe` named after the suite
 * ("users/create"), so that all the tests of the run share one worker and one concurrency bound: vitest runs the
 * tests of one file concurrently (up to maxConcurrency) but runs files one after another, and a file's last slow
 * test would leave the other request slots idle. Reports take the suite and area from the describe name.
 *
 * A suite marked `last` (src/runner/suites.ts RUN_LAST) is declared non-concurrent: vitest runs a file's children in
 * groups of consecutive concurrent ones, so it starts only when every suite before it has finished (its own tests
 * are still concurrent among themselves).
 *
 * A suite file that fails to load does not take the others down: it gets one stand-in test that fails with the
 * load error, and the runner reports it as a run error (src/runner/collect.ts).
 *
 * The suites come from dist/suites/bundle.js where the build put them (scripts/bundle-suites.mjs: one module, each
 * suite evaluated when its function is called, as an import of its file would): on Node 20 every module the worker
 * imports goes through vitest's module hook on a thread of its own, three round trips a suite file. A suite the
 * runner does not mark `bundled` (compiled after the bundle) is imported from its file.
 */
import { describe, inject, test } from 'vitest';
// Types only (the meta of the stand-in test below): a runtime import would be one more module through the hook.
import type {} from '../model/task-meta.js';

type Suites = Record<string, (() => Promise<unknown>) | undefined>;
const bundleUrl = inject('suitesBundle');
// A bundle that cannot be loaded leaves each suite to its own file (whose error, if it has one, is then reported).
const bundled: Suites = bundleUrl
  ? await import(bundleUrl).then(
      (module: { suites: Suites }) => module.suites,
      () => ({}),
    )
  : {};

for (const suite of inject('suites')) {
  describe(suite.name, suite.last ? { concurrent: false } : {}, async () => {
    try {
      const evaluate = suite.bundled ? bundled[suite.name] : undefined;
      await (evaluate ? evaluate() : import(suite.url));
    } catch (error) {
      const message = String((error as Error)?.message ?? error).split('\n')[0]!;
      test(`${suite.name} failed to load`, { meta: { loadError: message } }, () => {
        throw error;
      });
    }
  });
}
