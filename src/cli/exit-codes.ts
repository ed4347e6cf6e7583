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
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function exitCodeFor(summary: { failed: number }, errors: string[] = []): ExitCode {
  return summary.failed > 0 || errors.length > 0 ? ExitCode.Fail : ExitCode.Pass;
}
