import type { Check } from './check.js';
import { bodyObject, show } from './check.js';

/**
 * A resource as Entra needs it: a JSON object with a non-empty string `id`, which Entra caches and uses for every
 * later call (catalog U-06, U-03). Nothing else: `schemas`, `meta` and JSON Schema validity are judged in their own
 * behaviours' tests (resourceMeta, matchesSchema), so that one difference in them is one row (catalog §0.1).
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-3.1
 */
export function resourceWithId(): Check {
  return (response) => {
    const { body, failure } = bodyObject(response);
    if (failure) return failure;
    const id = body.id;
    if (typeof id !== 'string' || id === '')
      return {
        message: `the resource has no id (got ${show(id)}); Entra caches the id and cannot link to the object without it`,
        expected: 'a non-empty string id',
        actual: show(id),
      };
    return undefined;
  };
}
