/**
 * /Groups and /Groups/{id}. A successful PATCH answers 204 No Content: Microsoft recommends it for member
 * changes and advises against returning the member list (catalog G-07, G-20, P-14). A client that asks for
 * `attributes` still gets 200 with the resource (RFC 7644 §3.5.2).
 */
import type { ResourceTypeDefinition } from '../../scim/schema-types.js';
import { resourceTypeRoutes } from './resources.js';
import type { Route } from './types.js';

export function groupRoutes(rt: ResourceTypeDefinition): Route[] {
  return resourceTypeRoutes(rt, 'no-content');
}
