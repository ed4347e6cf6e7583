/**
 * --baseline old-results.json: marks each failure as new or known (it failed in the baseline run too), so that
 * with --fail-on new a vendor can adopt the suite before fixing everything. Tests are matched by name (behaviour
 * id + title), which is stable across runs.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../cli/errors.js';
import type { RunResult } from '../model/result.js';

export interface Baseline {
  file: string;
  failed: Set<string>;
}

export function loadBaseline(file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--baseline: cannot read ${file}${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ` (not JSON: ${(error as Error).message.split('\n')[0]})`}`);
  }
  const result = data as Partial<RunResult>;
  if (result?.schemaVersion !== 1 || !Array.isArray(result.tests))
    throw new UsageError(`--baseline: ${file} is not a results.json written by scim-conformance (schemaVersion 1 with tests)`);
  return { file, failed: new Set(result.tests.filter((t) => t?.status === 'failed').map((t) => t.name)) };
}

/** Marks the failures of `result` as new or known and records which baseline failures now pass. */
export function applyBaseline(result: RunResult, baseline: Baseline): void {
  let known = 0;
  for (const test of result.tests) {
    if (test.status !== 'failed') continue;
    test.baseline = baseline.failed.has(test.name) ? 'known' : 'new';
    if (test.baseline === 'known') known++;
  }
  const passedNow = new Set(result.tests.filter((t) => t.status === 'passed').map((t) => t.name));
  result.baseline = {
    file: baseline.file,
    newFailures: result.summary.failed - known,
    knownFailures: known,
    fixed: [...baseline.failed].filter((name) => passedNow.has(name)).sort(),
  };
}
