/**
 * Case-insensitive reads of stored resources. Attribute names are case-insensitive (RFC 7644 §3.10), and a
 * resource stored from a client body may carry non-canonical keys (`Manager`, catalog X-07), so every read
 * goes through these helpers rather than `obj[name]`.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.10
 */
import type { AttributeDefinition, JsonObject, JsonValue } from '../../scim/schema-types.js';
import type { ResolvedAttribute } from '../../scim/attribute-path.js';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key of `obj` equal to `name` case-insensitively (the canonical spelling wins if both exist). */
export function findKey(obj: JsonObject, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

export function getIgnoringCase(obj: JsonObject, name: string): JsonValue | undefined {
  const key = findKey(obj, name);
  return key === undefined ? undefined : obj[key];
}

/** Arrays spread, a single value becomes a one-element list, null/undefined become empty. */
export function asList(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The object holding a resolved attribute: the resource itself, or its extension object keyed by URN. */
export function containerOf(
  resource: JsonObject,
  resolved: Pick<ResolvedAttribute, 'isExtension' | 'schemaUrn'>,
): JsonObject | undefined {
  if (!resolved.isExtension) return resource;
  const ext = getIgnoringCase(resource, resolved.schemaUrn);
  return isJsonObject(ext) ? ext : undefined;
}

/** What a path designates in a resource: the attribute's elements and, below them, the leaf values. */
export interface AttributeValues {
  attribute: AttributeDefinition;
  /** The definition the leaf values follow: the sub-attribute if one was named, else the attribute. */
  leaf: AttributeDefinition;
  /** Values of the attribute itself (array items spread). */
  elements: JsonValue[];
  /** Values at the leaf (the sub-attribute of every element, spread). */
  values: JsonValue[];
}

export function readAttribute(resource: JsonObject, resolved: ResolvedAttribute): AttributeValues {
  const container = containerOf(resource, resolved);
  const elements = container ? asList(getIgnoringCase(container, resolved.attribute.name)) : [];
  if (!resolved.subAttribute)
    return { attribute: resolved.attribute, leaf: resolved.attribute, elements, values: elements };
  const sub = resolved.subAttribute;
  const values = elements.flatMap((e) => (isJsonObject(e) ? asList(getIgnoringCase(e, sub.name)) : []));
  return { attribute: resolved.attribute, leaf: sub, elements, values };
}

/** True for a value `pr` accepts: not null, not "", not [], and a complex value with a non-empty member. */
export function isPresent(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(isPresent);
  if (isJsonObject(value)) return Object.values(value).some(isPresent);
  return true;
}
