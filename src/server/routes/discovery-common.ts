/**
 * Shared by the discovery endpoints (RFC 7644 §4): they are plain lists, not queryable.
 */
import { ScimError } from '../../scim/errors.js';
import type { RouteContext } from './types.js';

/** RFC 7644 §4: a filter on a discovery endpoint SHOULD be answered 403. */
export function refuseFilter(ctx: RouteContext): void {
  for (const name of ctx.req.query.keys()) {
    if (name.toLowerCase() === 'filter') {
      throw new ScimError(403, undefined, 'Filtering is not supported on discovery endpoints (RFC 7644 §4).');
    }
  }
}
