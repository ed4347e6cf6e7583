/**
 * GET /ResourceTypes and /ResourceTypes/{name} (RFC 7643 §6, RFC 7644 §4; catalog D-12, X-15): User lists
 * each extension URN under schemaExtensions with its `required` flag.
 */
import { ScimError } from '../../scim/errors.js';
import type { JsonObject, ResourceTypeDefinition } from '../../scim/schema-types.js';
import { URN } from '../../scim/urns.js';
import { listResponse } from '../list-query.js';
import { refuseFilter } from './discovery-common.js';
import { jsonResponse, param, type Route } from './types.js';

function resourceTypeResource(rt: ResourceTypeDefinition, baseUrl: string): JsonObject {
  const body: JsonObject = { schemas: [URN.ResourceType], id: rt.name, name: rt.name, endpoint: rt.endpoint };
  if (rt.description) body.description = rt.description;
  body.schema = rt.schema.id;
  body.schemaExtensions = rt.extensions.map((ext) => ({ schema: ext.schema.id, required: ext.required }));
  body.meta = { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/${encodeURIComponent(rt.name)}` };
  return body;
}

export const resourceTypeRoutes: Route[] = [
  {
    segments: ['ResourceTypes'],
    methods: {
      GET: (ctx) => {
        refuseFilter(ctx);
        const resources = ctx.config.resourceTypes.map((rt) => resourceTypeResource(rt, ctx.baseUrl));
        return jsonResponse(200, listResponse(resources.length, 1, resources));
      },
    },
  },
  {
    segments: ['ResourceTypes', ':name'],
    methods: {
      GET: (ctx) => {
        const wanted = param(ctx, 'name').toLowerCase();
        const rt = ctx.config.resourceTypes.find((t) => t.name.toLowerCase() === wanted);
        if (!rt) throw new ScimError(404, undefined, `Resource type ${param(ctx, 'name')} not found.`);
        return jsonResponse(200, resourceTypeResource(rt, ctx.baseUrl));
      },
    },
  },
];
