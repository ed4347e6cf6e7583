/**
 * Where the bearer token comes from, for every command that talks to a target (run, cleanup): --token (works,
 * with a warning), --token-file, or SCIM_TOKEN. One place validates it.
 */
import { UsageError } from '../model/errors.js';
import { readSmallFile } from './files.js';

export type TokenSource = 'flag' | 'file' | 'env';

export function resolveToken(
  values: { token?: string; 'token-file'?: string },
  env: Record<string, string | undefined>,
  warnings: string[],
): { token?: string; tokenSource?: TokenSource } {
  if (values.token !== undefined && values['token-file'] !== undefined)
    throw new UsageError('give the token once: --token or --token-file, not both');
  let token: string | undefined;
  let tokenSource: TokenSource | undefined;
  if (values.token !== undefined) {
    token = values.token;
    tokenSource = 'flag';
    warnings.push(
      'a token on the command line can leak into shell history and CI logs; prefer SCIM_TOKEN or --token-file',
    );
  } else if (values['token-file'] !== undefined) {
    token = readSmallFile(values['token-file'], '--token-file').trim();
    tokenSource = 'file';
  } else if (env.SCIM_TOKEN) {
    token = env.SCIM_TOKEN.trim();
    tokenSource = 'env';
  }
  if (token !== undefined) {
    if (token === '')
      throw new UsageError(
        tokenSource === 'file' ? `--token-file: ${values['token-file']} is empty` : 'the token is empty',
      );
    if (/^bearer\s/i.test(token))
      throw new UsageError('give the bare token without the "Bearer " prefix (Entra adds it itself, catalog D-03)');
    if (/[\r\n]/.test(token)) throw new UsageError('the token contains a line break');
    // An HTTP header carries visible ASCII only (RFC 9110 §5.5; RFC 6750 b64token): anything else could never be sent.
    const bad = [...token].findIndex((c) => c < ' ' || c > '~');
    if (bad >= 0)
      throw new UsageError(
        `the token has a character that cannot be sent in an HTTP header (not printable ASCII) at position ${bad + 1}`,
      );
  }
  return { ...(token !== undefined ? { token } : {}), ...(tokenSource ? { tokenSource } : {}) };
}
