/**
 * Element-level rules for multi-valued (and filtered complex) attributes:
 * - `add` merges without duplicating: an element with the same `value` (and the same `type` when both carry
 *   one) is the same element, so membership is a set keyed by `value` (catalog G-09) — RFC 7644 §3.5.2.1
 *   "if the value already exists, no change";
 * - at most one element is `primary` (RFC 7643 §2.4, RFC 7644 §3.5.2: setting primary true on one value
 *   sets it false on the others);
 * - an element to create for an unmatched value filter is seeded with the filter's `eq` pins, so
 *   `emails[type eq "work"].value` creates `{type:"work", value:…}` (catalog P-08) and later operations on the
 *   same filter find and extend that one element (P-09).
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2.1
 */
import { findAttribute } from '../../scim/attribute-path.js';
import type { AttributeDefinition, JsonObject, JsonValue } from '../../scim/schema-types.js';
import type { FilterNode } from '../filter/ast.js';
import { compareValue } from '../filter/compare.js';
import { isJsonObject } from '../filter/resource-values.js';
import { coerceSimple } from './coerce.js';
import { deepEqual, read } from './document.js';

function sameSub(a: JsonObject, b: JsonObject, definition: AttributeDefinition, name: string): boolean | undefined {
  const sub = findAttribute(definition.subAttributes, name);
  const x = read(a, name);
  const y = read(b, name);
  if (!sub || x === undefined || y === undefined || x === null || y === null) return undefined;
  return typeof y === 'string' || typeof y === 'number' || typeof y === 'boolean'
    ? compareValue(x, y, 'eq', sub)
    : deepEqual(x, y);
}

/** Do `a` and `b` denote the same element of `definition`? */
export function sameElement(a: JsonValue, b: JsonValue, definition: AttributeDefinition): boolean {
  if (isJsonObject(a) && isJsonObject(b) && definition.type === 'complex') {
    const sameValue = sameSub(a, b, definition, 'value');
    if (sameValue !== undefined) return sameValue && sameSub(a, b, definition, 'type') !== false;
  }
  if (definition.type !== 'complex' && (typeof b === 'string' || typeof b === 'number' || typeof b === 'boolean')) {
    return compareValue(a, b, 'eq', definition);
  }
  return deepEqual(a, b);
}

/** `add` semantics: append new elements, fold equal ones into the existing element. */
export function mergeElements(
  existing: JsonValue[],
  incoming: JsonValue[],
  definition: AttributeDefinition,
): { list: JsonValue[]; touched: Set<JsonValue> } {
  const list = [...existing];
  const touched = new Set<JsonValue>();
  for (const element of incoming) {
    const index = list.findIndex((e) => sameElement(e, element, definition));
    if (index === -1) {
      list.push(element);
      touched.add(element);
    } else if (isJsonObject(list[index]) && isJsonObject(element)) {
      list[index] = { ...list[index], ...element };
      touched.add(list[index]);
    }
  }
  return { list, touched };
}

/** Keeps `primary: true` only on the elements in `keep` when one of them just became primary. */
export function enforceSinglePrimary(list: JsonValue[], keep: ReadonlySet<JsonValue>): void {
  const introduced = [...keep].some((e) => isJsonObject(e) && e.primary === true);
  if (!introduced) return;
  for (const element of list) {
    if (!keep.has(element) && isJsonObject(element) && element.primary === true) element.primary = false;
  }
}

/**
 * The sub-attribute values a filter pins with `eq` (`type eq "work" and primary eq "True"` →
 * `{type:"work", primary:true}`), or undefined when the filter is not a conjunction of `eq` comparisons.
 */
export function pinnedFields(filter: FilterNode, definition: AttributeDefinition): JsonObject | undefined {
  if (filter.kind === 'and') {
    const left = pinnedFields(filter.left, definition);
    const right = pinnedFields(filter.right, definition);
    return left && right ? { ...left, ...right } : undefined;
  }
  if (filter.kind !== 'compare' || filter.operator !== 'eq' || filter.value === null) return undefined;
  const sub = findAttribute(definition.subAttributes, filter.attribute.path);
  if (!sub) return undefined;
  try {
    return { [sub.name]: coerceSimple(filter.value, sub, `${definition.name}.${sub.name}`) };
  } catch {
    return undefined;
  }
}

/** Is the element empty apart from the fields its filter pins (e.g. only `type` left)? */
export function isHollow(element: JsonValue, pinned: JsonObject | undefined): boolean {
  if (!isJsonObject(element)) return element === null || element === '';
  return Object.entries(element).every(([k, v]) => v === null || v === '' || (pinned !== undefined && k in pinned));
}
