/**
 * --profile NAME|FILE → a validated Profile. Built-in profiles are JSON files in the package's profiles/ folder;
 * a user's file is validated by the same zod schema, and every mistake is reported with its path.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../cli/errors.js';
import { packageRoot } from '../runner/package-root.js';
import { Profile } from './profile-schema.js';

export function builtinProfileNames(): string[] {
  return readdirSync(join(packageRoot(), 'profiles'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function loadProfile(nameOrPath: string): Profile {
  const builtin = join(packageRoot(), 'profiles', `${nameOrPath}.json`);
  const isBuiltin = /^[a-z0-9-]+$/.test(nameOrPath) && existsSync(builtin);
  const path = isBuiltin ? builtin : nameOrPath;
  if (!isBuiltin && !existsSync(path))
    throw new UsageError(`--profile: "${nameOrPath}" is neither a built-in profile (${builtinProfileNames().join(', ')}) nor a file`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--profile: ${path} is not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = Profile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
    throw new UsageError(`--profile: ${path}: ${where}: ${issue.message}`);
  }
  return parsed.data;
}
