/**
 * --baseline old-results.json: the failures of an earlier run are known. A known failure is reported as a warning
 * with `baseline: 'known'` and never blocks (src/runner/grade.ts), so a vendor can adopt the suite before fixing
 * everything; a new failure blocks as its level says. Tests are matched by name (behaviour id + title), which is
 * stable across runs. Reads results.json of schemaVersion 1 (statuses passed|failed|skipped) and 2 (with warning).
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../model/errors.js';
import type { RunResult } from '../model/result.js';

export interface Baseline {
  file: string;
  /** Tests whose judgement failed in the baseline run, blocking or not. */
  failed: Set<string>;
}

const READABLE_VERSIONS: readonly unknown[] = [1, 2];

export function loadBaseline(file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--baseline: cannot read ${file}${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ` (not JSON: ${(error as Error).message.split('\n')[0]})`}`,
    );
  }
  const result = data as { schemaVersion?: unknown; tests?: unknown };
  if (!READABLE_VERSIONS.includes(result?.schemaVersion) || !Array.isArray(result.tests))
    throw new UsageError(
      `--baseline: ${file} is not a results.json written by scim-conformance (schemaVersion 1 or 2 with tests)`,
    );
  const tests = result.tests as Array<{ status?: unknown; name?: unknown } | null>;
  const failed = tests.filter((t) => t?.status === 'failed' || t?.status === 'warning').map((t) => String(t!.name));
  return { file, failed: new Set(failed) };
}

/** The comparison with the baseline run, from tests already graded against it. */
export function baselineSummary(tests: RunResult['tests'], baseline: Baseline): NonNullable<RunResult['baseline']> {
  const passedNow = new Set(tests.filter((t) => t.status === 'passed').map((t) => t.name));
  return {
    file: baseline.file,
    newFailures: tests.filter((t) => t.baseline === 'new').length,
    knownFailures: tests.filter((t) => t.baseline === 'known').length,
    fixed: [...baseline.failed].filter((name) => passedNow.has(name)).sort(),
  };
}
