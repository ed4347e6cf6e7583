/**
 * GET /Schemas and /Schemas/{urn} (RFC 7643 §7, RFC 7644 §4; catalog D-10, D-11, X-15): every core and
 * extension schema of the configured resource types, characteristics in the RFC's camelCase spelling, and no
 * `null` values or empty lists anywhere (Entra's schema discovery and the gallery test read them strictly).
 */
import { ScimError } from '../../scim/errors.js';
import type {
  AttributeDefinition,
  JsonObject,
  ResourceTypeDefinition,
  SchemaDefinition,
} from '../../scim/schema-types.js';
import { URN } from '../../scim/urns.js';
import { listResponse } from '../list-query.js';
import { refuseFilter } from './discovery-common.js';
import { jsonResponse, param, type Route } from './types.js';

/** Fixed key order, as in RFC 7643 §8.7.1; optional keys only when they carry something. */
function attributeResource(def: AttributeDefinition): JsonObject {
  const out: JsonObject = { name: def.name, type: def.type, multiValued: def.multiValued };
  if (def.description) out.description = def.description;
  out.required = def.required;
  if (def.canonicalValues && def.canonicalValues.length > 0) out.canonicalValues = [...def.canonicalValues];
  out.caseExact = def.caseExact;
  out.mutability = def.mutability;
  out.returned = def.returned;
  out.uniqueness = def.uniqueness;
  if (def.referenceTypes && def.referenceTypes.length > 0) out.referenceTypes = [...def.referenceTypes];
  if (def.subAttributes && def.subAttributes.length > 0) out.subAttributes = def.subAttributes.map(attributeResource);
  return out;
}

function schemaResource(schema: SchemaDefinition, baseUrl: string): JsonObject {
  const out: JsonObject = { schemas: [URN.Schema], id: schema.id, name: schema.name };
  if (schema.description) out.description = schema.description;
  out.attributes = schema.attributes.map(attributeResource);
  out.meta = { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` };
  return out;
}

/** Core and extension schemas of all resource types, each once, in declaration order. */
function allSchemas(types: ResourceTypeDefinition[]): SchemaDefinition[] {
  const seen = new Map<string, SchemaDefinition>();
  for (const rt of types) {
    for (const schema of [rt.schema, ...rt.extensions.map((e) => e.schema)]) {
      if (!seen.has(schema.id.toLowerCase())) seen.set(schema.id.toLowerCase(), schema);
    }
  }
  return [...seen.values()];
}

export const schemaRoutes: Route[] = [
  {
    segments: ['Schemas'],
    methods: {
      GET: (ctx) => {
        refuseFilter(ctx);
        const resources = allSchemas(ctx.config.resourceTypes).map((s) => schemaResource(s, ctx.baseUrl));
        return jsonResponse(200, listResponse(resources.length, 1, resources));
      },
    },
  },
  {
    segments: ['Schemas', ':urn'],
    methods: {
      GET: (ctx) => {
        const wanted = param(ctx, 'urn').toLowerCase();
        const schema = allSchemas(ctx.config.resourceTypes).find((s) => s.id.toLowerCase() === wanted);
        if (!schema) throw new ScimError(404, undefined, `Schema ${param(ctx, 'urn')} not found.`);
        return jsonResponse(200, schemaResource(schema, ctx.baseUrl));
      },
    },
  },
];
