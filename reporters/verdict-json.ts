/**
 * `--json`: the run as one compact JSON line on stdout, for pipelines (`scim-conformance … --json | jq -r .verdict`);
 * everything else the run prints goes to stderr then. A pure function of the published (redacted) RunResult, the
 * report files written and the exit code; the full detail stays in results.json (`--reporter json`).
 */
import type { FailOn, RunResult, VerdictKind } from '../src/model/result.js';
import { verdictOf } from './shared/summary.js';

export interface VerdictJson {
  /** The version of results.json this line summarises (schemas/results.schema.json). */
  schemaVersion: RunResult['schemaVersion'];
  verdict: VerdictKind;
  /** The process's exit code (README "Exit codes"), the same number the shell sees. */
  exitCode: number;
  /** The sentence every reporter heads with. */
  headline: string;
  failOn: FailOn;
  summary: Pick<RunResult['summary'], 'total' | 'passed' | 'failed' | 'warnings' | 'skipped' | 'requests'>;
  required: { checked: number; total: number };
  /** Behaviour ids with a blocking failure, sorted, each once. */
  failing: string[];
  /** Behaviour ids with a failure that does not block (below --fail-on, or known from --baseline), sorted, each once. */
  warnings: string[];
  /** Errors outside any test, one line each. */
  errors: string[];
  runId: string;
  seed: number;
  target: string;
  /** Absolute paths of the report files written, in --reporter order. */
  reports: string[];
}

export function verdictJson(result: RunResult, reports: readonly string[], exitCode: number): VerdictJson {
  const ids = (status: 'failed' | 'warning') =>
    [...new Set(result.tests.filter((t) => t.status === status).map((t) => t.behaviour))].sort();
  const { total, passed, failed, warnings, skipped, requests } = result.summary;
  return {
    schemaVersion: result.schemaVersion,
    verdict: result.verdict,
    exitCode,
    headline: verdictOf(result).headline,
    failOn: result.failOn,
    summary: { total, passed, failed, warnings, skipped, requests },
    required: { checked: result.required.checked, total: result.required.total },
    failing: ids('failed'),
    warnings: ids('warning'),
    errors: result.errors,
    runId: result.runId,
    seed: result.seed,
    target: result.target.url,
    reports: [...reports],
  };
}

/** The line itself: compact JSON and a newline. */
export function renderVerdictJson(result: RunResult, reports: readonly string[], exitCode: number): string {
  return `${JSON.stringify(verdictJson(result, reports, exitCode))}\n`;
}
