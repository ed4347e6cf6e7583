/**
 * The routes of one resource type. Literal `.search` comes before `{id}` so that it is never taken for an id.
 */
import type { ResourceTypeDefinition } from '../../scim/schema-types.js';
import {
  createHandler,
  deleteHandler,
  patchHandler,
  readHandler,
  replaceHandler,
  type PatchResponse,
} from './resource-crud.js';
import { listHandler, searchHandler } from './resource-query.js';
import type { Route } from './types.js';

export function resourceTypeRoutes(rt: ResourceTypeDefinition, patchResponse: PatchResponse): Route[] {
  const base = rt.endpoint.split('/').filter(Boolean);
  return [
    { segments: base, methods: { GET: listHandler(rt), POST: createHandler(rt) } },
    { segments: [...base, '.search'], methods: { POST: searchHandler(rt) } },
    {
      segments: [...base, ':id'],
      methods: {
        GET: readHandler(rt),
        PUT: replaceHandler(rt),
        PATCH: patchHandler(rt, patchResponse),
        DELETE: deleteHandler(rt),
      },
    },
  ];
}
