// Bad input gets one line on stderr and exit code 2, never a stack trace (README "Exit codes").
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const usage: Array<[string, string[], RegExp, Record<string, string>?]> = [
  ['an unknown flag', ['--urll', 'https://x.example'], /Unknown option '--urll'/],
  ['no target', [], /no target/],
  ['no token', ['--url', 'https://app.example.com/scim/v2'], /no token/],
  ['a URL that is not one', ['--url', 'not a url', '--token-file', '/dev/null'], /--url: "not a url" is not a URL/],
  ['an ftp URL', ['--url', 'ftp://x.example/scim'], /--url: the URL must start with https:\/\//, { SCIM_TOKEN: 't' }],
  ['an unknown reporter', ['--demo', '--reporter', 'pdf'], /--reporter: unknown reporter "pdf"/],
  ['a bad concurrency', ['--demo', '--concurrency', '0'], /--concurrency: --concurrency must be a whole number from 1 to 64/],
  ['a bad rate', ['--demo', '--rate', 'fast'], /--rate: --rate must be a number of requests per second from 0.1 to 10000, got "fast"/],
  ['a bad timeout', ['--demo', '--timeout', 'soon'], /--timeout: expected a duration/],
  ['a bad seed', ['--demo', '--seed', 'abc'], /--seed: must be a whole number/],
  ['a bad grep', ['--demo', '--grep', '('], /--grep: is not a valid regular expression/],
  ['a missing token file', ['--url', 'https://x.example/scim', '--token-file', '/nonexistent/token'], /--token-file: cannot read \/nonexistent\/token \(no such file\)/],
  ['a Bearer-prefixed token', ['--url', 'https://x.example/scim'], /without the "Bearer " prefix/, { SCIM_TOKEN: 'Bearer abc' }],
  ['--demo with --url', ['--demo', '--url', 'https://x.example/scim'], /--demo runs against the bundled reference server/],
  ['an unknown suite', ['--demo', '--suite', 'nope'], /--suite: unknown suite "nope"; available: /],
  ['an unknown profile', ['--demo', '--profile', 'no-such-app'], /--profile: "no-such-app" is neither a built-in profile/],
  ['a positional argument', ['https://x.example/scim'], /unexpected argument "https:\/\/x.example\/scim"; did you mean --url/],
];

describe('usage errors', () => {
  it.concurrent.each(usage)('%s → exit 2 with one line', async (_label, args, message, env) => {
    const run = await runCli(args, { env });
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
    const result = JSON.parse(readFileSync(join(run.outDir, 'results.json'), 'utf8')) as { tests: Array<{ name: string; status: string }> };
    expect(result.tests.length).toBeGreaterThan(0);
    expect(result.tests.every((t) => t.name.startsWith('U-20 ') && t.status === 'passed')).toBe(true);
  });

  it('a pattern that matches no test → exit 2 with one line on stderr', async () => {
    const run = await runCli(['--demo', '--grep', '^no-such-behaviour', '--reporter', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^scim-conformance: --grep: "\^no-such-behaviour" matches no test name in the selected suites/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('help and version', () => {
  it('--help lists every flag and the exit codes, exit 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--url', '--token', '--token-file', '--demo', '--profile', '--suite', '--grep', '--reporter', '--out-dir', '--seed', '--timeout', '--concurrency', '--insecure', '--no-cleanup', '--list', '--version'])
      expect(run.stdout).toContain(flag);
    expect(run.stdout).toMatch(/Exit codes:/);
    expect(run.stdout).toMatch(/--fail-on required\|gallery\|all +Which failed levels block \(exit 1\): required \(default/);
    expect(run.stdout).toMatch(/1 {2}a failure at or above --fail-on, or a run error/);
  });

  it('--fail-on takes required, gallery or all; anything else is a usage error naming them', async () => {
    const run = await runCli(['--demo', '--fail-on', 'warnings']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('scim-conformance: --fail-on: expected required, gallery or all, got "warnings"');
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
    const run = await runCli(['--url', 'http://127.0.0.1:9/scim/v2', '--timeout', '2s'], { env: { SCIM_TOKEN: 'secret-token-value' } });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^scim-conformance: cannot reach the target: GET http:\/\/127\.0\.0\.1:9\/scim\/v2\/Users\?filter=.*connection refused/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr + run.stdout).not.toContain('secret-token-value');
  });
});

describe('bad files and subcommand input (issue 9)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scimc-usage-'));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const badJsonProfile = file('bad.json', '{bad');
  const emptyToken = file('empty-token', '  \n');
  const notPem = file('not.pem', 'not a certificate');
  const token = file('token', 'abc');
  const cases: Array<[string, string[], RegExp]> = [
    ['a profile file that is not JSON', ['--demo', '--profile', badJsonProfile], /--profile: .*bad\.json:1:2: not valid JSON/],
    ['a token file that is a directory', ['--url', 'https://x.example/scim', '--token-file', dir], /--token-file: .* is a directory, not a file/],
    ['an empty token file', ['--url', 'https://x.example/scim', '--token-file', emptyToken], /--token-file: .*empty-token is empty/],
    ['an unreadable --ca', ['--url', 'https://x.example/scim', '--token-file', token, '--ca', join(dir, 'missing.pem')], /--ca: cannot read .*missing\.pem \(no such file\)/],
    ['a --ca that is a directory', ['--url', 'https://x.example/scim', '--token-file', token, '--ca', dir], /--ca: .* is a directory, not a file/],
    ['a --ca without a certificate', ['--url', 'https://x.example/scim', '--token-file', token, '--ca', notPem], /--ca: .*not\.pem holds no PEM certificate/],
    ['a value given to --read-only', ['--demo', '--read-only=yes'], /Option '--read-only' does not take an argument/],
    ['both --token and --token-file', ['--url', 'https://x.example/scim', '--token', 'a', '--token-file', token], /give the token once/],
    ['cleanup with an unknown flag', ['cleanup', '--urll', 'x'], /cleanup: Unknown option '--urll'/],
    ['cleanup without --url', ['cleanup', '--token-file', token], /cleanup: pass --url/],
    ['cleanup with a bad --run-id', ['cleanup', '--url', 'https://x.example/scim', '--token-file', token, '--run-id', 'xyz'], /--run-id must be the 8 hex digits/],
    ['cleanup without a token', ['cleanup', '--url', 'https://x.example/scim'], /cleanup: no token/],
  ];
  it.concurrent.each(cases)('%s → exit 2 with one line', async (_label, args, message) => {
    const run = await runCli(args);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('a profile file with wrong fields → exit 2, every problem named, no stack trace', async () => {
    const run = await runCli(['--demo', '--profile', file('wrong.json', '{"name":"x","nope":1}')]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/--profile: .*wrong\.json has \d+ problems/);
    expect(run.stderr).toMatch(/unknown member "nope"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('cleanup --help lists its flags', async () => {
    const run = await runCli(['cleanup', '--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--url', '--run-id', '--dry-run', '--token-file']) expect(run.stdout).toContain(flag);
  });
});
