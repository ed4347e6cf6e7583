/** --help text, generated from the flag table so that it never drifts from what the parser accepts. */
import { ExitCode } from './exit-codes.js';
import { RUN_FLAGS, type FlagSpec } from './options.js';

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
    '',
    'Options:',
    ...rows,
    '',
    'Environment:',
    '  SCIM_TOKEN                     Bearer token (preferred over --token)',
    '  NO_COLOR / FORCE_COLOR         Turn console colours off / on',
    '',
    'Exit codes:',
    `  ${ExitCode.Pass}  every test passed          ${ExitCode.Fail}  a test failed`,
    `  ${ExitCode.Usage}  bad usage or input         ${ExitCode.Target}  target unreachable, TLS failure or token rejected`,
    `  ${ExitCode.Internal}  internal error`,
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
