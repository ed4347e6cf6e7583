/**
 * The result model: built once from vitest's collected tasks after a run, consumed by every reporter.
 * Versioned: results.json is this object (see schemas/results.schema.json and the README).
 */
import type { Exchange } from './exchange.js';
import type { Level, Mode } from '../catalog/types.js';

/**
 * 2: `status` gained `warning` (a failed judgement that does not block) and `failed` now means blocking; `verdict`,
 * `failOn`, `required` and `summary.warnings` were added. --baseline still reads version 1 files.
 */
export const RESULT_SCHEMA_VERSION = 2;

/**
 * - passed: the behaviour works.
 * - failed: a judgement that blocks the run (its level is at or above --fail-on, and it is not a known failure of
 *   the --baseline run); the exit code is 1.
 * - warning: a judgement that failed below the blocking threshold, or a known failure of the baseline run.
 * - skipped: not judged (the app does not offer the feature, the run was interrupted, or `inconclusive: …`).
 */
export type TestStatus = 'passed' | 'failed' | 'warning' | 'skipped';

/**
 * Why a skipped test was not judged, as data (`skipReason` says it in words):
 * - unsupported: the app does not offer what the test needs (the profile says so, or the target's answers do):
 *   the only settled skip;
 * - inconclusive: the test could not come to a judgement (e.g. its example data was refused);
 * - target-stopped: the run-wide breaker opened (the target stopped answering, or kept answering 429);
 * - not-sent: a request of the test was not sent (refused before sending);
 * - interrupted: Ctrl-C / SIGTERM came before the test ran; not-finished: while it ran;
 * - not-run: vitest did not run it, for another reason.
 */
export type SkipCode =
  'unsupported' | 'inconclusive' | 'target-stopped' | 'not-sent' | 'interrupted' | 'not-finished' | 'not-run';

export interface SkipCause {
  code: SkipCode;
  /** The cause in one line, without the "not run: " that skipReason puts before it. */
  text: string;
}

/** Which failed levels block the run (--fail-on): see src/runner/grade.ts. */
export type FailOn = 'required' | 'gallery' | 'all';

/**
 * The run in one word (src/runner/verdict.ts defines each precisely):
 * ready · not-ready · partial (required behaviours were left out) · interrupted · inconclusive (could not be judged).
 */
export type VerdictKind = 'ready' | 'not-ready' | 'partial' | 'interrupted' | 'inconclusive';

/** A judgement that did not hold, written for the person who must fix their server. */
export interface Failure {
  /** One line: what was sent, what came back, what was expected. */
  message: string;
  expected?: string;
  actual?: string;
  /** What Entra would do about it (from the catalog, or the check). */
  entra?: string;
  /** How to fix it, when the check knows. */
  hint?: string;
  /** Index (0-based) into the test's exchanges of the exchange that showed the failure, if any. */
  exchange?: number;
  /** Set when the failure is not a conformance judgement but an error of the run (transport, tool). */
  kind: 'conformance' | 'transport' | 'error';
}

export interface ResourceRef {
  type: 'User' | 'Group';
  id: string;
  /** userName or displayName, for the report. */
  name?: string;
}

export interface TestResult {
  /** Catalog id, e.g. "U-14". */
  behaviour: string;
  /** Full test name as shown everywhere: "U-14 Disable user: default mode (string "False")". */
  name: string;
  /** Suite area, from the suite file name (users, groups, discovery, ...). */
  area: string;
  /** Suite file, relative to the package root. */
  file: string;
  level: Level;
  mode: Mode;
  spec: string[];
  tags: string[];
  status: TestStatus;
  skipReason?: string;
  /** With status skipped: the cause as data (runner, verdict and reports read this, never the words). */
  skip?: SkipCause;
  durationMs: number;
  failure?: Failure;
  exchanges: Exchange[];
  /** Requests this test sent: its exchanges, the passing cases of a property (not kept) and its cleanup. */
  requests?: number;
  /** With --baseline, on failed and warning tests: whether this failure is new or already failed in the baseline run. */
  baseline?: 'new' | 'known';
  /** On failed and warning tests: how to reproduce the failure after the run (src/runner/reproduce.ts). */
  reproduce?: Reproduction;
}

export interface Reproduction {
  /** Reruns this one test with the same data: `scim-conformance --url … --grep '^<name>$' --seed N`. */
  rerun: string;
  /** A bash script of the test's own requests in order (ids of created resources carried over), then cleanup DELETEs. */
  script?: string;
}

export interface CleanupReport {
  created: ResourceRef[];
  deleted: ResourceRef[];
  /** Created by this run and still present on the target after cleanup. */
  leftBehind: Array<ResourceRef & { reason: string }>;
  /**
   * Problems of the tests' own cleanup, one line each (a DELETE that failed or answered an error): the final cleanup
   * tried those resources again, and `leftBehind` says what is still there. Absent when there were none.
   */
  errors?: string[];
}

export interface RunSummary {
  total: number;
  passed: number;
  /** Blocking failures (status failed). */
  failed: number;
  /** Failed judgements that do not block (status warning). */
  warnings: number;
  skipped: number;
  /** HTTP requests sent to the target (including cleanup). */
  requests: number;
  /** 429 Too Many Requests answers met (each retried after Retry-After; the run slowed its pace). */
  throttled: number;
  /** Effective requests per second: requests ÷ seconds from the first request sent to the last answer. */
  rate: number;
}

export interface RunResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  verdict: VerdictKind;
  /** The --fail-on threshold the statuses were graded with. */
  failOn: FailOn;
  /**
   * Required behaviours (distinct ids of required-level tests): `total` is what a full run of this profile declares,
   * `checked` how many of them this run settled (judged, or skipped because the app does not offer the feature).
   * `unchecked` lists the others, sorted.
   */
  required: { checked: number; total: number; unchecked: string[] };
  tool: { name: string; version: string };
  runId: string;
  seed: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  target: { url: string; demo: boolean };
  profile: { name: string; title: string; mode: 'default' | 'flag' };
  summary: RunSummary;
  tests: TestResult[];
  cleanup: CleanupReport;
  /** Errors outside any test (a suite that failed to load, an unhandled rejection), one line each. */
  errors: string[];
  /** With --baseline: how this run compares with the baseline run. */
  baseline?: { file: string; newFailures: number; knownFailures: number; fixed: string[] };
  /** Set when Ctrl-C or SIGTERM stopped the run: the tests that had not finished are skipped. */
  interrupted?: { signal: 'SIGINT' | 'SIGTERM'; at: string };
  /** --read-only: only the tests tagged read-only ran, and no POST/PUT/PATCH/DELETE was sent. */
  readOnly?: boolean;
}
