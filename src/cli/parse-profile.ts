/**
 * `scim-conformance profile --url URL > my-app.json`: derives a profile from the target's /Schemas and
 * /ResourceTypes and prints it for editing (src/profiles/discover.ts). Flags validated into ProfileCommandOptions
 * or a one-line UsageError (exit 2); the token comes from SCIM_TOKEN, --token-file or --token, as for a run.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { readCaFile } from './files.js';
import { RunOptionsSchema } from './options.js';
import { resolveToken } from './token.js';

export const PROFILE_FLAGS = {
  url: { type: 'string', value: 'URL', help: 'Base URL of the SCIM endpoint (as for a run)' },
  name: { type: 'string', value: 'NAME', help: 'Name of the profile (lower case, digits, dashes; default: discovered)' },
  token: { type: 'string', value: 'TOKEN', help: 'Bearer token (prefer SCIM_TOKEN or --token-file)' },
  'token-file': { type: 'string', value: 'FILE', help: 'Read the bearer token from FILE' },
  timeout: { type: 'string', value: 'DURATION', help: 'Per-request timeout (default: 15s)' },
  insecure: { type: 'boolean', help: 'Do not verify the TLS certificate (test servers only)' },
  ca: { type: 'string', value: 'FILE', help: 'Trust the certificate authority in this PEM file' },
  help: { type: 'boolean', short: 'h', help: 'Show this help' },
} as const;

export interface ProfileCommandOptions {
  url: string;
  token: string;
  name?: string;
  timeout: number;
  insecure: boolean;
  caPem?: string;
}

const Schema = RunOptionsSchema.pick({ url: true, timeout: true, insecure: true, ca: true });

export function parseProfileCommand(argv: string[], env: Record<string, string | undefined>) {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof PROFILE_FLAGS; strict: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: PROFILE_FLAGS, strict: true, allowPositionals: true });
  } catch (error) {
    const first = (error as Error).message.split('\n')[0]!.split('. ')[0]!.replace(/\.$/, '');
    throw new UsageError(`profile: ${first}. Run scim-conformance profile --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' as const, topic: 'profile' as const };
  if (positionals.length > 0) throw new UsageError(`profile: unexpected argument "${positionals[0]}"`);
  const checked = Schema.safeParse({ url: values.url, timeout: values.timeout, insecure: values.insecure, ca: values.ca });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UsageError(`profile: --${String(issue.path[0] ?? 'options')}: ${issue.message}`);
  }
  if (!checked.data.url) throw new UsageError('profile: pass --url https://your-app/scim/v2; the profile is derived from its /Schemas and /ResourceTypes');
  if (values.name !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(values.name))
    throw new UsageError(`profile: --name must be lower-case letters, digits and dashes, got "${values.name}"`);
  const warnings: string[] = [];
  const { token } = resolveToken(values, env, warnings);
  if (token === undefined) throw new UsageError('profile: no token: set SCIM_TOKEN, or pass --token-file FILE (or --token TOKEN)');
  const options: ProfileCommandOptions = {
    url: checked.data.url,
    token,
    ...(values.name ? { name: values.name } : {}),
    timeout: checked.data.timeout,
    insecure: checked.data.insecure,
    ...(checked.data.ca ? { caPem: readCaFile(checked.data.ca) } : {}),
  };
  return { kind: 'profile' as const, options, warnings };
}

export function profileHelp(): string {
  const rows = Object.entries(PROFILE_FLAGS).map(([name, spec]) => {
    const left = `${'short' in spec ? `-${spec.short}, ` : '    '}--${name}${'value' in spec ? ` ${spec.value}` : ''}`;
    return `  ${left.padEnd(26)} ${spec.help}`;
  });
  return [
    'scim-conformance profile: derive a profile from the endpoint\'s /Schemas and /ResourceTypes and print it',
    '',
    'Usage: scim-conformance profile --url https://app.example.com/scim/v2 > my-app.json   (token from SCIM_TOKEN or --token-file)',
    '       then edit my-app.json (drop what your Entra app does not map; mark filterable/matching attributes)',
    '       and run: scim-conformance --url … --profile my-app.json',
    '',
    ...rows,
    '',
  ].join('\n');
}
