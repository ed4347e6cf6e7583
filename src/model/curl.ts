/**
 * A copy-pasteable curl command that replays one recorded request, for the person fixing their server.
 * The token is never in it: the Authorization header becomes `Bearer $SCIM_TOKEN` in double quotes, so the
 * reader's shell supplies the token from their environment. Every other word is single-quoted, which in
 * POSIX shells (bash, zsh, sh) turns off all expansion; a single quote inside is written as '\''.
 */
import type { Exchange } from './exchange.js';

/** Quote one shell word so that it reaches curl byte for byte. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Headers left out of the replay. curl computes Content-Length and Host itself (a stale value would break
 * the request); hop-by-hop headers mean nothing outside the original connection; Accept-Encoding would make
 * curl print compressed bytes. Credential-bearing headers other than Authorization are dropped rather than
 * risk printing a secret the recorder did not know to redact.
 */
const OMITTED_HEADERS = new Set([
  'authorization',
  'content-length',
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'accept-encoding',
  'cookie',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-auth-token',
]);

/**
 * The curl command for an exchange's request, on one line unless the body itself has line breaks.
 * `--globoff` keeps curl from reading `[` `]` `{` `}` in SCIM filters (`emails[type eq "work"]`) as URL
 * globs; `--data-raw` keeps a body that starts with `@` from being read as a file name.
 */
export function toCurl(exchange: Exchange): string {
  return ['curl', '-i', ...curlArgs(exchange.request, shellQuote)].join(' ');
}

/**
 * The curl arguments (after `curl` and its output options) that replay a request; `word` quotes the method, URL,
 * header and body words, so that a script can splice shell variables into them (src/runner/reproduce.ts).
 */
export function curlArgs(request: Exchange['request'], word: (text: string) => string): string[] {
  const parts = ['--globoff', '-X', word(request.method.toUpperCase()), word(request.url)];
  const headers = Object.entries(request.headers);
  // Only a request that carried credentials gets them back: an auth test that sent none must replay without.
  if (headers.some(([name]) => name.toLowerCase() === 'authorization')) {
    parts.push('-H', '"Authorization: Bearer $SCIM_TOKEN"');
  }
  const hasBody = request.body !== undefined && request.body !== '';
  let sawContentType = false;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (OMITTED_HEADERS.has(lower)) continue;
    if (lower === 'content-type') sawContentType = true;
    parts.push('-H', word(`${name}: ${value}`));
  }
  if (hasBody) {
    // Without a Content-Type curl would send application/x-www-form-urlencoded, which SCIM servers reject.
    if (!sawContentType) parts.push('-H', word('Content-Type: application/scim+json'));
    parts.push('--data-raw', word(request.body ?? ''));
  }
  return parts;
}
