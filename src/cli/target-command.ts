/**
 * What the subcommands that talk to a target without running the suites (`cleanup`, `profile`) share: the target
 * flags, their tokenising with one-line errors, URL/timeout/TLS validation, and the token.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../model/errors.js';
import { readCaFile } from './files.js';
import { firstIssue, firstSentence } from './parse-errors.js';
import { RunOptionsSchema } from './options.js';
import { resolveToken, type TokenSource } from './token.js';

export const TARGET_FLAGS = {
  url: { type: 'string', value: 'URL', help: 'Base URL of the SCIM endpoint (as for a run)' },
  token: { type: 'string', value: 'TOKEN', help: 'Bearer token (prefer SCIM_TOKEN or --token-file)' },
  'token-file': { type: 'string', value: 'FILE', help: 'Read the bearer token from FILE' },
  timeout: { type: 'string', value: 'DURATION', help: 'Per-request timeout (default: 60s)' },
  insecure: { type: 'boolean', help: 'Do not verify the TLS certificate (test servers only)' },
  ca: { type: 'string', value: 'FILE', help: 'Trust the certificate authority in this PEM file' },
  help: { type: 'boolean', short: 'h', help: 'Show this help' },
} as const;

export interface TargetOptions {
  url: string;
  token: string;
  tokenSource: TokenSource;
  timeout: number;
  insecure: boolean;
  /** Contents of the --ca file. */
  caPem?: string;
}

type FlagSpec = { type: 'string' | 'boolean'; short?: string };
const TargetSchema = RunOptionsSchema.pick({ url: true, timeout: true, insecure: true, ca: true });

/**
 * Tokenises `argv` for `command` with `flags` (which include TARGET_FLAGS) and validates the target part.
 * Returns `help` when --help was given; otherwise the command's own values, the target and any warnings.
 */
export function parseTargetCommand(
  command: string,
  argv: string[],
  env: Record<string, string | undefined>,
  flags: Record<string, FlagSpec>,
  urlHint: string,
):
  | { help: true }
  | { help: false; values: Record<string, string | boolean | undefined>; target: TargetOptions; warnings: string[] } {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: flags, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(
      `${command}: ${firstSentence(error)}. Run scim-conformance ${command} --help for the options.`,
    );
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length > 0) throw new UsageError(`${command}: unexpected argument "${positionals[0]}"`);
  const checked = TargetSchema.safeParse({
    url: values.url,
    timeout: values.timeout,
    insecure: values.insecure,
    ca: values.ca,
  });
  if (!checked.success) {
    const { key, message } = firstIssue(checked.error);
    throw new UsageError(`${command}: --${key ?? 'options'}: ${message}`);
  }
  if (!checked.data.url) throw new UsageError(`${command}: pass --url https://your-app/scim/v2 (${urlHint})`);
  const warnings: string[] = [];
  const { token, tokenSource } = resolveToken(values, env, warnings);
  if (token === undefined || !tokenSource)
    throw new UsageError(`${command}: no token: set SCIM_TOKEN, or pass --token-file FILE (or --token TOKEN)`);
  const target: TargetOptions = {
    url: checked.data.url,
    token,
    tokenSource,
    timeout: checked.data.timeout,
    insecure: checked.data.insecure,
    ...(checked.data.ca ? { caPem: readCaFile(checked.data.ca) } : {}),
  };
  return { help: false, values, target, warnings };
}
