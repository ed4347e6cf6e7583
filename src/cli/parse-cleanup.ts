/**
 * `scim-conformance cleanup --url URL [--run-id ID] [--dry-run]`: the flags of the cleanup command, validated
 * into CleanupOptions or a one-line UsageError (exit 2).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { readCaFile } from './files.js';
import { RunOptionsSchema } from './options.js';
import { resolveToken, type TokenSource } from './token.js';

export const CLEANUP_FLAGS = {
  url: { type: 'string', value: 'URL', help: 'Base URL of the SCIM endpoint (as for a run)' },
  'run-id': { type: 'string', value: 'ID', help: 'Delete only what the run with this id created (8 hex digits, printed by every run)' },
  'dry-run': { type: 'boolean', help: 'Print what would be deleted; delete nothing' },
  token: { type: 'string', value: 'TOKEN', help: 'Bearer token (prefer SCIM_TOKEN or --token-file)' },
  'token-file': { type: 'string', value: 'FILE', help: 'Read the bearer token from FILE' },
  timeout: { type: 'string', value: 'DURATION', help: 'Per-request timeout (default: 15s)' },
  insecure: { type: 'boolean', help: 'Do not verify the TLS certificate (test servers only)' },
  ca: { type: 'string', value: 'FILE', help: 'Trust the certificate authority in this PEM file' },
  help: { type: 'boolean', short: 'h', help: 'Show this help' },
} as const;

export interface CleanupOptions {
  url: string;
  token: string;
  tokenSource: TokenSource;
  runId?: string;
  dryRun: boolean;
  timeout: number;
  insecure: boolean;
  /** Contents of the --ca file. */
  caPem?: string;
}

const CleanupSchema = RunOptionsSchema.pick({ url: true, timeout: true, insecure: true, ca: true });

export function parseCleanup(argv: string[], env: Record<string, string | undefined>) {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof CLEANUP_FLAGS; strict: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: CLEANUP_FLAGS, strict: true, allowPositionals: true });
  } catch (error) {
    const first = (error as Error).message.split('\n')[0]!.split('. ')[0]!.replace(/\.$/, '');
    throw new UsageError(`cleanup: ${first}. Run scim-conformance cleanup --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' as const, topic: 'cleanup' as const };
  if (positionals.length > 0) throw new UsageError(`cleanup: unexpected argument "${positionals[0]}"`);
  const checked = CleanupSchema.safeParse({ url: values.url, timeout: values.timeout, insecure: values.insecure, ca: values.ca });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UsageError(`cleanup: --${String(issue.path[0] ?? 'options')}: ${issue.message}`);
  }
  if (!checked.data.url) throw new UsageError('cleanup: pass --url https://your-app/scim/v2 (the endpoint the interrupted run tested)');
  const runId = values['run-id']?.trim().replace(/^scimc-/, '');
  if (runId !== undefined && !/^[0-9a-f]{8}$/.test(runId))
    throw new UsageError(`cleanup: --run-id must be the 8 hex digits a run prints (e.g. 3f9a7c2e), got "${values['run-id']}"`);
  const warnings: string[] = [];
  const { token, tokenSource } = resolveToken(values, env, warnings);
  if (token === undefined || !tokenSource) throw new UsageError('cleanup: no token: set SCIM_TOKEN, or pass --token-file FILE (or --token TOKEN)');
  const options: CleanupOptions = {
    url: checked.data.url,
    token,
    tokenSource,
    ...(runId ? { runId } : {}),
    dryRun: Boolean(values['dry-run']),
    timeout: checked.data.timeout,
    insecure: checked.data.insecure,
    ...(checked.data.ca ? { caPem: readCaFile(checked.data.ca) } : {}),
  };
  return { kind: 'cleanup' as const, options, warnings };
}
