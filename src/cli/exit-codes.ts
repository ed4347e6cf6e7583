/**
 * Exit codes, documented in the README. One place decides them.
 */
export const ExitCode = {
  /** Every test passed (skipped tests do not count against a run). */
  Pass: 0,
  /** At least one test failed. */
  Fail: 1,
  /** Bad usage: an unknown flag, a bad value, a missing token, an unreadable profile. */
  Usage: 2,
  /** The target could not be used: unreachable, TLS failure, or the token was rejected. */
  Target: 3,
  /** An unexpected error inside the tool (please report it). */
  Internal: 4,
  /** Interrupted by Ctrl-C (SIGINT, 128 + 2): what was created so far was deleted and the reports are written. */
  Interrupted: 130,
  /** Stopped by SIGTERM (128 + 15), with the same cleanup and reports as Ctrl-C. */
  Terminated: 143,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * 1 when a test failed or a suite could not load; with `failOn: 'new'` only failures that are not in the
 * baseline count (known failures are reported but do not fail the run).
 */
export function exitCodeFor(
  result: { summary: { failed: number }; errors: string[]; baseline?: { newFailures: number } },
  failOn: 'any' | 'new' = 'any',
): ExitCode {
  if (result.errors.length > 0) return ExitCode.Fail;
  const failures = failOn === 'new' && result.baseline ? result.baseline.newFailures : result.summary.failed;
  return failures > 0 ? ExitCode.Fail : ExitCode.Pass;
}
