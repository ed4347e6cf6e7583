// The verdict and the exit code mean what they say (issue 14 items 1-3): a narrowed run is partial with "N of M
// required behaviours checked", a full run of a correct server is ready, an interrupted run is interrupted with no
// failure counted, and --fail-on decides which failed levels block, the same in the exit code and in junit.xml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';
import { MODIFIERS } from '../faults/modifiers.js';

function file(run: CliRun, name: string): string {
  return readFileSync(join(run.outDir, name), 'utf8');
}

function property(junit: string, name: string): string | undefined {
  return new RegExp(`<property name="${name.replace('.', '\\.')}" value="([^"]*)"/>`).exec(junit)?.[1];
}

/** Every report says the same verdict and the same counts as results.json. */
function expectReportsAgree(run: CliRun): void {
  const r = run.results!;
  const junit = file(run, 'junit.xml');
  const html = file(run, 'report.html');
  expect(property(junit, 'verdict')).toBe(r.verdict);
  expect(html).toContain(`data-verdict="${r.verdict}"`);
  for (const [key, value] of Object.entries({
    passed: r.summary.passed,
    failed: r.summary.failed,
    warnings: r.summary.warnings,
    skipped: r.summary.skipped,
  }))
    expect(property(junit, `count.${key}`), key).toBe(String(value));
  expect(property(junit, 'required.checked')).toBe(String(r.required.checked));
  expect(property(junit, 'required.total')).toBe(String(r.required.total));
  const s = r.summary;
  expect(run.stdout).toContain(
    `Summary: ${r.verdict} · ${s.total} tests: ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.skipped} skipped`,
  );
  const headline = property(junit, 'verdict.headline')!;
  expect(run.stdout).toContain(headline);
  expect(html).toContain(`<h1>${headline.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</h1>`);
}

const ALL_REPORTS = ['--reporter', 'json,junit,html,console'];

describe('verdict of a correct server', () => {
  let full: CliRun;
  beforeAll(async () => {
    full = await runCli(['--demo', ...ALL_REPORTS, '--seed', '7']);
  }, 180_000);

  it('a full --demo run is ready, exits 0, and every report agrees', () => {
    expect(full.code, full.stderr).toBe(0);
    expect(full.results!.verdict).toBe('ready');
    expect(full.results!.required.checked).toBe(full.results!.required.total);
    expect(full.results!.required.total).toBeGreaterThan(40);
    expect(full.stdout).toMatch(/Ready for Entra provisioning: (\d+) of \1 required behaviours checked, none fails/);
    expectReportsAgree(full);
  });

  it('--suite discovery exits 0 with verdict partial and "N of M required behaviours checked", M as in the full run', async () => {
    const run = await runCli(['--demo', ...ALL_REPORTS, '--suite', 'discovery']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.results!.verdict).toBe('partial');
    const { checked, total } = run.results!.required;
    expect(total).toBe(full.results!.required.total);
    expect(checked).toBeLessThan(total);
    expect(run.stdout).toContain(`Partial: ${checked} of ${total} required behaviours checked`);
    expectReportsAgree(run);
  }, 120_000);

  it('--grep and --read-only are partial too', async () => {
    const grep = await runCli(['--demo', '--reporter', 'json', '--grep', '^U-0[1-3] ']);
    expect(grep.code, grep.stderr).toBe(0);
    expect(grep.results!.verdict).toBe('partial');
    expect(grep.results!.required.checked).toBeGreaterThan(0);
    const readOnly = await runCli(['--demo', '--reporter', 'json', '--read-only']);
    expect(readOnly.code, readOnly.stderr).toBe(0);
    expect(readOnly.results!.verdict).toBe('partial');
    expect(readOnly.results!.required.total).toBe(full.results!.required.total);
  }, 120_000);
});

describe('--fail-on decides which failed levels block', () => {
  // post-200 (POST answers 200, not 201) fails its `breaks` (U-06, G-05) at validator level: Entra accepts 200 (catalog §0.1).
  const postBreaks = MODIFIERS['post-200'].breaks;
  let target: Awaited<ReturnType<typeof startTarget>>;
  const args = () => ['--url', target.url, ...ALL_REPORTS, '--suite', 'users/create,groups', '--seed', '7'];
  beforeAll(async () => {
    target = await startTarget([MODIFIERS['post-200'].fault]);
  });
  afterAll(() => target.close());

  it('by default (required) a validator-level failure is a warning: exit 0, no <failure> in junit.xml, "WARNING (validator)"', async () => {
    const run = await runCli(args(), { env: { SCIM_TOKEN: TEST_TOKEN } });
    const warnings = run.results!.tests.filter((t) => t.status === 'warning');
    expect(warnings.map((t) => t.behaviour).sort()).toEqual(expect.arrayContaining(postBreaks));
    expect(warnings.every((t) => t.level !== 'required')).toBe(true);
    expect(run.results!.tests.filter((t) => t.status === 'failed')).toEqual([]);
    expect(run.code, run.stderr).toBe(0);
    const junit = file(run, 'junit.xml');
    expect(junit).not.toMatch(/<failure|<error/);
    expect(junit).toMatch(/<system-out>WARNING \(validator\): /);
    expect(run.stdout).toMatch(/Warnings, not blocking: \d+ behaviours? \(\d+ tests?\)/);
    expectReportsAgree(run);
  }, 120_000);

  it('--fail-on gallery makes the same failures block: exit 1, <failure> for each, verdict not-ready', async () => {
    const run = await runCli([...args(), '--fail-on', 'gallery'], { env: { SCIM_TOKEN: TEST_TOKEN } });
    expect(run.code, run.stderr).toBe(1);
    const failed = run.results!.tests.filter((t) => t.status === 'failed');
    expect(failed.map((t) => t.behaviour)).toEqual(expect.arrayContaining(postBreaks));
    expect(run.results!.verdict).toBe('not-ready');
    const junit = file(run, 'junit.xml');
    expect(junit.match(/<failure /g)?.length).toBe(failed.length);
    expect(run.stdout).toMatch(/Not ready at --fail-on gallery: /);
    expectReportsAgree(run);
  }, 120_000);
});

describe('an interrupted run', () => {
  it('is interrupted, not "Not ready": unfinished tests are skipped, no failure is counted, exit 130', async () => {
    const target = await startTarget();
    try {
      const run = await runCli(['--url', target.url, ...ALL_REPORTS, '--timeout', '2s'], {
        env: { SCIM_TOKEN: TEST_TOKEN },
        onSpawn: (child) => {
          const poll = setInterval(() => {
            if (target.server.store.count('User') > 0) {
              clearInterval(poll);
              child.kill('SIGINT');
            }
          }, 20);
          child.on('close', () => clearInterval(poll));
        },
      });
      expect(run.code, run.stderr).toBe(130);
      const r = run.results!;
      expect(r.verdict).toBe('interrupted');
      expect(r.summary.failed).toBe(0);
      expect(
        r.tests.filter(
          (t) =>
            t.status === 'skipped' &&
            /^not (run|finished): the run was interrupted \(SIGINT\)$/.test(t.skipReason ?? ''),
        ).length,
      ).toBeGreaterThan(0);
      expect(run.stdout).toContain('Interrupted by SIGINT: no verdict');
      expect(run.stdout).not.toMatch(/Not ready/);
      expect(file(run, 'junit.xml')).not.toMatch(/<failure|<error/);
      expectReportsAgree(run);
    } finally {
      await target.close();
    }
  }, 180_000);
});
