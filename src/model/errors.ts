/**
 * Errors the tool expects, thrown by every floor (profiles, runner, cli) as typed values: the message is one line
 * for the user, `kind` says what went wrong. Only src/cli decides what a kind means for the exit code
 * (exitCodeForError in the CLI's exit-codes.ts) and prints it.
 */
export type ErrorKind =
  /** Bad input: a flag, a value, a file (token, --ca, --profile, --baseline, --out-dir). */
  | 'usage'
  /** The target cannot be used: unreachable, TLS failure, redirect, or the token rejected. */
  | 'target'
  /** The tool itself is broken (e.g. dist/ older than the suites). */
  | 'internal';

export class KnownError extends Error {
  constructor(
    message: string,
    readonly kind: ErrorKind,
  ) {
    super(message);
    this.name = 'KnownError';
  }
}

export class UsageError extends KnownError {
  constructor(message: string) {
    super(message, 'usage');
  }
}

export class TargetError extends KnownError {
  constructor(message: string) {
    super(message, 'target');
  }
}
