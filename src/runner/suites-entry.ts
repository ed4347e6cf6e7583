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
 */
import { describe, inject, test } from 'vitest';
import '../model/task-meta.js';

for (const suite of inject('suites')) {
  describe(suite.name, suite.last ? { concurrent: false } : {}, async () => {
    try {
      await import(suite.url);
    } catch (error) {
      const message = String((error as Error)?.message ?? error).split('\n')[0]!;
      test(`${suite.name} failed to load`, { meta: { loadError: message } }, () => {
        throw error;
      });
    }
  });
}
