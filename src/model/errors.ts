/** Errors the CLI expects and prints as one line, each with its exit code. */
import { ExitCode } from '../cli/exit-codes.js';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.Usage);
  }
}

export class TargetError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.Target);
  }
}
