// Bad input gets one line on stderr and exit code 2, never a stack trace (README "Exit codes").
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

describe('help and version', () => {
  it('--help lists every flag and the exit codes, exit 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--url', '--token', '--token-file', '--demo', '--profile', '--suite', '--grep', '--reporter', '--out-dir', '--seed', '--timeout', '--concurrency', '--insecure', '--no-cleanup', '--list', '--version'])
      expect(run.stdout).toContain(flag);
    expect(run.stdout).toMatch(/Exit codes:/);
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
