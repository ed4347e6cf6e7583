/**
 * `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5, §3.9) and the `returned` characteristic
 * (RFC 7643 §7).
 *
 * - `id` and `schemas` are always returned, as is any attribute with `returned: "always"`.
 * - `returned: "never"` attributes (password) are never returned; `returned: "request"` ones only when named
 *   in `attributes`.
 * - an excluded attribute disappears as a key: `excludedAttributes=members` gives no `members` key at all,
 *   not `[]` or `null` (catalog G-02, G-03, M-13).
 * Names are case-insensitive and may be URN-qualified (`urn:…:enterprise:2.0:User:department`), name a whole
 * extension (`urn:…:enterprise:2.0:User`) or a sub-attribute (`name.givenName`, `emails.value`).
 */
import type { AttributeDefinition, JsonObject, JsonValue } from '../scim/schema-types.js';
import { isObject } from './resource-input.js';
import type { SchemaIndex } from './schema-index.js';

/** A tree of lower-cased keys; `true` selects the whole value below. */
type Mask = Map<string, Mask | true>;

export interface Projection {
  attributes?: string[];
  excludedAttributes?: string[];
}

/** Splits a comma-separated query parameter value (RFC 7644 §3.4.2.5); empty → undefined. */
export function parseAttributeList(value: string | null | undefined): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 ? names : undefined;
}

export function project(resource: JsonObject, index: SchemaIndex, projection: Projection = {}): JsonObject {
  let out = removeByReturned(resource, index, projection.attributes);
  if (projection.attributes) out = applyMask(out, includeMask(projection.attributes, index)) as JsonObject;
  if (projection.excludedAttributes)
    out = removeMask(out, excludeMask(projection.excludedAttributes, index)) as JsonObject;
  return out;
}

function maskPath(mask: Mask, segments: string[]): void {
  let node = mask;
  segments.forEach((segment, i) => {
    const key = segment.toLowerCase();
    const existing = node.get(key);
    if (i === segments.length - 1) {
      node.set(key, true);
      return;
    }
    if (existing === true) return;
    const child: Mask = existing ?? new Map();
    node.set(key, child);
    node = child;
  });
}

function segmentsFor(name: string, index: SchemaIndex): string[] {
  const split = index.split(name);
  const inner = [split.attribute, ...(split.sub ? [split.sub] : [])].filter(Boolean);
  return index.isCore(split.urn) ? inner : [split.urn as string, ...inner];
}

function includeMask(names: string[], index: SchemaIndex): Mask {
  const mask: Mask = new Map();
  for (const name of names) maskPath(mask, segmentsFor(name, index));
  mask.set('schemas', true);
  for (const def of index.core.values()) if (def.returned === 'always') mask.set(def.name.toLowerCase(), true);
  for (const ext of index.extensions.values()) {
    for (const def of ext.attributes.values()) {
      if (def.returned === 'always') maskPath(mask, [ext.urn, def.name]);
    }
  }
  return mask;
}

function excludeMask(names: string[], index: SchemaIndex): Mask {
  const mask: Mask = new Map();
  for (const name of names) {
    const split = index.split(name);
    const def = split.attribute ? index.attribute(split.attribute, split.urn) : undefined;
    // Attributes returned "always" cannot be excluded (RFC 7644 §3.4.2.5), nor can `schemas`.
    if (!split.sub && def?.returned === 'always') continue;
    if (index.isCore(split.urn) && split.attribute.toLowerCase() === 'schemas') continue;
    maskPath(mask, segmentsFor(name, index));
  }
  return mask;
}

function applyMask(value: JsonValue, mask: Mask | true): JsonValue | undefined {
  if (mask === true) return value;
  if (Array.isArray(value)) {
    const items = value.map((v) => applyMask(v, mask)).filter((v): v is JsonValue => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (!isObject(value)) return undefined;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    const sub = mask.get(key.toLowerCase());
    if (sub === undefined) continue;
    const kept = applyMask(inner, sub);
    if (kept !== undefined) out[key] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function removeMask(value: JsonValue, mask: Mask): JsonValue | undefined {
  if (Array.isArray(value)) {
    const items = value.map((v) => removeMask(v, mask)).filter((v): v is JsonValue => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    const sub = mask.get(key.toLowerCase());
    if (sub === true) continue;
    const kept = sub === undefined ? inner : removeMask(inner, sub);
    if (kept !== undefined) out[key] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Drops `returned: "never"` everywhere and `returned: "request"` unless named in `attributes`. */
function removeByReturned(resource: JsonObject, index: SchemaIndex, requested: string[] | undefined): JsonObject {
  const wanted = new Set((requested ?? []).map((name) => segmentsFor(name, index).join('\u0000').toLowerCase()));
  const hidden = (def: AttributeDefinition, path: string[]): boolean =>
    def.returned === 'never' || (def.returned === 'request' && !wanted.has(path.join('\u0000').toLowerCase()));
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    const ext = index.extension(key);
    if (ext && isObject(value)) {
      const inner: JsonObject = {};
      for (const [name, v] of Object.entries(value)) {
        const def = ext.attributes.get(name.toLowerCase());
        if (!def || !hidden(def, [ext.urn, def.name])) inner[name] = v;
      }
      if (Object.keys(inner).length > 0) out[key] = inner;
      continue;
    }
    const def = index.attribute(key);
    if (!def || !hidden(def, [def.name])) out[key] = value;
  }
  return out;
}
