/**
 * Turns a POST/PUT body into the stored form of a resource.
 *
 * Tolerant where Entra is known to deviate, strict where a value is genuinely wrong:
 * - `null`, empty arrays and empty objects mean "not supplied" (RFC 7643 §2.5; catalog U-07, U-27).
 * - `id`, `meta` and other readOnly attributes are ignored (RFC 7644 §3.3, §3.5.1).
 * - `schemas` is not trusted: unknown URNs such as Microsoft's ADSCIM group URN or the typo'd
 *   `…:enterprise:2.0User` are accepted and dropped (G-05, X-14, U-07); the stored `schemas` is computed from
 *   the data, so an extension object whose URN was not listed is still stored and listed, and a listed
 *   extension without data is not.
 * - attribute names are matched case-insensitively and stored in their canonical case (RFC 7643 §2.1, X-07).
 * - string booleans ("True", "false") become booleans (P-13, U-14); a bare string where a complex attribute with
 *   a `value` sub-attribute is expected becomes `{ "value": … }` (manager, X-07); a single object where a
 *   multi-valued attribute is expected becomes a one-element array.
 * - keys that are not attributes of the resource type and not extension objects are ignored (U-07).
 * - a value of the wrong type is rejected with 400 invalidValue rather than reshaped (U-12).
 */
import { ScimError } from '../scim/errors.js';
import type { AttributeDefinition, JsonObject, JsonValue } from '../scim/schema-types.js';
import type { SchemaIndex } from './schema-index.js';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds the stored form of a create or full-replace body (without id and meta). */
export function normalizeResourceInput(body: unknown, index: SchemaIndex): JsonObject {
  if (!isObject(body)) {
    throw new ScimError(
      400,
      'invalidSyntax',
      `The request body must be a JSON object describing a ${index.resourceType.name}.`,
    );
  }
  const out: JsonObject = {};
  for (const [key, raw] of Object.entries(body)) {
    if (key.toLowerCase() === 'schemas') continue;
    const extension = index.extension(key);
    if (extension) {
      const value = normalizeAttributes(raw, extension.attributes, key);
      if (value !== undefined) out[extension.urn] = value;
      continue;
    }
    if (key.toLowerCase() === index.coreUrn.toLowerCase()) {
      // Core attributes qualified by the core URN as an object (RFC 7644 §3.10 allows the URN prefix).
      const nested = normalizeAttributes(raw, index.core, key);
      if (nested) Object.assign(out, nested);
      continue;
    }
    if (key.toLowerCase().startsWith('urn:')) {
      // An extension this server has no definition for: keep its data as sent.
      const value = dropEmpty(raw);
      if (isObject(value)) out[key] = value;
      continue;
    }
    const def = index.attribute(key);
    if (!def || def.mutability === 'readOnly') continue;
    const value = coerce(raw, def, def.name);
    if (value !== undefined) out[def.name] = value;
  }
  assertRequired(out, index);
  return out;
}

/** Adds the computed `schemas`: the core URN, then every extension that carries data (RFC 7643 §3). */
export function withSchemas(resource: JsonObject, index: SchemaIndex): JsonObject {
  const schemas: string[] = [index.coreUrn];
  for (const ext of index.extensions.values()) if (isObject(resource[ext.urn])) schemas.push(ext.urn);
  for (const key of Object.keys(resource)) {
    if (key.toLowerCase().startsWith('urn:') && !schemas.includes(key) && isObject(resource[key])) schemas.push(key);
  }
  const { schemas: _ignored, ...rest } = resource;
  return { schemas, ...rest };
}

function assertRequired(resource: JsonObject, index: SchemaIndex): void {
  for (const def of index.resourceType.schema.attributes) {
    if (!def.required || def.mutability === 'readOnly') continue;
    const value = resource[def.name];
    if (value === undefined || value === '') {
      throw new ScimError(400, 'invalidValue', `Attribute "${def.name}" is required for a ${index.resourceType.name}.`);
    }
  }
  for (const ext of index.resourceType.extensions) {
    for (const def of ext.schema.attributes) {
      // A required extension attribute (a profile's custom schema may declare one) must come with the create.
      const data = resource[ext.schema.id];
      if (
        def.required &&
        def.mutability !== 'readOnly' &&
        (!isObject(data) || data[def.name] === undefined || data[def.name] === '')
      )
        throw new ScimError(
          400,
          'invalidValue',
          `Attribute "${ext.schema.id}:${def.name}" is required for a ${index.resourceType.name}.`,
        );
    }
    if (ext.required && !isObject(resource[ext.schema.id])) {
      throw new ScimError(
        400,
        'invalidValue',
        `Extension "${ext.schema.id}" is required for a ${index.resourceType.name}.`,
      );
    }
  }
}

function normalizeAttributes(
  raw: unknown,
  defs: Map<string, AttributeDefinition>,
  where: string,
): JsonObject | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (!isObject(raw)) throw new ScimError(400, 'invalidValue', `"${where}" must be a JSON object.`);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) {
    const def = defs.get(key.toLowerCase());
    if (!def) {
      const kept = dropEmpty(value);
      if (kept !== undefined) out[key] = kept;
      continue;
    }
    if (def.mutability === 'readOnly') continue;
    const coerced = coerce(value, def, `${where}:${def.name}`);
    if (coerced !== undefined) out[def.name] = coerced;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Coerces one attribute value to its definition; undefined means "not supplied". */
export function coerce(raw: unknown, def: AttributeDefinition, where: string): JsonValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (def.multiValued) {
    const items = Array.isArray(raw) ? raw : [raw];
    const out = items.map((item) => coerceSingle(item, def, where)).filter((v): v is JsonValue => v !== undefined);
    return out.length > 0 ? out : undefined;
  }
  if (Array.isArray(raw)) {
    // A one-element array for a single-valued attribute is a legacy Entra shape (catalog X-06, legacy row).
    if (raw.length === 1) return coerceSingle(raw[0], def, where);
    throw new ScimError(400, 'invalidValue', `"${where}" is single-valued but an array was given.`);
  }
  return coerceSingle(raw, def, where);
}

function coerceSingle(raw: unknown, def: AttributeDefinition, where: string): JsonValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  switch (def.type) {
    case 'complex':
      return coerceComplex(raw, def, where);
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === 'true';
      throw new ScimError(400, 'invalidValue', `"${where}" must be a boolean; got ${JSON.stringify(raw)}.`);
    case 'integer':
      if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
      throw new ScimError(400, 'invalidValue', `"${where}" must be an integer; got ${JSON.stringify(raw)}.`);
    case 'decimal':
      if (typeof raw === 'number') return raw;
      throw new ScimError(400, 'invalidValue', `"${where}" must be a number; got ${JSON.stringify(raw)}.`);
    default:
      if (typeof raw === 'string') return raw;
      throw new ScimError(400, 'invalidValue', `"${where}" must be a string; got ${JSON.stringify(raw)}.`);
  }
}

function coerceComplex(raw: unknown, def: AttributeDefinition, where: string): JsonValue | undefined {
  const subs = new Map((def.subAttributes ?? []).map((s) => [s.name.toLowerCase(), s]));
  if (typeof raw === 'string' && subs.has('value')) return raw === '' ? undefined : { value: raw };
  if (!isObject(raw)) throw new ScimError(400, 'invalidValue', `"${where}" must be a JSON object.`);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) {
    const sub = subs.get(key.toLowerCase());
    if (!sub) {
      const kept = dropEmpty(value);
      if (kept !== undefined) out[key] = kept;
      continue;
    }
    const coerced = coerceSingle(value, sub, `${where}.${sub.name}`);
    if (coerced !== undefined) out[sub.name] = coerced;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Removes nulls, empty arrays and empty objects, recursively (RFC 7643 §2.5 "unassigned"). */
export function dropEmpty(value: unknown): JsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(dropEmpty).filter((v): v is JsonValue => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [key, inner] of Object.entries(value)) {
      const kept = dropEmpty(inner);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value as JsonValue;
}
