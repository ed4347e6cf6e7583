/**
 * Exit codes, documented in the README. One place decides them: the engine throws typed errors (src/model/errors.ts)
 * and returns results; this file alone turns either into a number.
 */
import type { ErrorKind, KnownError } from '../model/errors.js';
import type { RunOutcome } from '../runner/conformance-run.js';

export const ExitCode = {
  /** Nothing blocks: no failure at or above --fail-on (warnings and skipped tests do not count against a run). */
  Pass: 0,
  /** At least one blocking failure, or an error outside the tests. */
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
 * 1 when a test blocks (status `failed`: its level is at or above --fail-on and it is not a known failure of the
 * --baseline run, see src/runner/grade.ts) or when the run had errors outside the tests (a suite that did not load,
 * the breaker opened). Warnings and skipped tests, `inconclusive: …` ones included, never make it 1.
 */
export function exitCodeFor(result: { tests: ReadonlyArray<{ status: string }>; errors: readonly string[] }): ExitCode {
  if (result.errors.length > 0) return ExitCode.Fail;
  return result.tests.some((test) => test.status === 'failed') ? ExitCode.Fail : ExitCode.Pass;
}

const EXIT_FOR_KIND = {
  usage: ExitCode.Usage,
  target: ExitCode.Target,
  internal: ExitCode.Internal,
} as const satisfies Record<ErrorKind, ExitCode>;

/** The exit code of an expected error: 2 bad usage, 3 target unusable, 4 the tool is broken. */
export function exitCodeForError(error: KnownError): ExitCode {
  return EXIT_FOR_KIND[error.kind];
}

/** The exit code of a run: --list fails only when a suite did not load; an interrupted run exits 130 / 143. */
export function exitCodeForRun(outcome: RunOutcome): ExitCode {
  if (outcome.kind === 'listed') return outcome.errors.length ? ExitCode.Fail : ExitCode.Pass;
  const { interrupted } = outcome.result;
  if (interrupted) return interrupted.signal === 'SIGINT' ? ExitCode.Interrupted : ExitCode.Terminated;
  return exitCodeFor(outcome.result);
}
