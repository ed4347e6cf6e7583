/**
 * Resolves SCIM attribute paths (`userName`, `name.givenName`, `urn:…:enterprise:2.0:User:manager.value`)
 * against a resource type's schemas.
 *
 * - Names are case-insensitive (RFC 7644 §3.10, catalog F-03); results carry the schema's canonical casing.
 * - A URN prefix is matched as the LONGEST known schema URN first: URNs contain `:` and the dotted version
 *   `2.0`, so splitting on the first `.` or on every `:` is wrong (catalog §7 path grammar note).
 * - A bare name resolves to the core schema (and the RFC 7643 §3.1 common attributes) first, then to the one
 *   extension that declares it (catalog X-08: bare `manager` → enterprise manager).
 * - The legacy dot form `urn:…:User.department` is accepted as `urn:…:User:department` (catalog X-13).
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.10
 */
import { COMMON_ATTRIBUTES } from './schemas/common.js';
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from './schema-types.js';

export interface ResolvedAttribute {
  /** The schema that declares the attribute (the core schema for common attributes such as `id`). */
  schemaUrn: string;
  /** True when the attribute lives in an extension object keyed by `schemaUrn`. */
  isExtension: boolean;
  attribute: AttributeDefinition;
  subAttribute?: AttributeDefinition;
  /** `name.givenName`, or `urn:…:enterprise:2.0:User:manager.value` for extension attributes. */
  canonicalName: string;
}

/** All schemas of a resource type, core first. */
export function schemasOf(rt: ResourceTypeDefinition): SchemaDefinition[] {
  return [rt.schema, ...rt.extensions.map((e) => e.schema)];
}

/** The extension schema whose URN equals `key` case-insensitively, if the resource type declares one. */
export function findExtensionSchema(rt: ResourceTypeDefinition, key: string): SchemaDefinition | undefined {
  const lower = key.toLowerCase();
  return rt.extensions.find((e) => e.schema.id.toLowerCase() === lower)?.schema;
}

/** Case-insensitive lookup of an attribute (or sub-attribute) definition by name. */
export function findAttribute(
  attributes: readonly AttributeDefinition[] | undefined,
  name: string,
): AttributeDefinition | undefined {
  if (!attributes) return undefined;
  const lower = name.toLowerCase();
  return attributes.find((a) => a.name.toLowerCase() === lower);
}

/** Attributes addressable under a schema: the core schema also owns the common attributes. */
function attributesOf(rt: ResourceTypeDefinition, schema: SchemaDefinition): readonly AttributeDefinition[] {
  return schema === rt.schema ? [...COMMON_ATTRIBUTES, ...schema.attributes] : schema.attributes;
}

/**
 * Splits a leading known schema URN off `path`. Returns the schema and the remainder after the `:` (or the
 * legacy `.`), `rest: ''` when the path is exactly the URN, or undefined when no known URN prefixes it.
 */
export function splitSchemaPrefix(
  path: string,
  rt: ResourceTypeDefinition,
): { schema: SchemaDefinition; rest: string } | undefined {
  const lower = path.toLowerCase();
  const bySpecificity = schemasOf(rt).sort((a, b) => b.id.length - a.id.length);
  for (const schema of bySpecificity) {
    const urn = schema.id.toLowerCase();
    if (lower === urn) return { schema, rest: '' };
    if (lower.startsWith(urn) && (lower[urn.length] === ':' || lower[urn.length] === '.')) {
      return { schema, rest: path.slice(urn.length + 1) };
    }
  }
  return undefined;
}

/** Resolves `attr` or `attr.sub` inside one schema. */
function resolveInSchema(
  rt: ResourceTypeDefinition,
  schema: SchemaDefinition,
  relative: string,
): ResolvedAttribute | undefined {
  const parts = relative.split('.');
  const [name, subName] = parts;
  if (name === undefined || parts.length > 2 || parts.some((p) => p === '')) return undefined;
  const attribute = findAttribute(attributesOf(rt, schema), name);
  if (!attribute) return undefined;
  const isExtension = schema !== rt.schema;
  const prefix = isExtension ? `${schema.id}:` : '';
  if (subName === undefined) {
    return { schemaUrn: schema.id, isExtension, attribute, canonicalName: prefix + attribute.name };
  }
  const subAttribute = findAttribute(attribute.subAttributes, subName);
  if (!subAttribute) return undefined;
  return {
    schemaUrn: schema.id,
    isExtension,
    attribute,
    subAttribute,
    canonicalName: `${prefix}${attribute.name}.${subAttribute.name}`,
  };
}

/**
 * Resolves an attribute path, or returns undefined when the resource type has no such attribute (or a bare
 * name is declared by several extensions and is therefore ambiguous).
 */
export function resolveAttributePath(path: string, rt: ResourceTypeDefinition): ResolvedAttribute | undefined {
  const trimmed = path.trim();
  if (trimmed === '') return undefined;
  const prefixed = splitSchemaPrefix(trimmed, rt);
  if (prefixed) return prefixed.rest === '' ? undefined : resolveInSchema(rt, prefixed.schema, prefixed.rest);
  // A path with a ':' that matched no known URN names an unknown schema; never guess.
  if (trimmed.includes(':')) return undefined;
  const core = resolveInSchema(rt, rt.schema, trimmed);
  if (core) return core;
  const candidates = rt.extensions
    .map((e) => resolveInSchema(rt, e.schema, trimmed))
    .filter((r): r is ResolvedAttribute => r !== undefined);
  return candidates.length === 1 ? candidates[0] : undefined;
}
