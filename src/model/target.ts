/**
 * The target of a run, as the runner hands it to the suites (vitest provide/inject, typed in task-meta.ts). The
 * token travels in it to the client; recorded exchanges hold it too until results leave the process, where it is
 * redacted (src/client/redact.ts).
 */
export interface TargetConfig {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  maxBodyBytes: number;
  insecure: boolean;
  ca?: string;
  /** Unique marker of this run; every name the suite creates starts with `scimc-<runId>`. */
  runId: string;
  seed: number;
  concurrency: number;
  /** Don't delete what the tests created (for debugging a target). */
  noCleanup: boolean;
  /** --read-only: only tests tagged read-only run, and the client refuses POST/PUT/PATCH/DELETE. */
  readOnly?: boolean;
  /** --num-runs: random cases per property of the properties suite, besides its examples (default {@link DEFAULT_NUM_RUNS}). */
  numRuns?: number;
  /** --rate: most requests per second, run-wide (src/client/limiter.ts); undefined: paced only by 429s. */
  rate?: number;
}

/**
 * Random cases per property when --num-runs is not given (times each property's share, after its hand-picked
 * examples): keeps a full run small enough for a rate-limited tenant (decisions/request-budget.md, third step).
 */
export const DEFAULT_NUM_RUNS = 5;
