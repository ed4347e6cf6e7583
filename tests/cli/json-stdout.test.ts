// --json (issue 17): stdout is one compact JSON line with the verdict, for pipelines, and nothing else; the console
// goes to stderr. Exit codes are those of a run without --json, and the line carries the same one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerdictJson } from '../../reporters/verdict-json.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';
import { MODIFIERS } from '../faults/modifiers.js';

/** stdout must be exactly one line of JSON. */
function verdictLine(run: CliRun): VerdictJson {
  expect(
    run.stdout.endsWith('\n') && run.stdout.indexOf('\n') === run.stdout.length - 1,
    `stdout is one line: ${run.stdout.slice(0, 300)}`,
  ).toBe(true);
  return JSON.parse(run.stdout) as VerdictJson;
}

const ids = (run: CliRun, status: string) =>
  [...new Set(run.results!.tests.filter((t) => t.status === status).map((t) => t.behaviour))].sort();

describe('--json', () => {
  // post-200 (POST answers 200, not 201) fails U-06 and G-05 at validator level: a warning by default, blocking at --fail-on gallery.
  let target: Awaited<ReturnType<typeof startTarget>>;
  const args = () => [
    '--url',
    target.url,
    '--json',
    '--reporter',
    'console,json,junit',
    '--suite',
    'users/create,groups',
    '--seed',
    '7',
  ];
  beforeAll(async () => {
    target = await startTarget([MODIFIERS['post-200'].fault]);
  });
  afterAll(() => target.close());

  it('a blocking failure: exit 1, and the line says not-ready, exitCode 1, the failing behaviours and the report paths', async () => {
    const run = await runCli([...args(), '--fail-on', 'gallery'], { env: { SCIM_TOKEN: TEST_TOKEN } });
    expect(run.code, run.stderr).toBe(1);
    const line = verdictLine(run);
    expect(line).toMatchObject({
      verdict: 'not-ready',
      exitCode: 1,
      failOn: 'gallery',
      runId: run.results!.runId,
      seed: 7,
      target: target.url,
    });
    expect(line.failing).toEqual(ids(run, 'failed'));
    expect(line.failing).toEqual(expect.arrayContaining(['G-05', 'U-06']));
    expect(line.summary).toEqual({
      total: run.results!.summary.total,
      passed: run.results!.summary.passed,
      failed: run.results!.summary.failed,
      warnings: run.results!.summary.warnings,
      skipped: run.results!.summary.skipped,
      requests: run.results!.summary.requests,
    });
    expect(line.reports).toEqual([join(run.outDir, 'results.json'), join(run.outDir, 'junit.xml')]);
    for (const path of line.reports) expect(existsSync(path), path).toBe(true);
    // The console went to stderr: progress, the grouped failures and the headline the line repeats.
    expect(run.stderr).toContain(line.headline);
    expect(run.stderr).toMatch(/U-06/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(TEST_TOKEN);
  }, 120_000);

  it('failures below --fail-on: exit 0, and the line lists them as warnings with failing empty', async () => {
    const run = await runCli(args(), { env: { SCIM_TOKEN: TEST_TOKEN } });
    expect(run.code, run.stderr).toBe(0);
    const line = verdictLine(run);
    expect(line).toMatchObject({ exitCode: 0, failOn: 'required', failing: [] });
    expect(line.warnings).toEqual(ids(run, 'warning'));
    expect(line.warnings).toEqual(expect.arrayContaining(['G-05', 'U-06']));
  }, 120_000);

  it('a rejected token: exit 3, and the line says inconclusive with exitCode 3 (no report files asked for)', async () => {
    const wrong = 'wrong-token-3kQ9zV7pL2';
    const run = await runCli(['--url', target.url, '--json', '--reporter', 'console'], { env: { SCIM_TOKEN: wrong } });
    expect(run.code).toBe(3);
    const line = verdictLine(run);
    expect(line).toMatchObject({ verdict: 'inconclusive', exitCode: 3, reports: [], failing: [] });
    expect(line.errors[0]).toMatch(/401|rejected/i);
    expect(run.stdout).not.toContain(wrong);
    expect(run.stderr).toMatch(/^scim-conformance: /m);
  }, 60_000);

  it('bad usage: exit 2, one line on stderr, nothing on stdout', async () => {
    const run = await runCli(['--demo', '--json', '--list']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--json .* --list/);
  });
});
