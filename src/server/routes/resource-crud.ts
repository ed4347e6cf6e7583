/**
 * Single-resource handlers shared by every resource type: create (RFC 7644 §3.3), read (§3.4.1), replace
 * (§3.5.1), modify (§3.5.2) and delete (§3.6).
 */
import { ScimError } from '../../scim/errors.js';
import type { JsonObject, ResourceTypeDefinition } from '../../scim/schema-types.js';
import type { FaultResponse } from '../faults.js';
import { applyPatch } from '../engine.js';
import { parseAttributeList, type Projection } from '../projection.js';
import { etagOf, locationOf, renderResource } from '../render.js';
import { normalizeResourceInput, withSchemas } from '../resource-input.js';
import type { SchemaIndex } from '../schema-index.js';
import { notFound } from '../store.js';
import { assertIfMatch, notModified } from './preconditions.js';
import { jsonResponse, param, type RouteContext, type RouteHandler } from './types.js';

/** How a successful PATCH is answered: the resource (200) or nothing (204). Both are allowed (RFC 7644 §3.5.2). */
export type PatchResponse = 'resource' | 'no-content';

export function indexFor(ctx: RouteContext, rt: ResourceTypeDefinition): SchemaIndex {
  const index = ctx.config.indexes.get(rt.name);
  if (!index) throw new Error(`no schema index for resource type ${rt.name}`);
  return index;
}

/** `attributes` / `excludedAttributes` from the query string (RFC 7644 §3.9 allows them on every method). */
export function projectionOf(ctx: RouteContext): Projection {
  const get = (name: string): string | null => {
    for (const [key, value] of ctx.req.query) if (key.toLowerCase() === name.toLowerCase()) return value;
    return null;
  };
  return {
    attributes: parseAttributeList(get('attributes')),
    excludedAttributes: parseAttributeList(get('excludedAttributes')),
  };
}

function withResource(
  status: number,
  ctx: RouteContext,
  rt: ResourceTypeDefinition,
  resource: JsonObject,
  extra: Record<string, string> = {},
): FaultResponse {
  const body = renderResource(resource, rt, indexFor(ctx, rt), ctx.baseUrl, projectionOf(ctx));
  return jsonResponse(status, body, { ETag: etagOf(resource), ...extra });
}

function load(ctx: RouteContext, rt: ResourceTypeDefinition): JsonObject {
  const resource = ctx.store.get(rt.name, param(ctx, 'id'));
  if (!resource) throw notFound(rt.name, param(ctx, 'id'));
  return resource;
}

/** GET /{endpoint}/{id} — catalog U-10, U-11, G-03. */
export function readHandler(rt: ResourceTypeDefinition): RouteHandler {
  return (ctx) => {
    const resource = load(ctx, rt);
    if (notModified(ctx, etagOf(resource)))
      return { status: 304, headers: { ETag: etagOf(resource) }, body: undefined };
    return withResource(200, ctx, rt, resource);
  };
}

/**
 * POST /{endpoint} — 201 with the stored resource and a Location header equal to meta.location
 * (RFC 7644 §3.3; catalog U-06, G-05, X-01, X-02, X-11, U-07, U-08, U-09).
 */
export function createHandler(rt: ResourceTypeDefinition): RouteHandler {
  return (ctx) => {
    const index = indexFor(ctx, rt);
    const data = withSchemas(normalizeResourceInput(ctx.req.body, index), index);
    const created = ctx.store.create(rt.name, data);
    return withResource(201, ctx, rt, created, { Location: locationOf(ctx.baseUrl, rt, String(created.id)) });
  };
}

/** PUT /{endpoint}/{id} — full replace: attributes not sent are cleared (RFC 7644 §3.5.1). */
export function replaceHandler(rt: ResourceTypeDefinition): RouteHandler {
  return (ctx) => {
    const index = indexFor(ctx, rt);
    const current = load(ctx, rt);
    assertIfMatch(ctx, etagOf(current));
    const data = withSchemas(normalizeResourceInput(ctx.req.body, index), index);
    const updated = ctx.store.replace(rt.name, param(ctx, 'id'), data);
    return withResource(200, ctx, rt, updated);
  };
}

/**
 * PATCH /{endpoint}/{id} — the engine applies the operations to a copy (atomic, RFC 7644 §3.5.2); the result
 * is re-normalised and re-checked for uniqueness (rename onto an existing name → 409, catalog U-20, G-15),
 * and id/meta.created stay stable (P-15). A 200 is forced when the client asked for attributes (RFC 7644
 * §3.5.2: "MUST return a 200 OK if the attributes parameter is specified").
 */
export function patchHandler(rt: ResourceTypeDefinition, response: PatchResponse): RouteHandler {
  return (ctx) => {
    const index = indexFor(ctx, rt);
    const current = load(ctx, rt);
    assertIfMatch(ctx, etagOf(current));
    if (ctx.req.body === undefined) {
      throw new ScimError(400, 'invalidSyntax', 'A PATCH request needs a PatchOp body (RFC 7644 §3.5.2).');
    }
    const patched = applyPatch(current, ctx.req.body, rt);
    const data = withSchemas(normalizeResourceInput(patched, index), index);
    const updated = ctx.store.replace(rt.name, param(ctx, 'id'), data);
    const projection = projectionOf(ctx);
    if (response === 'no-content' && !projection.attributes && !projection.excludedAttributes) {
      return { status: 204, headers: { ETag: etagOf(updated) }, body: undefined };
    }
    return withResource(200, ctx, rt, updated);
  };
}

/** DELETE /{endpoint}/{id} — 204 with no body; unknown or already deleted → 404 (catalog U-18, U-19, G-17). */
export function deleteHandler(rt: ResourceTypeDefinition): RouteHandler {
  return (ctx) => {
    const current = load(ctx, rt);
    assertIfMatch(ctx, etagOf(current));
    ctx.store.delete(rt.name, param(ctx, 'id'));
    return { status: 204, headers: {}, body: undefined };
  };
}
