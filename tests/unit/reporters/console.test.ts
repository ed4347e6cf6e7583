import { describe, expect, it } from 'vitest';
import { createConsoleReporter } from '../../../reporters/console.js';
import { shouldUseColor } from '../../../reporters/shared/color.js';
import type { RunResult } from '../../../src/model/result.js';
import { sampleRun } from './helpers.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

function run(result: RunResult, color: boolean, progress: 'verbose' | 'compact' = 'verbose'): string {
  let out = '';
  const reporter = createConsoleReporter({
    write: (s) => {
      out += s;
    },
    color,
    progress,
  });
  reporter.start({
    total: result.tests.length,
    target: result.target.url,
    profile: result.profile.name,
    seed: result.seed,
  });
  result.tests.forEach((test, i) => reporter.testDone(test, i + 1, result.tests.length));
  reporter.finish(result, ['reports/junit.xml', 'reports/report.html']);
  return out;
}

describe('console reporter', () => {
  const plain = run(sampleRun(), false);

  it('writes no ANSI codes when color is false, even from hostile responses', () => {
    expect(plain).not.toMatch(ANSI);
    // eslint-disable-next-line no-control-regex
    expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('colours when asked', () => {
    expect(run(sampleRun(), true)).toMatch(ANSI);
  });

  it('prints one line per finished test with mark, area, n/N and name; failures indented with their message', () => {
    expect(plain).toContain('scim-conformance: 9 tests against https://scim.example-vendor.test/scim/v2');
    expect(plain).toMatch(/^✓ users {6}1\/9 U-01 Create user/m);
    expect(plain).toMatch(
      /^✗ users {6}2\/9 U-14 Disable user: default mode \(string "False"\) 422 ms\n {6}PATCH \/Users\/\{id\} replace active/m,
    );
    expect(plain).toMatch(
      /^↓ discovery {2}7\/9 D-05 ResourceTypes lists User and Group 0 ms\n {6}skipped: Profile entra-default/m,
    );
    expect(plain).toContain('      transport error: PATCH /Groups/{id} remove member');
  });

  it('ends with the verdict and counts, blocking failures apart from warnings, cleanup, seed and report paths', () => {
    const summary = plain.slice(plain.indexOf('Summary'));
    expect(summary).toContain(
      'Summary: not-ready · 9 tests: 4 passed, 2 failed, 2 warnings, 1 skipped (33.4 s, 14 requests, 0.4/s, 1 × 429)',
    );
    expect(summary).toContain('Blocking: required failures (--fail-on required); the others are warnings');
    expect(summary).toContain('Blocking failures: 2 behaviours (2 tests)\n  ✗ U-14 (required, users) Disable user');
    expect(summary).toMatch(/Warnings, not blocking: 2 behaviours \(2 tests\)\n {2}! /);
    expect(summary.indexOf('Blocking failures')).toBeLessThan(summary.indexOf('Warnings, not blocking'));
    expect(summary).toMatch(
      /rerun: scim-conformance --url 'https:\/\/scim.example-vendor.test\/scim\/v2' --grep '\^U-14 ' --seed 424242/,
    );
    expect(summary).toMatch(/Entra: /);
    expect(summary).toContain('hint: Accept the string values');
    expect(summary).toMatch(/Cleanup \(run \S+\): 3 created, 2 deleted, 1 left behind/);
    expect(summary).toContain(
      'User 2819c223-7f76-453a-919d-413861904646 (josé.müller+7f3a@contoso.test): DELETE /Users/{id} returned 500',
    );
    expect(summary).toContain('Not ready: 2 required behaviours fail');
    expect(summary).toContain('2 behaviours fail below the threshold (warnings, not blocking)');
    expect(summary).toContain('replay this exact run with --seed 424242');
    expect(summary).toMatch(/Reports:\n {2}reports\/junit.xml\n {2}reports\/report.html\n$/);
  });

  it('a warning is marked ! with its level while it streams, not ✗', () => {
    expect(plain).toMatch(/^! \S+ +\d\/9 .*\n {6}warning \(recommended\): /m);
  });

  it('shows the verdict the run decided, with the required coverage, and lists run errors', () => {
    const ok = sampleRun();
    ok.tests = ok.tests.filter((t) => t.status !== 'failed');
    expect(run({ ...ok, verdict: 'ready' }, false)).toContain(
      'Ready for Entra provisioning: 5 of 5 required behaviours checked, none fails',
    );
    const partial = run(
      { ...ok, verdict: 'partial', required: { checked: 3, total: 5, unchecked: ['G-07', 'U-14'] } },
      false,
    );
    expect(partial).toContain('Partial: 3 of 5 required behaviours checked, nothing that ran blocks');
    expect(partial).toContain('not checked: G-07, U-14');
    const interrupted = run(
      { ...ok, verdict: 'interrupted', interrupted: { signal: 'SIGINT', at: ok.finishedAt } },
      false,
    );
    expect(interrupted).toContain('Interrupted by SIGINT: no verdict');
    expect(interrupted).not.toContain('Not ready');
    const out = run({ ...ok, verdict: 'inconclusive', errors: ['suites/broken.test.ts failed to load'] }, false);
    expect(out).toContain('Errors outside the tests (1)');
    expect(out).toContain('Inconclusive: the run had 1 error outside the tests');
  });
});

describe('console reporter, grouped and compact (issue 17)', () => {
  it('names a behaviour that fails in several tests once, with ×N, the decoded server error and one rerun command', () => {
    const result = sampleRun();
    const failed = result.tests.find((t) => t.status === 'failed' && t.behaviour === 'U-14')!;
    const body = JSON.stringify({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '400',
      scimType: 'noTarget',
      detail: 'no value of emails matches',
    });
    const exchange = { ...failed.exchanges[0]!, response: { ...failed.exchanges[0]!.response!, status: 400, body } };
    const copies = [1, 2, 3].map((n) => ({
      ...failed,
      name: `${failed.name} #${n}`,
      exchanges: [exchange],
      failure: {
        kind: 'conformance' as const,
        exchange: 0,
        message: `PATCH /Users/id-${n} → 400: expected status 200 or 204, got 400: ${JSON.stringify(body).slice(0, 60)}…`,
      },
    }));
    result.tests = [...result.tests.filter((t) => t !== failed), ...copies];
    const out = run(result, false);
    const summary = out.slice(out.indexOf('Blocking failures'));
    expect(summary.match(/✗ U-14/g)).toHaveLength(1);
    expect(summary).toContain('✗ U-14 ×3 (required, users)');
    expect(summary).toContain('got 400 noTarget: no value of emails matches');
    expect(summary).not.toContain('\\"schemas');
    expect(summary).not.toContain('other message');
  });

  it('compact progress prints one line per area when the area is done, and no line per test', () => {
    const result = sampleRun();
    let out = '';
    const reporter = createConsoleReporter({
      write: (s) => {
        out += s;
      },
      color: false,
      progress: 'compact',
    });
    reporter.start({
      total: result.tests.length,
      target: result.target.url,
      profile: result.profile.name,
      seed: result.seed,
    });
    const areas = [...new Set(result.tests.map((t) => t.area))];
    for (const area of areas) {
      const inArea = result.tests.filter((t) => t.area === area);
      inArea.forEach((test, i) => reporter.testDone(test, i + 1, inArea.length));
    }
    const progress = out.slice(0, out.length);
    expect(progress).toContain('scim-conformance: 9 tests against');
    expect(progress.split('\n').filter((line) => /^[✓✗!↓] /.test(line))).toHaveLength(areas.length);
    expect(progress).toMatch(/^✗ users +\d+ tests: \d+ passed, 1 failed/m);
    expect(progress).not.toContain('U-01 Create user');
  });
});

describe('shouldUseColor', () => {
  it('follows no-color.org, FORCE_COLOR, CI and the terminal', () => {
    expect(shouldUseColor({}, true)).toBe(true);
    expect(shouldUseColor({}, false)).toBe(false);
    expect(shouldUseColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(shouldUseColor({ NO_COLOR: '' }, true)).toBe(true);
    expect(shouldUseColor({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(shouldUseColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(shouldUseColor({ CI: 'true' }, true)).toBe(false);
    expect(shouldUseColor({ CI: 'true', FORCE_COLOR: '1' }, false)).toBe(true);
    expect(shouldUseColor({ FORCE_COLOR: '0' }, false)).toBe(false);
  });
});
