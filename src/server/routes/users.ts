/**
 * /Users and /Users/{id}. A successful PATCH answers 200 with the full resource, as in Microsoft's samples
 * (catalog P-14, U-14: the response shows `"active": false` as a boolean).
 */
import type { ResourceTypeDefinition } from '../../scim/schema-types.js';
import { resourceTypeRoutes } from './resources.js';
import type { Route } from './types.js';

export function userRoutes(rt: ResourceTypeDefinition): Route[] {
  return resourceTypeRoutes(rt, 'resource');
}
