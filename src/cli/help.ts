/** --help text, generated from the flag table so that it never drifts from what the parser accepts. */
import { ExitCode } from './exit-codes.js';
import { RUN_FLAGS, type FlagSpec } from './options.js';
import { CLEANUP_FLAGS } from './parse-cleanup.js';

export function runHelp(version: string): string {
  const rows = Object.entries(RUN_FLAGS as Record<string, FlagSpec>).map(([name, spec]) => {
    const left = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return `  ${left.padEnd(30)} ${spec.help}`;
  });
  return [
    `scim-conformance ${version}: will your SCIM 2.0 endpoint survive Microsoft Entra ID provisioning?`,
    '',
    'Usage:',
    '  scim-conformance --url https://app.example.com/scim/v2   (token from SCIM_TOKEN or --token-file)',
    '  scim-conformance --demo                                  (against the bundled reference server)',
    '  scim-conformance serve [--port N] [--token T]            (run the reference server)',
    '  scim-conformance cleanup --url URL [--run-id ID]         (delete what an interrupted run left)',
    '  scim-conformance profile --url URL > my-app.json         (derive a profile from /Schemas to edit)',
    '  scim-conformance explain U-14                            (what a behaviour id means; no id lists them all)',
    '',
    'Options:',
    ...rows,
    '',
    'Environment:',
    '  SCIM_TOKEN                     Bearer token (preferred over --token)',
    '  NO_COLOR / FORCE_COLOR         Turn console colours off / on',
    '',
    'Exit codes:',
    `  ${ExitCode.Pass}  nothing blocks (warnings and skips allowed)   ${ExitCode.Fail}  a failure at or above --fail-on, or a run error`,
    `  ${ExitCode.Usage}  bad usage or input         ${ExitCode.Target}  target unreachable, TLS failure or token rejected`,
    `  ${ExitCode.Internal}  internal error`,
    `  ${ExitCode.Interrupted}  interrupted by Ctrl-C   ${ExitCode.Terminated}  stopped by SIGTERM (both clean up and write the reports)`,
    '',
  ].join('\n');
}

export function cleanupHelp(): string {
  const rows = Object.entries(CLEANUP_FLAGS as Record<string, FlagSpec>).map(([name, spec]) => {
    const left = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return `  ${left.padEnd(30)} ${spec.help}`;
  });
  return [
    'scim-conformance cleanup: delete the users and groups an interrupted run left on a target',
    '',
    'Usage: scim-conformance cleanup --url https://app.example.com/scim/v2 [--run-id ID] [--dry-run]',
    '',
    'Deletes only users whose userName, and groups whose displayName, starts with the run marker',
    '"scimc-<run id>" (any run id unless --run-id is given); never anything else. Groups go first.',
    '',
    'Options:',
    ...rows,
    '',
    `Exit codes: ${ExitCode.Pass} done (or nothing to do), ${ExitCode.Fail} something could not be deleted, ${ExitCode.Usage} bad usage, ${ExitCode.Target} target unusable`,
    '',
  ].join('\n');
}

export function serveHelp(): string {
  return [
    'scim-conformance serve: run the bundled reference SCIM server',
    '',
    'Usage: scim-conformance serve [--port 8080] [--host 127.0.0.1] [--token T] [--base-path /scim/v2] [--profile NAME]',
    '',
    '  --port N         Port to listen on (0 picks a free one; default 8080)',
    '  --host HOST      Interface to bind (default 127.0.0.1)',
    '  --token T        Bearer token clients must send (default: SCIM_TOKEN, else a random one that is printed)',
    '  --base-path P    Path prefix of the SCIM endpoints (default /scim/v2)',
    '  --profile NAME   Serve the schemas of a built-in profile or profile file (default entra-default)',
    '',
  ].join('\n');
}
