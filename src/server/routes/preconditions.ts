/**
 * Conditional requests with ETags (RFC 7644 §3.14, RFC 9110 §13.1): If-None-Match on reads gives 304 when
 * the client's copy is current; If-Match on writes gives 412 when it is not. Entra sends neither (catalog
 * D-21); they exist because ServiceProviderConfig advertises etag support.
 */
import { ScimError } from '../../scim/errors.js';
import { header, type RouteContext } from './types.js';

/** Weak comparison: `W/"3"` and `"3"` name the same version (RFC 9110 §8.8.3.2). */
function opaque(tag: string): string {
  return tag.trim().replace(/^W\//i, '');
}

function listMatches(list: string, current: string): boolean {
  return list.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(current));
}

/** True when If-None-Match names the current version, i.e. the read can be answered 304. */
export function notModified(ctx: RouteContext, current: string): boolean {
  const list = header(ctx, 'if-none-match');
  return list !== undefined && listMatches(list, current);
}

/** Throws 412 when If-Match is present and does not name the current version. */
export function assertIfMatch(ctx: RouteContext, current: string): void {
  const list = header(ctx, 'if-match');
  if (list !== undefined && !listMatches(list, current)) {
    throw new ScimError(412, undefined, `Precondition failed: the resource is at version ${current}, not ${list}.`);
  }
}
