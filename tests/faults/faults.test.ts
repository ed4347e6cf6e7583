// Prove the suites can fail: against the reference server with exactly one fault injected, exactly the tests of
// the matching behaviours fail, each with a message, and every other test still passes.
import { afterAll, describe, expect, it } from 'vitest';
import { failedJudgement, failedNames, runCli } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';
import { MODIFIERS } from './modifiers.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('one injected fault → exactly the matching behaviours fail', () => {
  it.concurrent.each(Object.entries(MODIFIERS))('%s', async (_name, modifier) => {
    const target = await startTarget([modifier.fault]);
    servers.push(target);
    const run = await runCli(['--url', target.url, '--reporter', 'json', '--seed', '7'], { env: { SCIM_TOKEN: TEST_TOKEN } });
    expect(run.results, run.stderr).toBeDefined();
    const failed = run.results!.tests.filter(failedJudgement);
    const failedIds = [...new Set(failed.map((t) => t.behaviour))].sort();
    expect(failedIds, `failed tests:\n${failedNames(run.results).join('\n')}`).toEqual([...modifier.fails].sort());
    for (const test of failed) {
      expect(test.failure?.message, test.name).toBeTruthy();
      expect(test.failure?.kind, test.name).toBe('conformance');
    }
    // --fail-on required (the default): only a required-level failure blocks; the others are warnings.
    expect(run.code).toBe(failed.some((t) => t.level === 'required') ? 1 : 0);
    for (const test of failed) expect(test.status, test.name).toBe(test.level === 'required' ? 'failed' : 'warning');
    expect(run.results!.cleanup.leftBehind).toEqual([]);
  }, 180_000);
});
