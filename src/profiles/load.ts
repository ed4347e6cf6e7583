/**
 * --profile NAME|FILE → a validated Profile. Built-in profiles are JSON files in the package's profiles/ folder;
 * a user's file is validated by the same zod schema, and every mistake is reported with the file, its line and
 * column, the attribute path and what was expected, e.g.
 *   my-app.json:14:17: users.mappings[3].type: expected one of "string", "boolean", …; got "strng"
 * (`--profile discover` is resolved by the runner against the target: src/profiles/discover.ts.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { UsageError } from '../model/errors.js';
import { packageRoot } from '../model/package-root.js';
import { JsonSyntaxError, parseJsonWithPositions, pathKey, positionOf } from './json-positions.js';
import { Profile } from './profile-schema.js';

/** `--profile discover`: derive the profile from the target's /Schemas and /ResourceTypes at run time. */
export const DISCOVER = 'discover';

export function builtinProfileNames(): string[] {
  return readdirSync(join(packageRoot(), 'profiles'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** The file a --profile value names: a built-in name, else a path. */
export function profilePath(nameOrPath: string): string {
  const builtin = join(packageRoot(), 'profiles', `${nameOrPath}.json`);
  const isBuiltin = /^[a-z0-9-]+$/.test(nameOrPath) && existsSync(builtin);
  const path = isBuiltin ? builtin : nameOrPath;
  if (!isBuiltin && !existsSync(path))
    throw new UsageError(
      `--profile: "${nameOrPath}" is neither a built-in profile (${builtinProfileNames().join(', ')}, or ${DISCOVER}) nor a file`,
    );
  return path;
}

export function loadProfile(nameOrPath: string): Profile {
  if (nameOrPath === DISCOVER)
    throw new UsageError(
      `--profile ${DISCOVER} derives the profile from the target's /Schemas; it needs a target (--url or --demo)`,
    );
  const path = profilePath(nameOrPath);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--profile: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  const result = parseProfileText(text, path);
  // Every problem is named, on one line (the CLI's rule for bad input).
  if (!result.ok)
    throw new UsageError(
      `--profile: ${result.errors.length === 1 ? result.errors[0] : `${path} has ${result.errors.length} problems: ${result.errors.join('; ')}`}`,
    );
  return result.profile;
}

export type ProfileParse = { ok: true; profile: Profile } | { ok: false; errors: string[] };

/** Parses and validates a profile's text; `label` (the file name) starts every error message. */
export function parseProfileText(text: string, label: string): ProfileParse {
  let parsed: ReturnType<typeof parseJsonWithPositions>;
  try {
    parsed = parseJsonWithPositions(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      return {
        ok: false,
        errors: [`${label}:${error.position.line}:${error.position.column}: not valid JSON: ${error.message}`],
      };
    throw error;
  }
  const result = Profile.safeParse(parsed.value);
  if (result.success) return { ok: true, profile: result.data };
  const errors = result.error.issues.map((issue) => {
    const position =
      (issue.code === 'unrecognized_keys'
        ? parsed.positions.get(`${pathKey([...issue.path, issue.keys[0]!])}#key`)
        : undefined) ?? positionOf(parsed.positions, issue.path);
    const where = position ? `${label}:${position.line}:${position.column}` : label;
    return `${where}: ${displayPath(issue.path)}: ${describeIssue(issue, valueAt(parsed.value, issue.path))}`;
  });
  return { ok: false, errors };
}

/** ["users", "mappings", 3, "type"] → "users.mappings[3].type"; [] → "(top level)". */
export function displayPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[String(key)];
  }
  return value;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** One zod issue in words: what was expected, and what the file has. */
function describeIssue(issue: z.core.$ZodIssue, actual: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return actual === undefined
        ? `missing; expected ${article(issue.expected)}`
        : `expected ${article(issue.expected)}, got ${shown(actual)}`;
    case 'invalid_value':
      return `${actual === undefined ? 'missing; ' : ''}expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${actual === undefined ? '' : `; got ${shown(actual)}`}`;
    case 'unrecognized_keys':
      return `unknown member${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; the README lists every member)`;
    case 'too_small':
      return issue.origin === 'array' ? `${issue.message}; got an empty list` : `expected a non-empty ${issue.origin}`;
    case 'invalid_format':
      return `expected ${issue.message.replace(/^Invalid (string: )?/i, '').replace(/^must match pattern .*/, 'a different value')}; got ${shown(actual)}`;
    default:
      return actual === undefined || issue.code === 'custom' ? issue.message : `${issue.message}; got ${shown(actual)}`;
  }
}

function article(type: string): string {
  const words: Record<string, string> = {
    object: 'an object',
    array: 'a list [...]',
    string: 'a string',
    boolean: 'true or false',
    number: 'a number',
    int: 'a whole number',
  };
  return words[type] ?? type;
}
