/**
 * argv + environment → the command to run, or a UsageError with one line that says what is wrong. Pure: reads
 * files only for --token-file and --ca (so that their errors are usage errors too).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { RUN_FLAGS, RunOptionsSchema, type RunOptions } from './options.js';

export type Command =
  | { kind: 'help'; topic?: 'serve' }
  | { kind: 'version' }
  | { kind: 'run'; options: RunOptions; warnings: string[] }
  | { kind: 'serve'; port: number; host: string; token?: string; basePath: string; profile: string };

export function parseCommand(argv: string[], env: Record<string, string | undefined>): Command {
  if (argv[0] === 'serve') return parseServe(argv.slice(1), env);
  return parseRun(argv, env);
}

function tokenize<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // parseArgs messages are already one line, e.g. "Unknown option '--urll'".
    // parseArgs appends advice about "--" to unknown options; keep only the first sentence.
    const first = (error as Error).message.split('\n')[0]!.split('. ')[0]!.replace(/\.$/, '');
    throw new UsageError(`${first}. Run scim-conformance --help for the options.`);
  }
}

function parseRun(argv: string[], env: Record<string, string | undefined>): Command {
  const { values, positionals } = tokenize(() => parseArgs({ args: argv, options: RUN_FLAGS, strict: true, allowPositionals: true }));
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; did you mean --url ${positionals[0]}?`);

  const split = (list: string[] | undefined) => list?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const parsed = RunOptionsSchema.safeParse({
    url: values.url,
    demo: values.demo,
    profile: values.profile,
    suite: split(values.suite),
    grep: values.grep,
    reporter: split(values.reporter),
    outDir: values['out-dir'],
    seed: values.seed,
    timeout: values.timeout,
    concurrency: values.concurrency,
    insecure: values.insecure,
    ca: values.ca,
    noCleanup: values['no-cleanup'],
    list: values.list,
    baseline: values.baseline,
    failOn: values['fail-on'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = issue.path.length ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : 'options';
    throw new UsageError(`${flag}: ${issue.message}`);
  }
  const options: RunOptions = { ...parsed.data };
  const warnings: string[] = [];

  if (options.demo && options.url) throw new UsageError('--demo runs against the bundled reference server; drop --url, or drop --demo');
  if (!options.demo && !options.url && !options.list)
    throw new UsageError('no target: pass --url https://your-app/scim/v2 with a token, or --demo to try the bundled reference server');

  const sources = [values.token !== undefined && 'flag', values['token-file'] !== undefined && 'file'].filter(Boolean);
  if (sources.length > 1) throw new UsageError('give the token once: --token or --token-file, not both');
  if (values.token !== undefined) {
    options.token = values.token;
    options.tokenSource = 'flag';
    warnings.push('a token on the command line can leak into shell history and CI logs; prefer SCIM_TOKEN or --token-file');
  } else if (values['token-file'] !== undefined) {
    options.token = readSmallFile(values['token-file'], '--token-file').trim();
    options.tokenSource = 'file';
  } else if (env.SCIM_TOKEN) {
    options.token = env.SCIM_TOKEN.trim();
    options.tokenSource = 'env';
  }
  if (options.token !== undefined) {
    if (options.token === '') throw new UsageError('the token is empty');
    if (/^bearer\s/i.test(options.token)) throw new UsageError('give the bare token without the "Bearer " prefix (Entra adds it itself, catalog D-03)');
    if (/[\r\n]/.test(options.token)) throw new UsageError('the token contains a line break');
  }
  if (options.demo && options.token) throw new UsageError('--demo makes its own token; drop --token, --token-file or SCIM_TOKEN for the demo');
  if (!options.demo && !options.list && options.token === undefined)
    throw new UsageError('no token: set SCIM_TOKEN, or pass --token-file FILE (or --token TOKEN)');
  if (options.ca) readSmallFile(options.ca, '--ca');
  if (options.failOn === 'new' && !options.baseline) throw new UsageError('--fail-on new needs --baseline FILE (the results.json of an earlier run)');
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
  const { values, positionals } = tokenize(() => parseArgs({ args: argv, options: SERVE_FLAGS, strict: true, allowPositionals: true }));
  if (values.help) return { kind: 'help', topic: 'serve' };
  if (positionals.length > 0) throw new UsageError(`serve: unexpected argument "${positionals[0]}"`);
  const portText = values.port ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, got "${portText}"`);
  const basePath = values['base-path'] ?? '/scim/v2';
  if (!basePath.startsWith('/')) throw new UsageError(`--base-path must start with "/", got "${basePath}"`);
  const token = values.token ?? env.SCIM_TOKEN;
  return { kind: 'serve', port, host: values.host ?? '127.0.0.1', ...(token ? { token } : {}), basePath, profile: values.profile ?? 'entra-default' };
}

function readSmallFile(path: string, flag: string): string {
  try {
    const text = readFileSync(path, 'utf8');
    if (text.length > 64 * 1024) throw new UsageError(`${flag}: ${path} is larger than 64 KB`);
    return text;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${flag}: cannot read ${path}${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`);
  }
}
