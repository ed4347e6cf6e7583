/**
 * Small files the CLI reads itself (token, CA certificate): every problem is a one-line UsageError (exit 2), found
 * before any request is sent. (The report folder is checked by the runner: src/runner/out-dir.ts.)
 */
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from '../model/errors.js';

const MAX_BYTES = 64 * 1024;

export function readSmallFile(path: string, flag: string): string {
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`${flag}: ${path} is a directory, not a file`);
    const text = readFileSync(path, 'utf8');
    if (text.length > MAX_BYTES) throw new UsageError(`${flag}: ${path} is larger than 64 KB`);
    return text;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? ' (no such file)' : code === 'EACCES' ? ' (permission denied)' : code ? ` (${code})` : '';
    throw new UsageError(`${flag}: cannot read ${path}${why}`);
  }
}

/** --ca: a readable PEM file with at least one certificate (a key or a DER file would fail later, obscurely). */
export function readCaFile(path: string): string {
  const text = readSmallFile(path, '--ca');
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text))
    throw new UsageError(`--ca: ${path} holds no PEM certificate (expected "-----BEGIN CERTIFICATE-----")`);
  return text;
}
