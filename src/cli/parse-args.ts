/**
 * argv + environment → the command to run, or a UsageError with one line that says what is wrong. Pure: reads
 * files only for --token-file and --ca (so that their errors are usage errors too).
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../model/errors.js';
import { readCaFile } from './files.js';
import { parseCleanup, type CleanupOptions } from './parse-cleanup.js';
import { firstIssue, firstSentence } from './parse-errors.js';
import { parseProfileCommand, type ProfileCommandOptions } from './parse-profile.js';
import { resolveToken } from './token.js';
import { RUN_FLAGS, RunOptionsSchema, type RunOptions } from './options.js';

export type Command =
  | { kind: 'help'; topic?: 'serve' | 'cleanup' | 'profile' }
  | { kind: 'version' }
  | { kind: 'run'; options: RunOptions; warnings: string[] }
  | { kind: 'cleanup'; options: CleanupOptions; warnings: string[] }
  | { kind: 'profile'; options: ProfileCommandOptions; warnings: string[] }
  | { kind: 'serve'; port: number; host: string; token?: string; basePath: string; profile: string }
  | { kind: 'explain'; argv: string[] };

export function parseCommand(argv: string[], env: Record<string, string | undefined>): Command {
  if (argv[0] === 'serve') return parseServe(argv.slice(1), env);
  if (argv[0] === 'cleanup') return parseCleanup(argv.slice(1), env);
  if (argv[0] === 'profile') return parseProfileCommand(argv.slice(1), env);
  if (argv[0] === 'explain') return { kind: 'explain', argv: argv.slice(1) };
  return parseRun(argv, env);
}

/**
 * `--concurrency -1`: parseArgs takes "-1" for an option and calls the flag ambiguous. A value that looks like a
 * negative number after a flag that takes a value is joined to it (`--concurrency=-1`), so that the flag's own
 * check answers ("must be a whole number from 1 to 64").
 */
function withNegativeValues(argv: string[], flags: Record<string, { type: string }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (
      arg.startsWith('--') &&
      !arg.includes('=') &&
      flags[arg.slice(2)]?.type === 'string' &&
      next !== undefined &&
      /^-\d/.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function tokenize<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${firstSentence(error)}. Run scim-conformance --help for the options.`);
  }
}

function parseRun(argv: string[], env: Record<string, string | undefined>): Command {
  const { values, positionals } = tokenize(() =>
    parseArgs({ args: withNegativeValues(argv, RUN_FLAGS), options: RUN_FLAGS, strict: true, allowPositionals: true }),
  );
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}"; did you mean --url ${positionals[0]}?`);

  // A list flag that names nothing (`--reporter ","`) is a mistake, not "all" and not "none".
  const split = (list: string[] | undefined, flag: string) => {
    if (list === undefined) return undefined;
    const names = list
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    if (names.length === 0)
      throw new UsageError(
        `${flag}: no name given ("${list.join(' ')}"); e.g. ${flag} ${flag === '--suite' ? 'users,groups' : 'json,junit'}`,
      );
    return names;
  };
  const parsed = RunOptionsSchema.safeParse({
    url: values.url,
    demo: values.demo,
    profile: values.profile,
    suite: split(values.suite, '--suite'),
    grep: values.grep,
    reporter: split(values.reporter, '--reporter'),
    outDir: values['out-dir'],
    seed: values.seed,
    timeout: values.timeout,
    concurrency: values.concurrency,
    numRuns: values['num-runs'],
    rate: values.rate,
    insecure: values.insecure,
    ca: values.ca,
    noCleanup: values['no-cleanup'],
    readOnly: values['read-only'],
    list: values.list,
    json: values.json,
    quiet: values.quiet,
    verbose: values.verbose,
    baseline: values.baseline,
    failOn: values['fail-on'],
  });
  if (!parsed.success) {
    const { key, message } = firstIssue(parsed.error);
    const flag = key === undefined ? 'options' : `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UsageError(`${flag}: ${message}`);
  }
  const { failOn, ...rest } = parsed.data;
  const warnings: string[] = [];
  if (failOn === 'new' && !rest.baseline)
    throw new UsageError('--fail-on new needs --baseline FILE (the results.json of an earlier run)');
  if (failOn === 'any' || failOn === 'new')
    warnings.push(
      `--fail-on ${failOn} is deprecated: it now means --fail-on all (every level blocks${failOn === 'new' ? '; --baseline keeps known failures from blocking' : ''}); the default is required`,
    );
  const options: RunOptions = { ...rest, failOn: failOn === 'any' || failOn === 'new' ? 'all' : failOn };

  if (options.json && options.list)
    throw new UsageError('--json reports the verdict of a run and --list runs nothing; pass one of them');
  if (options.quiet && options.verbose)
    throw new UsageError('--quiet and --verbose contradict each other; pass one of them');
  if (options.demo && options.url)
    throw new UsageError('--demo runs against the bundled reference server; drop --url, or drop --demo');
  if (!options.demo && !options.url && !options.list)
    throw new UsageError(
      'no target: pass --url https://your-app/scim/v2 with a token, or --demo to try the bundled reference server',
    );

  Object.assign(options, resolveToken(values, env, warnings));
  if (options.demo && options.token)
    throw new UsageError('--demo makes its own token; drop --token, --token-file or SCIM_TOKEN for the demo');
  if (!options.demo && !options.list && options.token === undefined)
    throw new UsageError('no token: set SCIM_TOKEN, or pass --token-file FILE (or --token TOKEN)');
  if (options.ca) options.caPem = readCaFile(options.ca);
  return { kind: 'run', options, warnings };
}

const SERVE_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  'base-path': { type: 'string' },
  profile: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseServe(argv: string[], env: Record<string, string | undefined>): Command {
  const { values, positionals } = tokenize(() =>
    parseArgs({ args: argv, options: SERVE_FLAGS, strict: true, allowPositionals: true }),
  );
  if (values.help) return { kind: 'help', topic: 'serve' };
  if (positionals.length > 0) throw new UsageError(`serve: unexpected argument "${positionals[0]}"`);
  const portText = values.port ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new UsageError(`--port must be a port number from 0 to 65535, got "${portText}"`);
  const basePath = values['base-path'] ?? '/scim/v2';
  if (!basePath.startsWith('/')) throw new UsageError(`--base-path must start with "/", got "${basePath}"`);
  const token = values.token ?? env.SCIM_TOKEN;
  return {
    kind: 'serve',
    port,
    host: values.host ?? '127.0.0.1',
    ...(token ? { token } : {}),
    basePath,
    profile: values.profile ?? 'entra-default',
  };
}
