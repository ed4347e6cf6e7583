/**
 * `scim-conformance profile --url …`: the profile derived from the target's /Schemas and /ResourceTypes, as JSON on
 * stdout (one mapping per line, ready to edit), with what to do next on stderr.
 */
import { ExitCode } from '../exit-codes.js';
import type { ProfileCommandOptions } from '../parse-profile.js';
import { commandClient } from './target-client.js';
import { discoverTargetProfile } from '../../profiles/discover.js';
import type { Profile } from '../../profiles/profile-schema.js';

export async function profileCommand(
  options: ProfileCommandOptions,
  io: { out: (t: string) => void; err: (t: string) => void },
): Promise<ExitCode> {
  const client = await commandClient(options, { maxBodyBytes: 4 * 1024 * 1024 });
  const profile = await discoverTargetProfile(client, options.url);
  if (options.name) profile.name = options.name;
  io.out(formatProfile(profile));
  const users = profile.users.mappings.length;
  const groups = profile.groups.mappings.length;
  io.err(
    `scim-conformance: derived ${users} user and ${groups} group mappings and ${profile.extensions.length} custom extension(s); edit the file (keep what your Entra app maps, mark filterable attributes), then run with --profile FILE\n`,
  );
  return ExitCode.Pass;
}

/** Pretty JSON with each mapping and each extension attribute on one line, like the built-in profiles. */
export function formatProfile(profile: Profile): string {
  const compact = (value: unknown) =>
    JSON.stringify(value, null, 1)
      .replace(/\n\s*/g, ' ')
      .replace(/\[ /g, '[')
      .replace(/ \]/g, ']')
      .replace(/{ /g, '{')
      .replace(/ }/g, '}');
  // The objects inside "mappings" and "attributes" lists go on one line each.
  const parsed = JSON.parse(JSON.stringify(profile)) as Record<string, unknown>;
  const emit = (value: unknown, indent: string, key?: string): string => {
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      const oneLine = key === 'mappings' || key === 'attributes' || value.every((v) => typeof v !== 'object');
      if (oneLine && value.every((v) => typeof v !== 'object') && JSON.stringify(value).length < 80)
        return JSON.stringify(value).replace(/","/g, '", "');
      return `[\n${value.map((v) => `${indent}  ${oneLine ? compact(v) : emit(v, `${indent}  `)}`).join(',\n')}\n${indent}]`;
    }
    if (value && typeof value === 'object')
      return `{\n${Object.entries(value)
        .map(([k, v]) => `${indent}  ${JSON.stringify(k)}: ${emit(v, `${indent}  `, k)}`)
        .join(',\n')}\n${indent}}`;
    return JSON.stringify(value);
  };
  return `${emit(parsed, '')}\n`;
}
