/**
 * Keeps a resource's `schemas` consistent with its data after a PATCH (RFC 7643 §3: `schemas` lists the
 * core schema and every extension the resource uses):
 * - an extension with data has its URN listed, even when the client never listed it (catalog X-11);
 * - an extension object that became empty is dropped together with its URN;
 * - URNs the patch did not touch are left alone (Entra may list the enterprise URN without data, X-02).
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-3
 */
import type { JsonObject, ResourceTypeDefinition } from '../../scim/schema-types.js';
import { findKey, isJsonObject, isPresent } from '../filter/resource-values.js';
import { erase } from './document.js';

export function normalizeSchemas(doc: JsonObject, rt: ResourceTypeDefinition, touched: ReadonlySet<string>): void {
  const schemas = (Array.isArray(doc.schemas) ? doc.schemas : []).filter((s): s is string => typeof s === 'string');
  const has = (urn: string) => schemas.some((s) => s.toLowerCase() === urn.toLowerCase());
  const result = has(rt.schema.id) ? [...schemas] : [rt.schema.id, ...schemas];
  for (const { schema } of rt.extensions) {
    const key = findKey(doc, schema.id);
    const data = key === undefined ? undefined : doc[key];
    if (key !== undefined && isJsonObject(data) && isPresent(data)) {
      if (key !== schema.id) {
        delete doc[key];
        doc[schema.id] = data;
      }
      if (!has(schema.id)) result.push(schema.id);
    } else if (touched.has(schema.id)) {
      erase(doc, schema.id);
      const lower = schema.id.toLowerCase();
      for (let i = result.length - 1; i >= 0; i--) if (result[i]?.toLowerCase() === lower) result.splice(i, 1);
    }
  }
  doc.schemas = result;
}
