/**
 * `add` and `replace` at a resolved target (RFC 7644 §3.5.2.1, §3.5.2.3), with Entra's shapes:
 * - add on a single-valued attribute overwrites (§3.5.2.1; catalog P-07);
 * - add on a multi-valued attribute merges without duplicates; replace replaces the whole list (G-09, G-14);
 * - add/replace on a single-valued complex attribute merges the given sub-attributes and leaves the others
 *   alone (§3.5.2.3 "sub-attributes that are not specified … are left unchanged"; X-05 for extensions);
 * - `null`, `""` and `[]` clear the attribute (catalog U-27); clearing the `value` of a single-valued complex
 *   attribute removes it, so `replace manager {"value":""}` removes the manager;
 * - a value filter that matches nothing creates the element from the filter's `eq` pins (P-08, P-09).
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { findAttribute } from '../../scim/attribute-path.js';
import { ScimError } from '../../scim/errors.js';
import type { AttributeDefinition, JsonObject, JsonValue } from '../../scim/schema-types.js';
import type { FilterNode } from '../filter/ast.js';
import { matchesElement } from '../filter/evaluate.js';
import { asList, isJsonObject } from '../filter/resource-values.js';
import { coerceAttribute, coerceComplex, coerceElement, isClearing, invalidValue } from './coerce.js';
import { deepEqual, erase, holder, read, write } from './document.js';
import { enforceSinglePrimary, isHollow, mergeElements, pinnedFields } from './multi-valued.js';
import type { AttributeTarget } from './path.js';

export type SetOperation = 'add' | 'replace';

export function mutabilityError(path: string, reason: string): ScimError {
  return new ScimError(400, 'mutability', `Failed to apply PATCH to "${path}": ${reason}.`);
}

/** readOnly attributes may only be "set" to the value they already have; immutable ones only once. */
function assertWritable(
  definition: AttributeDefinition,
  current: JsonValue | undefined,
  next: JsonValue,
  path: string,
): void {
  if (definition.mutability === 'readOnly' && !deepEqual(current, next)) {
    throw mutabilityError(path, `"${definition.name}" is readOnly`);
  }
  if (definition.mutability === 'immutable' && current !== undefined && current !== null && !deepEqual(current, next)) {
    throw mutabilityError(path, `"${definition.name}" is immutable and already has a value`);
  }
}

/** A single-valued complex value that lost its `value` is removed (a reference without a target). */
function clearsReference(definition: AttributeDefinition, incoming: JsonValue): boolean {
  const valueSub = findAttribute(definition.subAttributes, 'value');
  if (!valueSub || definition.multiValued || !isJsonObject(incoming)) return false;
  const key = Object.keys(incoming).find((k) => k.toLowerCase() === 'value');
  return key !== undefined && isClearing(incoming[key]);
}

export function setAttribute(doc: JsonObject, target: AttributeTarget, op: SetOperation, value: JsonValue): void {
  if (target.filter) return setFiltered(doc, target, target.filter, op, value);
  if (target.subAttribute) return setSubAttribute(doc, target, target.subAttribute, value);
  const { attribute, path } = target;
  const container = holder(doc, target, !isClearing(value));
  const current = read(container, attribute.name);
  if (attribute.type === 'complex' && !attribute.multiValued && clearsReference(attribute, value)) {
    assertWritable(attribute, current, null, path);
    return erase(container, attribute.name);
  }
  const next = coerceAttribute(value, attribute, path);
  if (next === null) {
    assertWritable(attribute, current, null, path);
    return erase(container, attribute.name);
  }
  if (!container) return;
  if (attribute.multiValued) {
    const incoming = next as JsonValue[];
    const { list, touched } =
      op === 'replace'
        ? { list: incoming, touched: new Set(incoming) }
        : mergeElements(asList(current), incoming, attribute);
    assertWritable(attribute, current, list, path);
    enforceSinglePrimary(list, touched);
    return write(container, attribute.name, list);
  }
  if (attribute.type === 'complex') {
    const merged = { ...(isJsonObject(current) ? current : {}), ...(next as JsonObject) };
    assertWritable(attribute, current, merged, path);
    return write(container, attribute.name, merged);
  }
  assertWritable(attribute, current, next, path);
  write(container, attribute.name, next);
}

/** `name.givenName`, `urn:…:manager.value`, or `emails.value` (every element) without a filter. */
function setSubAttribute(doc: JsonObject, target: AttributeTarget, sub: AttributeDefinition, value: JsonValue): void {
  const { attribute, path } = target;
  const clearing = isClearing(value);
  const next = clearing ? null : coerceElement(value, sub, path);
  const container = holder(doc, target, !clearing);
  const current = read(container, attribute.name);
  if (attribute.mutability === 'readOnly') assertWritable(attribute, current, null, path);
  if (!container) return;
  if (attribute.multiValued) {
    const list = asList(current).map((e) => (isJsonObject(e) ? { ...e } : e));
    if (list.length === 0 && next !== null) list.push({});
    for (const element of list) if (isJsonObject(element)) setSub(element, sub, next, path);
    const kept = list.filter((e) => !isHollow(e, undefined));
    return kept.length ? write(container, attribute.name, kept) : erase(container, attribute.name);
  }
  const object: JsonObject = isJsonObject(current) ? { ...current } : {};
  if (next === null && sub.name === 'value' && findAttribute(attribute.subAttributes, 'value') === sub) {
    return erase(container, attribute.name); // `replace urn:…:manager.value ""` removes the manager
  }
  setSub(object, sub, next, path);
  return Object.keys(object).length ? write(container, attribute.name, object) : erase(container, attribute.name);
}

function setSub(element: JsonObject, sub: AttributeDefinition, next: JsonValue, path: string): void {
  assertWritable(sub, read(element, sub.name), next, path);
  if (next === null) erase(element, sub.name);
  else write(element, sub.name, next);
}

/** `emails[type eq "work"]` and `emails[type eq "work"].value` for add/replace. */
function setFiltered(
  doc: JsonObject,
  target: AttributeTarget,
  filter: FilterNode,
  op: SetOperation,
  value: JsonValue,
): void {
  const { attribute, path, subAttribute: sub } = target;
  const clearing = isClearing(value);
  const container = holder(doc, target, !clearing);
  const current = read(container, attribute.name);
  if (attribute.mutability === 'readOnly') throw mutabilityError(path, `"${attribute.name}" is readOnly`);
  if (!container) return;
  const list = asList(current).map((e) => (isJsonObject(e) ? { ...e } : e));
  const matched = list.filter((e) => matchesElement(e, filter, attribute));
  const pinned = pinnedFields(filter, attribute);
  const incoming: JsonObject | null = clearing
    ? null
    : sub
      ? { [sub.name]: coerceElement(value, sub, path) }
      : coerceComplex(value, attribute, path);
  let result: JsonValue[];
  if (incoming === null) {
    // Clearing a filtered element (or one of its sub-attributes); an element left with only its pins goes.
    if (sub) for (const element of matched) if (isJsonObject(element)) setSub(element, sub, null, path);
    result = sub
      ? list.filter((e) => !(matched.includes(e) && isHollow(e, pinned)))
      : list.filter((e) => !matched.includes(e));
  } else if (matched.length > 0) {
    for (const element of matched) {
      if (!isJsonObject(element)) continue;
      if (op === 'replace' && !sub)
        for (const key of Object.keys(element)) if (!(pinned && key in pinned)) delete element[key];
      for (const [key, v] of Object.entries(incoming))
        setSub(element, findAttribute(attribute.subAttributes, key)!, v, path);
    }
    result = list;
  } else {
    // P-08: nothing matches → create the element the filter describes (strict RFC would be 400 noTarget).
    if (!pinned)
      throw new ScimError(
        400,
        'noTarget',
        `Failed to apply PATCH to "${path}": no element matches, and the filter does not say which element to create (only "eq" comparisons joined by "and" can).`,
      );
    if (!attribute.multiValued && list.length > 0)
      throw new ScimError(
        400,
        'noTarget',
        `Failed to apply PATCH to "${path}": the existing "${attribute.name}" does not match the filter.`,
      );
    const created: JsonObject = { ...pinned, ...incoming };
    list.push(created);
    matched.push(created);
    result = list;
  }
  if (!attribute.multiValued) {
    if (result.length > 1) throw invalidValue(path, `"${attribute.name}" is single-valued`);
    const [only] = result;
    return only === undefined ? erase(container, attribute.name) : write(container, attribute.name, only);
  }
  enforceSinglePrimary(result, new Set(matched));
  return result.length ? write(container, attribute.name, result) : erase(container, attribute.name);
}
