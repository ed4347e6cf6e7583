import type { Check } from './check.js';
import { bodyObject, show } from './check.js';

/**
 * A SCIM resource as Entra links it: a non-empty string `id`, a `schemas` array with the core URN, and `meta`
 * with `resourceType` (RFC 7643 §3.1). Entra caches `id` and uses it for every later call (catalog U-03, U-06).
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-3.1
 */
export function scimResource(coreUrn: string, resourceType: 'User' | 'Group'): Check {
  return (response) => {
    const { body, failure } = bodyObject(response);
    if (failure) return failure;
    const b = body!;
    if (typeof b.id !== 'string' || b.id === '')
      return { message: `the resource has no id (got ${show(b.id)}); Entra cannot link to it`, expected: 'a non-empty string id', actual: show(b.id) };
    if (!Array.isArray(b.schemas) || !b.schemas.includes(coreUrn))
      return { message: `schemas must list ${coreUrn}, got ${show(b.schemas)}`, expected: `["${coreUrn}", ...]`, actual: show(b.schemas) };
    const meta = b.meta as Record<string, unknown> | undefined;
    if (!meta || typeof meta !== 'object')
      return { message: 'the resource has no meta', expected: 'meta with resourceType, created, lastModified, location', actual: 'no meta' };
    if (meta.resourceType !== resourceType)
      return { message: `meta.resourceType is ${show(meta.resourceType)}, expected "${resourceType}"`, expected: resourceType, actual: show(meta.resourceType) };
    return undefined;
  };
}
