/**
 * The report folder a run writes to: every problem is a one-line UsageError (exit 2), found before any request is sent.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../model/errors.js';

/**
 * --out-dir, checked before the run sends anything (issue 17): created if missing, and proven writable by writing and
 * removing a probe file (access() says yes to root on a read-only mount). "-" is refused: reports are several files,
 * not one stream, and a folder named "-" is never what was meant.
 */
export function prepareOutDir(path: string): void {
  if (path === '-')
    throw new UsageError(
      '--out-dir: "-" is not a folder; reports are files (junit.xml, report.html, …): give a folder, e.g. --out-dir reports',
    );
  const why = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EROFS'
        ? 'read-only file system'
        : code === 'ENOTDIR'
          ? 'a parent is not a folder'
          : (code ?? 'error');
  };
  let exists = true;
  try {
    if (!statSync(path).isDirectory()) throw new UsageError(`--out-dir: ${path} exists and is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new UsageError(`--out-dir: cannot use ${path} (${why(error)})`);
    exists = false;
  }
  if (!exists) {
    try {
      makeFolders(resolve(path));
    } catch (error) {
      throw new UsageError(`--out-dir: cannot create ${path} (${why(error)})`);
    }
  }
  const probe = join(path, `.scim-conformance-write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new UsageError(`--out-dir: cannot write into ${path} (${why(error)})`);
  }
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir loops forever where mkdir answers ENOENT for a parent that
 * exists (under /proc, measured on Node 20), which would hang the CLI before its one-line error.
 */
function makeFolders(path: string): void {
  const missing: string[] = [];
  let at = path;
  for (;;) {
    try {
      statSync(at);
      break;
    } catch {
      missing.push(at);
      const parent = dirname(at);
      if (parent === at) break;
      at = parent;
    }
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}
