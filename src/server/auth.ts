/**
 * Bearer-token check for every endpoint (catalog D-03, D-04; RFC 6750 §2.1, §3).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ScimError } from '../scim/errors.js';
import { errorResponse } from './http-io.js';
import type { FaultResponse } from './faults.js';

const REALM = 'scim-conformance';

/**
 * Compares in constant time. Both sides are hashed first so that the comparison takes the same time
 * whatever the lengths, and timingSafeEqual never sees buffers of different sizes.
 */
function sameToken(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/**
 * Returns undefined when the request is authorised, otherwise the 401 response to send.
 * The scheme name is case-insensitive (RFC 9110 §11.1); a missing header, another scheme or an empty token
 * gets the bare challenge, a wrong token gets `error="invalid_token"` (RFC 6750 §3).
 */
export function checkBearer(authorization: string | string[] | undefined, token: string): FaultResponse | undefined {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const match = /^\s*bearer\s+(\S.*?)\s*$/i.exec(header ?? '');
  if (!match) {
    return errorResponse(
      new ScimError(401, undefined, 'Authentication required: send "Authorization: Bearer <token>".'),
      { 'WWW-Authenticate': `Bearer realm="${REALM}"` },
    );
  }
  // The group always takes part in a match; an empty string is never the token.
  if (!sameToken(match[1] ?? '', token)) {
    return errorResponse(new ScimError(401, undefined, 'The bearer token is not valid for this server.'), {
      'WWW-Authenticate': `Bearer realm="${REALM}", error="invalid_token"`,
    });
  }
  return undefined;
}
