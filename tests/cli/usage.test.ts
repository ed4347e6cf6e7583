// Bad input gets one line on stderr and exit code 2, never a stack trace (README "Exit codes"). The messages and codes
// of every usage error are tested in-process (tests/unit/cli/usage.test.ts); these few runs of the built CLI check
// the wiring: "scim-conformance: " on stderr, nothing on stdout, the exit code, and the checks that happen only once
// a run starts (--suite, --grep against the suites, an unreachable target).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const usage: Array<[string, string[], RegExp]> = [
  ['an unknown flag', ['--urll', 'https://x.example'], /^scim-conformance: Unknown option '--urll'/],
  ['an unknown suite', ['--demo', '--suite', 'nope'], /^scim-conformance: --suite: unknown suite "nope"; available: /],
  [
    'an unknown profile',
    ['--demo', '--profile', 'no-such-app'],
    /^scim-conformance: --profile: "no-such-app" is neither a built-in profile/,
  ],
  ['cleanup with an unknown flag', ['cleanup', '--urll', 'x'], /^scim-conformance: cleanup: Unknown option '--urll'/],
];

describe('usage errors', () => {
  it.concurrent.each(usage)('%s → exit 2 with one line', async (_label, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });
});

describe('--grep', () => {
  it('matches the test name "<id> <title>" itself: an anchored pattern selects exactly those tests', async () => {
    const run = await runCli(['--demo', '--grep', '^U-20 ', '--reporter', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(join(run.outDir, 'results.json'), 'utf8')) as {
      tests: Array<{ name: string; status: string }>;
    };
    expect(result.tests.length).toBeGreaterThan(0);
    expect(result.tests.every((t) => t.name.startsWith('U-20 ') && t.status === 'passed')).toBe(true);
  });

  it('a pattern that matches no test → exit 2 with one line on stderr', async () => {
    const run = await runCli(['--demo', '--grep', '^no-such-behaviour', '--reporter', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^scim-conformance: --grep: "\^no-such-behaviour" matches no test name in the selected suites/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('help and version', () => {
  it('--help prints the help on stdout, exit 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Exit codes:/);
    expect(run.stderr).toBe('');
  });

  it('--version prints the package version', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('a token on the command line works but warns', async () => {
    const run = await runCli(['--url', 'http://127.0.0.1:9/scim', '--token', 'abc', '--timeout', '1s']);
    expect(run.stderr).toMatch(/warning: a token on the command line can leak/);
  });
});

describe('unusable targets', () => {
  it('an unreachable URL → exit 3 with one line', async () => {
    const run = await runCli(['--url', 'http://127.0.0.1:9/scim/v2', '--timeout', '2s'], {
      env: { SCIM_TOKEN: 'secret-token-value' },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^scim-conformance: cannot reach the target: GET http:\/\/127\.0\.0\.1:9\/scim\/v2\/Users\?filter=.*connection refused/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr + run.stdout).not.toContain('secret-token-value');
  });
});
