/**
 * Write access to the working copy of a resource. Keys are written in the schema's canonical casing and
 * any differently-cased duplicate is removed (`Manager` → `manager`, RFC 7644 §3.10); extension attributes
 * live in the object keyed by the extension URN, never under a literal `urn:…:attr` key (catalog X-04).
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-3.3
 */
import type { JsonObject, JsonValue } from '../../scim/schema-types.js';
import { findKey, getIgnoringCase, isJsonObject } from '../filter/resource-values.js';

/** The object holding attributes of `schemaUrn`, created on demand for extensions. */
export function holder(
  doc: JsonObject,
  target: { isExtension: boolean; schemaUrn: string },
  create: boolean,
): JsonObject | undefined {
  if (!target.isExtension) return doc;
  const key = findKey(doc, target.schemaUrn);
  const existing = key === undefined ? undefined : doc[key];
  if (key !== undefined && key !== target.schemaUrn) delete doc[key];
  if (isJsonObject(existing)) {
    doc[target.schemaUrn] = existing;
    return existing;
  }
  if (!create) return undefined;
  const created: JsonObject = {};
  doc[target.schemaUrn] = created;
  return created;
}

export function read(obj: JsonObject | undefined, name: string): JsonValue | undefined {
  return obj ? getIgnoringCase(obj, name) : undefined;
}

/** Removes every case variant of `name`. */
export function erase(obj: JsonObject | undefined, name: string): void {
  if (!obj) return;
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) delete obj[key];
}

/** Writes `value` under the canonical `name`, removing other case variants. */
export function write(obj: JsonObject, name: string, value: JsonValue): void {
  erase(obj, name);
  obj[name] = value;
}

/** Structural JSON equality, ignoring key order. */
export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]))
    );
  }
  return false;
}

export function clone<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}
