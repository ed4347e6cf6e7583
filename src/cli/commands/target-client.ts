/**
 * The client of the commands that are not a run (`cleanup`, `profile`): the target's URL, token, timeout and TLS
 * options as the flags gave them, two requests at a time, and the preflight that turns an unusable target into a
 * one-line error before anything else is sent.
 */
import { Limiter } from '../../client/limiter.js';
import { ScimClient, type ClientOptions } from '../../client/scim-client.js';
import { preflight } from '../../runner/preflight.js';
import type { TargetOptions } from '../target-command.js';

export async function commandClient(
  flags: TargetOptions,
  extra: Pick<ClientOptions, 'maxBodyBytes'> = {},
): Promise<ScimClient> {
  const client = new ScimClient({
    baseUrl: flags.url,
    token: flags.token,
    timeoutMs: flags.timeout,
    insecure: flags.insecure,
    ...(flags.caPem ? { ca: flags.caPem } : {}),
    ...extra,
    limiter: new Limiter(2),
  });
  await preflight(client);
  return client;
}
