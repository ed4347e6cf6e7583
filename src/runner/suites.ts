/**
 * Which suite files a run uses. A suite is named by its file under suites/ without ".test.ts"
 * (e.g. "users", "groups", "patch/replace"); a folder name selects every file in it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageRoot } from '../model/package-root.js';

export function suiteFiles(): string[] {
  const root = join(packageRoot(), 'suites');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.test.ts')) out.push(full);
    }
  };
  walk(root);
  return out;
}

/**
 * The compiled file vitest runs for a suite: "suites/users/create.test.ts" → "dist/suites/users/create.test.js".
 * Suites are compiled with the rest of the package (`npm run build`) and imported natively by the run's worker,
 * so a run transforms no TypeScript.
 */
export function compiledSuite(file: string): string {
  return join(packageRoot(), 'dist', relative(packageRoot(), file)).replace(/\.test\.ts$/, '.test.js');
}

/**
 * Suite files whose compiled form is missing (a suite added or renamed in a checkout since the last build), so that
 * the CLI can say "run npm run build" before anything is sent, rather than fail them as load errors.
 */
export function uncompiledSuites(files: string[]): string[] {
  return files.filter((file) => !existsSync(compiledSuite(file)));
}

/** "suites/users/create.test.ts" (or its compiled "dist/suites/users/create.test.js") → "users/create". */
export function suiteName(file: string): string {
  const root = packageRoot();
  const inDist = relative(join(root, 'dist', 'suites'), file);
  const path = inDist.startsWith('..') ? relative(join(root, 'suites'), file) : inDist;
  return path
    .split(sep)
    .join('/')
    .replace(/\.test\.[tj]s$/, '');
}

/** Area shown in reports: the first segment of the suite name ("patch/replace" → "patch"). */
export function areaOf(file: string): string {
  return suiteName(file).split('/')[0]!;
}

/**
 * Suites declared after every other suite of the run, in this order (src/runner/suites-entry.ts):
 * - `users/account-discovery`: U-30 walks the whole unfiltered user list, and judges it against its own users; while
 *   other tests create and delete users the offsets shift under the walk and can hide a paging bug (a server that
 *   repeats the last user of each page escaped in a third of full runs, decisions/request-budget.md). It runs with
 *   the others, but its tests start after every other test has started (vitest starts them in the order declared),
 *   and U-30 waits for every earlier suite to end before it walks (src/harness/run-order.ts): its users are created
 *   and disabled beside the others' last tests, and the walk sees only its own users change.
 * - `timing`: its tests judge the whole run (every exchange recorded by the other tests, e.g. D-23's response times).
 *   It starts only when every suite before it has finished ({@link runsLast}).
 */
export const RUN_LAST: readonly string[] = ['users/account-discovery', 'timing'];

/** The suites of {@link RUN_LAST} that start only when every suite before them has finished (non-concurrent). */
const AFTER_THE_OTHERS: readonly string[] = ['timing'];

export function runsLast(file: string): boolean {
  return startsAfterTheOthers(suiteName(file));
}

/** True for a suite (by name) that starts only when every suite declared before it has finished. */
export function startsAfterTheOthers(name: string): boolean {
  return AFTER_THE_OTHERS.includes(name);
}

/** Where a suite is declared: 0 with the others, then 1, 2, … for the suites of {@link RUN_LAST}, in its order. */
export function lastRank(name: string): number {
  return RUN_LAST.indexOf(name) + 1;
}

export function suiteNames(): string[] {
  return suiteFiles().map(suiteName);
}

/** Files for the selected suite names; unknown names are reported by the caller from the returned `unknown`. */
export function selectSuites(names: string[] | undefined): { files: string[]; unknown: string[] } {
  const all = suiteFiles();
  if (!names || names.length === 0) return { files: all, unknown: [] };
  const unknown: string[] = [];
  const files = new Set<string>();
  for (const name of names) {
    const matches = all.filter((file) => {
      const suite = suiteName(file);
      return suite === name || suite.startsWith(`${name}/`) || areaOf(file) === name;
    });
    if (matches.length === 0) unknown.push(name);
    matches.forEach((m) => files.add(m));
  }
  return { files: all.filter((f) => files.has(f)), unknown };
}
