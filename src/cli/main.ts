/**
 * The bin entry: the only module that touches process.argv, the streams and the exit code. Every expected
 * error is one line on stderr with its documented exit code; an unexpected one also, with a hint to report it.
 */
import { randomBytes } from 'node:crypto';
import { shouldUseColor } from '../../reporters/shared/color.js';
import { renderVerdictJson } from '../../reporters/verdict-json.js';
import type { RunResult } from '../model/result.js';
import { makeRedactor, type Redactor } from '../client/redact.js';
import { packageVersion } from '../model/package-root.js';
import { KnownError } from '../model/errors.js';
import { ExitCode, exitCodeForError, exitCodeForRun } from './exit-codes.js';
import { cleanupHelp, runHelp, serveHelp } from './help.js';
import { parseCommand } from './parse-args.js';
import { profileHelp } from './parse-profile.js';

/**
 * `releaseEarlySignals` (from bin/): removes the listeners that kept signals which arrived while the CLI loaded,
 * and returns them; the run takes over with its own (withInterrupt), any other command exits on them.
 */
export type ReleaseEarlySignals = () => string[];

export async function main(argv: string[], releaseEarlySignals: ReleaseEarlySignals = () => []): Promise<void> {
  // Everything written to stdout and stderr is redacted here, where it leaves the process (src/client/redact.ts):
  // one-line errors quote URLs and answers of the target, which hold raw data since the client records it as is.
  let redactor: Redactor = makeRedactor(undefined);
  const out = (text: string) => process.stdout.write(redactor.text(text));
  const err = (text: string) => process.stderr.write(redactor.text(text));
  const onToken = (token: string | undefined) => {
    redactor = makeRedactor(token);
  };
  let code: ExitCode;
  try {
    code = await dispatch(argv, out, err, onToken, releaseEarlySignals);
  } catch (error) {
    if (error instanceof KnownError) {
      err(`scim-conformance: ${error.message}\n`);
      code = exitCodeForError(error);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      err(
        `scim-conformance: internal error: ${message.split('\n')[0]} (please report it; run with DEBUG=scim-conformance for the stack)\n`,
      );
      if (process.env.DEBUG?.includes('scim-conformance') && error instanceof Error) err(`${error.stack}\n`);
      code = ExitCode.Internal;
    }
  }
  process.exitCode = code;
  if (code !== ExitCode.Pass) setTimeout(() => process.exit(code), 200).unref();
}

async function dispatch(
  argv: string[],
  out: (t: string) => void,
  err: (t: string) => void,
  onToken: (token: string | undefined) => void,
  releaseEarlySignals: ReleaseEarlySignals,
): Promise<ExitCode> {
  let command: ReturnType<typeof parseCommand>;
  try {
    command = parseCommand(argv, process.env);
  } catch (error) {
    exitOnEarlySignal(releaseEarlySignals());
    throw error;
  }
  // A run installs its own handlers first, then takes the early ones' signals; every other command lets go now.
  if (command.kind !== 'run') exitOnEarlySignal(releaseEarlySignals());
  if (command.kind === 'run' || command.kind === 'cleanup' || command.kind === 'profile')
    onToken(command.options.token);
  switch (command.kind) {
    case 'help':
      out(
        command.topic === 'serve'
          ? serveHelp()
          : command.topic === 'cleanup'
            ? cleanupHelp()
            : command.topic === 'profile'
              ? profileHelp()
              : runHelp(packageVersion()),
      );
      return ExitCode.Pass;
    case 'version':
      out(`${packageVersion()}\n`);
      return ExitCode.Pass;
    case 'serve':
      return serve(command, out);
    case 'run': {
      for (const warning of command.warnings) err(`scim-conformance: warning: ${warning}\n`);
      // --json: stdout carries the one verdict line and nothing else; the console goes to stderr.
      const json = command.options.json ? jsonVerdict(out) : undefined;
      const color = shouldUseColor(process.env, Boolean((json ? process.stderr : process.stdout).isTTY));
      // Loaded on demand: vitest and the reference server are not needed for --help, --version or a usage error.
      // The handlers come first, so that a signal while the run loads stops it like one a minute later.
      const run = withInterrupt(err, releaseEarlySignals, async (signal) => {
        const { conformanceRun } = await import('../runner/conformance-run.js');
        return exitCodeForRun(
          await conformanceRun(command.options, {
            out: json ? err : out,
            err,
            color,
            signal,
            env: process.env,
            ...(json ? { onResult: json.onResult } : {}),
          }),
        );
      });
      return json ? json.settle(run) : run;
    }
    case 'cleanup': {
      for (const warning of command.warnings) err(`scim-conformance: warning: ${warning}\n`);
      const { cleanupCommand } = await import('./commands/cleanup.js');
      return cleanupCommand(command.options, { out, err });
    }
    case 'profile': {
      for (const warning of command.warnings) err(`scim-conformance: warning: ${warning}\n`);
      const { profileCommand } = await import('./commands/profile.js');
      return profileCommand(command.options, { out, err });
    }
    case 'explain': {
      const { explainCommand } = await import('./explain.js');
      return explainCommand(command.argv, {
        out,
        env: process.env,
        isTTY: Boolean(process.stdout.isTTY),
        columns: process.stdout.columns,
      });
    }
  }
}

async function serve(
  command: Extract<ReturnType<typeof parseCommand>, { kind: 'serve' }>,
  out: (t: string) => void,
): Promise<ExitCode> {
  const [{ loadProfile }, { resourceTypesFor }, { createScimServer }] = await Promise.all([
    import('../profiles/load.js'),
    import('../server/profile-schemas.js'),
    import('../server/app.js'),
  ]);
  const profile = loadProfile(command.profile);
  const token = command.token ?? randomBytes(24).toString('base64url');
  const server = createScimServer({ token, basePath: command.basePath, resourceTypes: resourceTypesFor(profile) });
  const { url } = await server.listen(command.port, command.host);
  out(`reference SCIM server (profile ${profile.name}) listening on ${url}\n`);
  if (!command.token) out(`token: ${token}\n`);
  out('press Ctrl-C to stop\n');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return ExitCode.Pass;
}

/**
 * --json: keeps the published result, then prints the verdict line with the exit code the run ends with (also a run
 * that stops with exit 3 at the preflight, which has a result). A run that ends without a result (bad usage, internal
 * error) prints nothing on stdout.
 */
function jsonVerdict(out: (text: string) => void) {
  let finished: { result: RunResult; reports: string[] } | undefined;
  const print = (code: ExitCode) => {
    if (finished) out(renderVerdictJson(finished.result, finished.reports, code));
  };
  return {
    onResult: (result: RunResult, reports: string[]) => {
      finished = { result, reports };
    },
    settle: async (run: Promise<ExitCode>): Promise<ExitCode> => {
      try {
        const code = await run;
        print(code);
        return code;
      } catch (error) {
        if (error instanceof KnownError) print(exitCodeForError(error));
        throw error;
      }
    },
  };
}

/**
 * Ctrl-C / SIGTERM during a run: the first one aborts `signal` (the run stops vitest, deletes what it created,
 * writes the reports marked interrupted and exits 130 / 143); a second one exits at once, without cleanup.
 */
async function withInterrupt(
  err: (t: string) => void,
  releaseEarlySignals: ReleaseEarlySignals,
  run: (signal: AbortSignal) => Promise<ExitCode>,
): Promise<ExitCode> {
  const controller = new AbortController();
  const handler = (name: 'SIGINT' | 'SIGTERM') => () => {
    const code = name === 'SIGINT' ? ExitCode.Interrupted : ExitCode.Terminated;
    if (controller.signal.aborted) {
      err(
        `scim-conformance: ${name} again: stopping now, without cleanup; remove what the run left with: scim-conformance cleanup --url URL\n`,
      );
      process.exit(code);
    }
    err(
      `scim-conformance: ${name}: stopping the run; deleting what it created and writing the reports (${name === 'SIGINT' ? 'Ctrl-C' : 'signal'} again to stop at once)\n`,
    );
    controller.abort(name);
  };
  const onInt = handler('SIGINT');
  const onTerm = handler('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const early = releaseEarlySignals()[0];
  if (early === 'SIGINT') onInt();
  else if (early === 'SIGTERM') onTerm();
  try {
    return await run(controller.signal);
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}

/** A signal that arrived before a command other than a run started: exit as Node would have (130 / 143). */
function exitOnEarlySignal(pending: string[]): void {
  if (pending.length > 0) process.exit(pending[0] === 'SIGTERM' ? ExitCode.Terminated : ExitCode.Interrupted);
}
