/**
 * The bin entry: the only module that touches process.argv, the streams and the exit code. Every expected
 * error is one line on stderr with its documented exit code; an unexpected one also, with a hint to report it.
 */
import { randomBytes } from 'node:crypto';
import { shouldUseColor } from '../../reporters/shared/color.js';
import { packageVersion } from '../runner/package-root.js';
import { CliError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { runHelp, serveHelp } from './help.js';
import { parseCommand } from './parse-args.js';

export async function main(argv: string[]): Promise<void> {
  const out = (text: string) => process.stdout.write(text);
  const err = (text: string) => process.stderr.write(text);
  let code: ExitCode;
  try {
    code = await dispatch(argv, out, err);
  } catch (error) {
    if (error instanceof CliError) {
      err(`scim-conformance: ${error.message}\n`);
      code = error.exitCode;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      err(`scim-conformance: internal error: ${message.split('\n')[0]} (please report it; run with DEBUG=scim-conformance for the stack)\n`);
      if (process.env.DEBUG?.includes('scim-conformance') && error instanceof Error) err(`${error.stack}\n`);
      code = ExitCode.Internal;
    }
  }
  process.exitCode = code;
  if (code !== ExitCode.Pass) setTimeout(() => process.exit(code), 200).unref();
}

async function dispatch(argv: string[], out: (t: string) => void, err: (t: string) => void): Promise<ExitCode> {
  const command = parseCommand(argv, process.env);
  switch (command.kind) {
    case 'help':
      out(command.topic === 'serve' ? serveHelp() : runHelp(packageVersion()));
      return ExitCode.Pass;
    case 'version':
      out(`${packageVersion()}\n`);
      return ExitCode.Pass;
    case 'serve':
      return serve(command, out);
    case 'run': {
      for (const warning of command.warnings) err(`scim-conformance: warning: ${warning}\n`);
      const color = shouldUseColor(process.env, Boolean(process.stdout.isTTY));
      // Loaded on demand: vitest and the reference server are not needed for --help, --version or a usage error.
      const { conformanceRun } = await import('../runner/conformance-run.js');
      return conformanceRun(command.options, { out, err, color });
    }
  }
}

async function serve(command: Extract<ReturnType<typeof parseCommand>, { kind: 'serve' }>, out: (t: string) => void): Promise<ExitCode> {
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
