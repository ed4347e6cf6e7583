/**
 * Queries: GET /{endpoint} (RFC 7644 §3.4.2), POST /{endpoint}/.search and POST /.search (RFC 7644 §3.4.3).
 * Every answer is a ListResponse, also for zero matches (catalog U-01, U-02, F-07, G-01); filter errors are
 * 400 invalidFilter (F-09).
 */
import { ScimError } from '../../scim/errors.js';
import type { JsonObject, ResourceTypeDefinition } from '../../scim/schema-types.js';
import { matchesFilter, parseFilter } from '../engine.js';
import { listResponse, queryFromParams, queryFromSearchRequest, runList, type ListQuery } from '../list-query.js';
import { renderResource } from '../render.js';
import { indexFor } from './resource-crud.js';
import { jsonResponse, type RouteContext, type RouteHandler } from './types.js';

/** Parses the filter once; any parser failure that is not already a SCIM error is reported as invalidFilter. */
function predicateFor(
  filter: string | undefined,
  rt: ResourceTypeDefinition,
): ((resource: JsonObject) => boolean) | undefined {
  if (filter === undefined) return undefined;
  if (filter.trim() === '') throw new ScimError(400, 'invalidFilter', 'The filter parameter is empty.');
  let ast: ReturnType<typeof parseFilter>;
  try {
    // With the resource type, unknown attributes and operators that do not suit them are invalidFilter too.
    ast = parseFilter(filter, rt);
  } catch (error) {
    throw asFilterError(error, filter);
  }
  return (resource) => {
    try {
      return matchesFilter(resource, ast, rt);
    } catch (error) {
      throw asFilterError(error, filter);
    }
  };
}

function asFilterError(error: unknown, filter: string): ScimError {
  if (error instanceof ScimError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ScimError(400, 'invalidFilter', `Invalid filter ${JSON.stringify(filter)}: ${detail}`);
}

function answer(ctx: RouteContext, types: ResourceTypeDefinition[], query: ListQuery): JsonObject {
  // Filter per resource type (attribute names resolve against each type's schemas), then sort and page the
  // union once so that totalResults and paging stay consistent for POST /.search across types.
  const owner = new Map<JsonObject, ResourceTypeDefinition>();
  for (const rt of types) {
    const predicate = predicateFor(query.filter, rt);
    for (const resource of ctx.store.list(rt.name)) if (!predicate || predicate(resource)) owner.set(resource, rt);
  }
  // Sorted by the first type's schemas (sortBy names a core attribute all types share); no type, nothing to list.
  const [first] = types;
  const page = first
    ? runList([...owner.keys()], query, ctx.config.maxResults, indexFor(ctx, first))
    : { totalResults: 0, resources: [] };
  const projection = { attributes: query.attributes, excludedAttributes: query.excludedAttributes };
  const resources = page.resources.map((resource) => {
    const rt = owner.get(resource) as ResourceTypeDefinition;
    return renderResource(resource, rt, indexFor(ctx, rt), ctx.baseUrl, projection);
  });
  return listResponse(page.totalResults, query.startIndex, resources);
}

/** GET /{endpoint}?filter=…&startIndex=…&count=…&attributes=…&excludedAttributes=…&sortBy=…&sortOrder=… */
export function listHandler(rt: ResourceTypeDefinition): RouteHandler {
  return (ctx) => jsonResponse(200, answer(ctx, [rt], queryFromParams(ctx.req.query)));
}

/** POST /{endpoint}/.search with a SearchRequest body. */
export function searchHandler(rt: ResourceTypeDefinition): RouteHandler {
  return (ctx) => jsonResponse(200, answer(ctx, [rt], queryFromSearchRequest(ctx.req.body)));
}

/** POST /.search: the same query across every resource type (RFC 7644 §3.4.3, server root). */
export function rootSearchHandler(): RouteHandler {
  return (ctx) => jsonResponse(200, answer(ctx, ctx.config.resourceTypes, queryFromSearchRequest(ctx.req.body)));
}
