// --baseline marks failures new or known; --fail-on new exits 1 only for new failures (issue 8), so a vendor can
// adopt the suite before fixing everything.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-codes.js';
import type { RunResult } from '../../src/model/result.js';
import { applyBaseline } from '../../src/runner/baseline.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';
import { MODIFIERS } from '../faults/modifiers.js';

function result(tests: Array<[string, 'passed' | 'failed']>): RunResult {
  return {
    summary: { total: tests.length, passed: tests.filter((t) => t[1] === 'passed').length, failed: tests.filter((t) => t[1] === 'failed').length, skipped: 0, requests: 0 },
    tests: tests.map(([name, status]) => ({ name, status })),
    errors: [],
  } as unknown as RunResult;
}

describe('applyBaseline and exitCodeFor', () => {
  it('marks known and new failures, lists what got fixed, and --fail-on new ignores known ones', () => {
    const now = result([['U-01 a', 'failed'], ['U-02 b', 'failed'], ['U-03 c', 'passed']]);
    applyBaseline(now, { file: 'old.json', failed: new Set(['U-01 a', 'U-03 c']) });
    expect(now.tests.map((t) => t.baseline)).toEqual(['known', 'new', undefined]);
    expect(now.baseline).toEqual({ file: 'old.json', newFailures: 1, knownFailures: 1, fixed: ['U-03 c'] });
    expect(exitCodeFor(now, 'new')).toBe(1);
    expect(exitCodeFor(now, 'any')).toBe(1);

    const onlyKnown = result([['U-01 a', 'failed']]);
    applyBaseline(onlyKnown, { file: 'old.json', failed: new Set(['U-01 a']) });
    expect(exitCodeFor(onlyKnown, 'new')).toBe(0);
    expect(exitCodeFor(onlyKnown, 'any')).toBe(1);
  });
});

describe('--baseline end to end', () => {
  let target: Awaited<ReturnType<typeof startTarget>>;
  let first: CliRun;
  beforeAll(async () => {
    target = await startTarget([MODIFIERS['post-200']!.fault]);
    first = await runCli(['--url', target.url, '--reporter', 'json', '--suite', 'users'], { env: { SCIM_TOKEN: TEST_TOKEN } });
  }, 120_000);
  afterAll(() => target.close());

  it('a failing run exits 1; the same failures against its own results as baseline exit 0 with --fail-on new', async () => {
    expect(first.code).toBe(1);
    const second = await runCli(
      ['--url', target.url, '--reporter', 'json,console', '--suite', 'users', '--baseline', join(first.outDir, 'results.json'), '--fail-on', 'new'],
      { env: { SCIM_TOKEN: TEST_TOKEN } },
    );
    expect(second.code, second.stderr).toBe(0);
    const failed = second.results!.tests.filter((t) => t.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((t) => t.baseline === 'known')).toBe(true);
    expect(second.results!.baseline).toMatchObject({ newFailures: 0, knownFailures: failed.length });
    expect(second.stdout).toMatch(/Baseline .*: 0 new, \d+ known/);
  }, 120_000);

  it('--fail-on new without --baseline is a usage error', async () => {
    const run = await runCli(['--demo', '--fail-on', 'new']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--fail-on new needs --baseline/);
  });

  it('a baseline that is not a results.json is a usage error', async () => {
    const run = await runCli(['--demo', '--baseline', join(first.outDir, 'missing.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--baseline: cannot read .*missing\.json \(no such file\)/);
  });
});
