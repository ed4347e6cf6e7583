// Bad input is one line and exit code 2 (README "Exit codes"), decided before anything starts: argv and the
// environment → parseCommand (src/cli/parse-args.ts), and for --profile the profile loader. In-process: the
// process-level wiring (prefix "scim-conformance: ", stderr, exit code, empty stdout) is tests/cli/usage.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeForError } from '../../../src/cli/exit-codes.js';
import { cleanupHelp, runHelp } from '../../../src/cli/help.js';
import { parseCommand, type Command } from '../../../src/cli/parse-args.js';
import { KnownError } from '../../../src/model/errors.js';
import { loadProfile } from '../../../src/profiles/load.js';

type Env = Record<string, string | undefined>;

/** The error a bad command line ends in: what main() prints after "scim-conformance: ", and the exit code the CLI maps it to. */
function usageErrorOf(parse: () => unknown): { message: string; exitCode: number } {
  try {
    parse();
  } catch (error) {
    if (error instanceof KnownError) return { message: error.message, exitCode: exitCodeForError(error) };
    throw error;
  }
  throw new Error('no error: the input was accepted');
}

/** A run command as `scim-conformance` would start it: the options parsed, then the profile they name loaded. */
function startRun(argv: string[], env: Env = {}): Command {
  const command = parseCommand(argv, env);
  if (command.kind === 'run' && command.options.profile) loadProfile(command.options.profile);
  return command;
}

function expectUsageError(argv: string[], message: RegExp, env: Env = {}): string {
  const error = usageErrorOf(() => startRun(argv, env));
  expect(error.exitCode, error.message).toBe(2);
  expect(error.message).toMatch(message);
  expect(error.message).not.toContain('\n');
  return error.message;
}

const dir = mkdtempSync(join(tmpdir(), 'scimc-usage-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const token = file('token', 'abc');

const usage: Array<[string, string[], RegExp, Env?]> = [
  [
    'an unknown flag',
    ['--urll', 'https://x.example'],
    /^Unknown option '--urll'\. Run scim-conformance --help for the options\.$/,
  ],
  ['no target', [], /^no target/],
  ['no token', ['--url', 'https://app.example.com/scim/v2'], /^no token/],
  ['a URL that is not one', ['--url', 'not a url', '--token-file', '/dev/null'], /^--url: "not a url" is not a URL/],
  ['an ftp URL', ['--url', 'ftp://x.example/scim'], /^--url: the URL must start with https:\/\//, { SCIM_TOKEN: 't' }],
  ['an unknown reporter', ['--demo', '--reporter', 'pdf'], /^--reporter: unknown reporter "pdf"/],
  [
    'a bad concurrency',
    ['--demo', '--concurrency', '0'],
    /^--concurrency: --concurrency must be a whole number from 1 to 64/,
  ],
  [
    'a negative concurrency',
    ['--demo', '--concurrency', '-1'],
    /^--concurrency: --concurrency must be a whole number from 1 to 64, got "-1"/,
  ],
  [
    'a bad rate',
    ['--demo', '--rate', 'fast'],
    /^--rate: --rate must be a number of requests per second from 0.1 to 10000, got "fast"/,
  ],
  ['a bad timeout', ['--demo', '--timeout', 'soon'], /^--timeout: expected a duration/],
  ['a bad seed', ['--demo', '--seed', 'abc'], /^--seed: must be a whole number/],
  ['a bad grep', ['--demo', '--grep', '('], /^--grep: is not a valid regular expression/],
  ['a reporter list that names nothing', ['--demo', '--reporter', ','], /^--reporter: no name given/],
  ['a suite list that names nothing', ['--demo', '--suite', ','], /^--suite: no name given/],
  [
    'a bad --fail-on',
    ['--demo', '--fail-on', 'warnings'],
    /^--fail-on: expected required, gallery or all, got "warnings"$/,
  ],
  ['a value given to --read-only', ['--demo', '--read-only=yes'], /^Option '--read-only' does not take an argument/],
  [
    'a positional argument',
    ['https://x.example/scim'],
    /^unexpected argument "https:\/\/x.example\/scim"; did you mean --url/,
  ],
  [
    '--demo with --url',
    ['--demo', '--url', 'https://x.example/scim'],
    /^--demo runs against the bundled reference server/,
  ],
  [
    'a missing token file',
    ['--url', 'https://x.example/scim', '--token-file', '/nonexistent/token'],
    /^--token-file: cannot read \/nonexistent\/token \(no such file\)/,
  ],
  [
    'a token file that is a directory',
    ['--url', 'https://x.example/scim', '--token-file', dir],
    /^--token-file: .* is a directory, not a file/,
  ],
  [
    'an empty token file',
    ['--url', 'https://x.example/scim', '--token-file', file('empty-token', '  \n')],
    /^--token-file: .*empty-token is empty/,
  ],
  [
    'a Bearer-prefixed token',
    ['--url', 'https://x.example/scim'],
    /without the "Bearer " prefix/,
    { SCIM_TOKEN: 'Bearer abc' },
  ],
  [
    'both --token and --token-file',
    ['--url', 'https://x.example/scim', '--token', 'a', '--token-file', token],
    /give the token once/,
  ],
  [
    'an unreadable --ca',
    ['--url', 'https://x.example/scim', '--token-file', token, '--ca', join(dir, 'missing.pem')],
    /^--ca: cannot read .*missing\.pem \(no such file\)/,
  ],
  [
    'a --ca that is a directory',
    ['--url', 'https://x.example/scim', '--token-file', token, '--ca', dir],
    /^--ca: .* is a directory, not a file/,
  ],
  [
    'a --ca without a certificate',
    ['--url', 'https://x.example/scim', '--token-file', token, '--ca', file('not.pem', 'not a certificate')],
    /^--ca: .*not\.pem holds no PEM certificate/,
  ],
  [
    'an unknown profile',
    ['--demo', '--profile', 'no-such-app'],
    /^--profile: "no-such-app" is neither a built-in profile/,
  ],
  [
    'a profile file that is not JSON',
    ['--demo', '--profile', file('bad.json', '{bad')],
    /^--profile: .*bad\.json:1:2: not valid JSON/,
  ],
  ['cleanup with an unknown flag', ['cleanup', '--urll', 'x'], /^cleanup: Unknown option '--urll'/],
  ['cleanup without --url', ['cleanup', '--token-file', token], /^cleanup: pass --url/],
  [
    'cleanup with a bad --run-id',
    ['cleanup', '--url', 'https://x.example/scim', '--token-file', token, '--run-id', 'xyz'],
    /^cleanup: --run-id must be the 8 hex digits/,
  ],
  ['cleanup without a token', ['cleanup', '--url', 'https://x.example/scim'], /^cleanup: no token/],
];

describe('usage errors: exit 2, one line', () => {
  it.each(usage)('%s', (_label, argv, message, env) => {
    expectUsageError(argv, message, env);
  });

  it('a profile file with wrong fields names every problem on its one line', () => {
    const message = expectUsageError(
      ['--demo', '--profile', file('wrong.json', '{"name":"x","nope":1}')],
      /^--profile: .*wrong\.json has \d+ problems: /,
    );
    expect(message).toMatch(/unknown member "nope"/);
  });

  it('a token with a non-ASCII letter is a usage error that does not echo the token', () => {
    const message = expectUsageError(
      ['--url', 'http://127.0.0.1:9/scim'],
      /^the token has a character that cannot be sent in an HTTP header \(not printable ASCII\) at position 2$/,
      {
        SCIM_TOKEN: 'tökén-123456789',
      },
    );
    expect(message).not.toContain('tökén');
  });
});

describe('accepted input', () => {
  it('a token on the command line works but warns', () => {
    const command = parseCommand(['--url', 'http://127.0.0.1:9/scim', '--token', 'abc', '--timeout', '1s'], {});
    expect(command.kind).toBe('run');
    if (command.kind === 'run') {
      expect(command.options.token).toBe('abc');
      expect(command.warnings).toEqual([expect.stringMatching(/^a token on the command line can leak/)]);
    }
  });

  it('--help and --version are commands of their own, whatever else is given', () => {
    expect(parseCommand(['--help'], {})).toEqual({ kind: 'help' });
    expect(parseCommand(['--demo', '--version'], {})).toEqual({ kind: 'version' });
    expect(parseCommand(['cleanup', '--help'], {})).toEqual({ kind: 'help', topic: 'cleanup' });
  });

  it('--help lists every flag and the exit codes', () => {
    const text = runHelp('1.2.3');
    for (const flag of [
      '--url',
      '--token',
      '--token-file',
      '--demo',
      '--profile',
      '--suite',
      '--grep',
      '--reporter',
      '--out-dir',
      '--seed',
      '--timeout',
      '--concurrency',
      '--insecure',
      '--no-cleanup',
      '--list',
      '--version',
    ])
      expect(text).toContain(flag);
    expect(text).toMatch(/Exit codes:/);
    expect(text).toMatch(/--fail-on required\|gallery\|all +Which failed levels block \(exit 1\): required \(default/);
    expect(text).toMatch(/1 {2}a failure at or above --fail-on, or a run error/);
  });

  it('cleanup --help lists its flags', () => {
    const text = cleanupHelp();
    for (const flag of ['--url', '--run-id', '--dry-run', '--token-file']) expect(text).toContain(flag);
  });
});
