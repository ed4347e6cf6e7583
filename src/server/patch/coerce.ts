/**
 * Turns PATCH values into the stored shape the schema prescribes, accepting Entra's non-RFC spellings:
 * - string booleans `"True"`/`"False"`/`"false"` (any case) become JSON booleans wherever the schema says
 *   boolean (`active`, `primary`) — catalog U-14, P-13;
 * - a bare string for a single-valued complex attribute with a `value` sub-attribute (enterprise `manager`)
 *   becomes `{"value": s}` — catalog; a one-element array for it is unwrapped (legacy X-06);
 * - `null` sub-attributes are dropped, notably `"$ref": null` in member objects — catalog G-07;
 * - keys take the schema's canonical casing (`Manager` → `manager`, `.Value` → `value`) — RFC 7644 §3.10;
 * - readOnly sub-attributes inside a value (e.g. `manager.displayName`) are ignored, as RFC 7644 §3.5.1
 *   prescribes for PUT;
 * - anything else of the wrong type is `400 invalidValue`.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-2.3
 */
import { findAttribute } from '../../scim/attribute-path.js';
import { ScimError } from '../../scim/errors.js';
import type { AttributeDefinition, JsonObject, JsonValue } from '../../scim/schema-types.js';
import { toBoolean } from '../filter/compare.js';
import { isJsonObject } from '../filter/resource-values.js';

export function invalidValue(path: string, reason: string): ScimError {
  return new ScimError(400, 'invalidValue', `Failed to apply PATCH value for "${path}": ${reason}.`);
}

function describe(value: JsonValue): string {
  return Array.isArray(value)
    ? 'an array'
    : value === null
      ? 'null'
      : isJsonObject(value)
        ? 'an object'
        : `${typeof value} ${JSON.stringify(value)}`;
}

/** A simple (non-complex) value. `null` passes through: callers treat it as "clear". */
export function coerceSimple(value: JsonValue, definition: AttributeDefinition, path: string): JsonValue {
  if (value === null) return null;
  switch (definition.type) {
    case 'boolean': {
      const b = toBoolean(value);
      if (b === undefined)
        throw invalidValue(
          path,
          `expected a boolean (true/false, or the strings "True"/"False"), got ${describe(value)}`,
        );
      return b;
    }
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      throw invalidValue(path, `expected an integer, got ${describe(value)}`);
    case 'decimal':
      if (typeof value === 'number') return value;
      throw invalidValue(path, `expected a number, got ${describe(value)}`);
    case 'dateTime':
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
      throw invalidValue(path, `expected an xsd:dateTime string, got ${describe(value)}`);
    case 'complex':
      throw invalidValue(path, `expected an object, got ${describe(value)}`);
    default:
      if (typeof value === 'string') return value;
      throw invalidValue(path, `expected a string, got ${describe(value)}`);
  }
}

/** One complex value (an `emails` entry, the `name` or `manager` object), keys canonicalised. */
export function coerceComplex(value: JsonValue, definition: AttributeDefinition, path: string): JsonObject {
  const valueSub = findAttribute(definition.subAttributes, 'value');
  if (typeof value === 'string' && valueSub && !definition.multiValued) return { [valueSub.name]: value };
  if (!isJsonObject(value))
    throw invalidValue(path, `expected an object with sub-attributes of "${definition.name}", got ${describe(value)}`);
  const out: JsonObject = {};
  for (const [key, raw] of Object.entries(value)) {
    const sub = findAttribute(definition.subAttributes, key);
    if (!sub) throw invalidValue(path, `"${key}" is not a sub-attribute of "${definition.name}"`);
    if (raw === null || sub.mutability === 'readOnly') continue;
    out[sub.name] = coerceSimple(raw, sub, `${path}.${sub.name}`);
  }
  return out;
}

/** One element of an attribute (the attribute itself if single-valued). */
export function coerceElement(value: JsonValue, definition: AttributeDefinition, path: string): JsonValue {
  return definition.type === 'complex' ? coerceComplex(value, definition, path) : coerceSimple(value, definition, path);
}

/**
 * A whole-attribute value: an array of elements for multi-valued attributes (a single element is wrapped),
 * one element otherwise. Returns `null` for values that clear the attribute (null, "", []).
 */
export function coerceAttribute(value: JsonValue, definition: AttributeDefinition, path: string): JsonValue {
  if (isClearing(value)) return null;
  if (definition.multiValued) {
    const items = Array.isArray(value) ? value : [value];
    return items.filter((item) => item !== null).map((item) => coerceElement(item, definition, path));
  }
  if (Array.isArray(value)) {
    const [only] = value;
    if (value.length !== 1 || only === undefined)
      throw invalidValue(path, `"${definition.name}" is single-valued, got an array of ${value.length}`);
    return coerceAttribute(only, definition, path);
  }
  return coerceElement(value, definition, path);
}

/**
 * Values that clear an attribute: `null`, `""` (catalog U-27, X-08 `replace manager ""`) and `[]`.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2.3
 */
export function isClearing(value: JsonValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
