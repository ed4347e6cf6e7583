/**
 * Turns a stored resource into what a client sees: meta.location for the URL the client used
 * (RFC 7643 §3.1), then the attribute projection of the request (RFC 7644 §3.4.2.5).
 */
import type { JsonObject, ResourceTypeDefinition } from '../scim/schema-types.js';
import { project, type Projection } from './projection.js';
import { isObject } from './resource-input.js';
import type { SchemaIndex } from './schema-index.js';

export function locationOf(baseUrl: string, rt: ResourceTypeDefinition, id: string): string {
  return `${baseUrl}${rt.endpoint}/${encodeURIComponent(id)}`;
}

/** The weak ETag of a stored resource (RFC 7644 §3.14), equal to meta.version. */
export function etagOf(resource: JsonObject): string {
  const meta = resource.meta;
  return isObject(meta) && typeof meta.version === 'string' ? meta.version : '';
}

export function renderResource(
  resource: JsonObject,
  rt: ResourceTypeDefinition,
  index: SchemaIndex,
  baseUrl: string,
  projection: Projection = {},
): JsonObject {
  const meta = isObject(resource.meta) ? resource.meta : {};
  const withLocation: JsonObject = {
    ...resource,
    meta: { ...meta, location: locationOf(baseUrl, rt, String(resource.id)) },
  };
  return project(withLocation, index, projection);
}
