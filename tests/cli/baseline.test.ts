// --baseline: failures the baseline run had too are known and never block; new failures block as --fail-on says
// (issue 8, issue 14), so a vendor can adopt the suite before fixing everything.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestResult } from '../../src/model/result.js';
import { baselineSummary, loadBaseline } from '../../src/runner/baseline.js';
import { gradeTest } from '../../src/runner/grade.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';
import { MODIFIERS } from '../faults/modifiers.js';
import { testResult } from '../helpers/results.js';

function test(name: string, status: TestResult['status'], level: TestResult['level'] = 'required'): TestResult {
  return testResult(name, status, { level });
}

describe('baseline grading (pure)', () => {
  it('known failures become warnings marked known; new ones block as their level says; fixed ones are listed', () => {
    const baseline = { file: 'old.json', failed: new Set(['U-01 a', 'U-03 c']) };
    const grading = { failOn: 'required' as const, knownFailures: baseline.failed };
    const graded = [
      test('U-01 a', 'failed'),
      test('U-02 b', 'failed'),
      test('U-03 c', 'passed'),
      test('U-04 d', 'failed', 'validator'),
    ].map((t) => gradeTest(t, grading));
    expect(graded.map((t) => [t.status, t.baseline])).toEqual([
      ['warning', 'known'],
      ['failed', 'new'],
      ['passed', undefined],
      ['warning', 'new'],
    ]);
    expect(baselineSummary(graded, baseline)).toEqual({
      file: 'old.json',
      newFailures: 2,
      knownFailures: 1,
      fixed: ['U-03 c'],
    });
  });

  it('reads schemaVersion 1 files (failed) and 2 files (failed and warning) as the baseline failures', () => {
    const dir = join(process.env.TMPDIR ?? '/tmp');
    const v1 = join(dir, `baseline-v1-${process.pid}.json`);
    const v2 = join(dir, `baseline-v2-${process.pid}.json`);
    writeFileSync(
      v1,
      JSON.stringify({ schemaVersion: 1, tests: [test('U-01 a', 'failed'), test('U-02 b', 'passed')] }),
    );
    writeFileSync(
      v2,
      JSON.stringify({
        schemaVersion: 2,
        tests: [test('U-01 a', 'failed'), test('U-05 e', 'warning', 'validator'), test('U-06 f', 'skipped')],
      }),
    );
    expect([...loadBaseline(v1).failed]).toEqual(['U-01 a']);
    expect([...loadBaseline(v2).failed].sort()).toEqual(['U-01 a', 'U-05 e']);
    writeFileSync(v1, JSON.stringify({ schemaVersion: 3, tests: [] }));
    expect(() => loadBaseline(v1)).toThrow(/schemaVersion 1 or 2/);
  });
});

describe('--baseline end to end', () => {
  let target: Awaited<ReturnType<typeof startTarget>>;
  let first: CliRun;
  beforeAll(async () => {
    // post-200 makes U-06 fail at validator level (catalog §0.1: Entra accepts 200): a warning by default.
    target = await startTarget([MODIFIERS['post-200'].fault]);
    first = await runCli(
      ['--url', target.url, '--reporter', 'json', '--suite', 'users', '--fail-on', 'gallery', '--seed', '7'],
      { env: { SCIM_TOKEN: TEST_TOKEN } },
    );
  }, 120_000);
  afterAll(() => target.close());

  it('a run blocked at --fail-on gallery exits 1; against its own results as baseline the same failures are known and exit 0', async () => {
    expect(first.code, first.stderr).toBe(1);
    const blocking = first.results!.tests.filter((t) => t.status === 'failed');
    expect(blocking.length).toBeGreaterThan(0);
    const second = await runCli(
      [
        '--url',
        target.url,
        '--reporter',
        'json,console,junit',
        '--suite',
        'users',
        '--fail-on',
        'gallery',
        '--seed',
        '7',
        '--baseline',
        join(first.outDir, 'results.json'),
      ],
      { env: { SCIM_TOKEN: TEST_TOKEN } },
    );
    expect(second.code, second.stderr).toBe(0);
    const known = second.results!.tests.filter((t) => t.baseline === 'known');
    expect(known.map((t) => t.name).sort()).toEqual(blocking.map((t) => t.name).sort());
    expect(known.every((t) => t.status === 'warning')).toBe(true);
    expect(second.results!.summary.failed).toBe(0);
    expect(second.results!.baseline).toMatchObject({ newFailures: 0, knownFailures: known.length });
    expect(second.stdout).toMatch(/Baseline .*: 0 new, \d+ known/);
    // Known failures still fail what the threshold guards: the verdict does not say "ready".
    expect(second.results!.verdict).toBe('not-ready');
    expect(second.stdout).toMatch(/Not ready at --fail-on gallery: .*all known from the baseline run, none new/);
    const junit = (await import('node:fs')).readFileSync(join(second.outDir, 'junit.xml'), 'utf8');
    expect(junit).not.toMatch(/<failure/);
    expect(junit).toMatch(/<system-out>KNOWN FAILURE \(baseline\): /);
  }, 120_000);

  it('--fail-on new (deprecated) without --baseline is a usage error; with it, a note on stderr and every level blocks', async () => {
    const run = await runCli(['--demo', '--fail-on', 'new']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--fail-on new needs --baseline/);
    const any = await runCli(['--url', target.url, '--reporter', 'json', '--suite', 'users', '--fail-on', 'any'], {
      env: { SCIM_TOKEN: TEST_TOKEN },
    });
    expect(any.stderr).toMatch(/^scim-conformance: warning: --fail-on any is deprecated: it now means --fail-on all/m);
    expect(any.results!.failOn).toBe('all');
    expect(any.code).toBe(1);
  }, 120_000);

  it('a baseline that is not a results.json is a usage error', async () => {
    const run = await runCli(['--demo', '--baseline', join(first.outDir, 'missing.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--baseline: cannot read .*missing\.json \(no such file\)/);
  });
});
