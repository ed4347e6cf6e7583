/**
 * `scim-conformance profile --url URL > my-app.json`: derives a profile from the target's /Schemas and
 * /ResourceTypes and prints it for editing (src/profiles/discover.ts). Flags validated into ProfileCommandOptions
 * or a one-line UsageError (exit 2); the token comes from SCIM_TOKEN, --token-file or --token, as for a run.
 */
import { UsageError } from '../model/errors.js';
import { parseTargetCommand, TARGET_FLAGS, type TargetOptions } from './target-command.js';

const { help, ...targetFlags } = TARGET_FLAGS;

export const PROFILE_FLAGS = {
  ...targetFlags,
  name: {
    type: 'string',
    value: 'NAME',
    help: 'Name of the profile (lower case, digits, dashes; default: discovered)',
  },
  help,
} as const;

export interface ProfileCommandOptions extends TargetOptions {
  name?: string;
}

export function parseProfileCommand(argv: string[], env: Record<string, string | undefined>) {
  const parsed = parseTargetCommand(
    'profile',
    argv,
    env,
    PROFILE_FLAGS,
    'the profile is derived from its /Schemas and /ResourceTypes',
  );
  if (parsed.help) return { kind: 'help' as const, topic: 'profile' as const };
  const name = parsed.values.name;
  if (typeof name === 'string' && !/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new UsageError(`profile: --name must be lower-case letters, digits and dashes, got "${name}"`);
  const options: ProfileCommandOptions = { ...parsed.target, ...(typeof name === 'string' ? { name } : {}) };
  return { kind: 'profile' as const, options, warnings: parsed.warnings };
}

export function profileHelp(): string {
  const rows = Object.entries(PROFILE_FLAGS).map(([name, spec]) => {
    const left = `${'short' in spec ? `-${spec.short}, ` : '    '}--${name}${'value' in spec ? ` ${spec.value}` : ''}`;
    return `  ${left.padEnd(26)} ${spec.help}`;
  });
  return [
    "scim-conformance profile: derive a profile from the endpoint's /Schemas and /ResourceTypes and print it",
    '',
    'Usage: scim-conformance profile --url https://app.example.com/scim/v2 > my-app.json   (token from SCIM_TOKEN or --token-file)',
    '       then edit my-app.json (drop what your Entra app does not map; mark filterable/matching attributes)',
    '       and run: scim-conformance --url … --profile my-app.json',
    '',
    ...rows,
    '',
  ].join('\n');
}
