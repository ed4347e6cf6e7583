/**
 * `remove` at a resolved target (RFC 7644 §3.5.2.2) with Entra's shapes:
 * - `remove members` WITH a value array removes only the listed members — Entra's default dialect, not
 *   "remove all" (catalog G-10; the bug of thomaspoignant/scim-patch#959);
 * - `remove members` without value and filter removes every member (§3.5.2.2);
 * - `members[value eq "id"]` removes that member (G-11); a filter that matches nothing is a no-op (G-12);
 * - `manager[value eq "id"]` on the single-valued manager removes it when it matches (X-08);
 * - readOnly attributes cannot be removed → `400 mutability` (§3.5.2.2).
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2.2
 */
import { findAttribute } from '../../scim/attribute-path.js';
import type { JsonObject, JsonValue } from '../../scim/schema-types.js';
import { matchesElement } from '../filter/evaluate.js';
import { asList, isJsonObject } from '../filter/resource-values.js';
import { coerceAttribute, isClearing } from './coerce.js';
import { erase, holder, read, write } from './document.js';
import { isHollow, pinnedFields, sameElement } from './multi-valued.js';
import type { AttributeTarget } from './path.js';
import { mutabilityError } from './set-value.js';

export function removeAttribute(doc: JsonObject, target: AttributeTarget, value: JsonValue | undefined): void {
  const { attribute, path, subAttribute: sub, filter } = target;
  if (attribute.mutability === 'readOnly' || sub?.mutability === 'readOnly') {
    throw mutabilityError(
      path,
      `"${sub ? `${attribute.name}.${sub.name}` : attribute.name}" is readOnly and cannot be removed`,
    );
  }
  const container = holder(doc, target, false);
  const current = read(container, attribute.name);
  if (!container || current === undefined) return;
  const list = asList(current).map((e) => (isJsonObject(e) ? { ...e } : e));
  const selected = filter ? list.filter((e) => matchesElement(e, filter, attribute)) : list;
  let kept: JsonValue[];
  if (sub) {
    // Removing a single-valued complex attribute's `value` leaves a dangling reference: remove it all (X-08).
    if (!attribute.multiValued && sub === findAttribute(attribute.subAttributes, 'value'))
      kept = list.filter((e) => !selected.includes(e));
    else {
      for (const element of selected) if (isJsonObject(element)) erase(element, sub.name);
      const pinned = filter ? pinnedFields(filter, attribute) : undefined;
      kept = list.filter((e) => !(selected.includes(e) && isHollow(e, pinned)));
    }
  } else if (filter) {
    kept = list.filter((e) => !selected.includes(e));
  } else if (attribute.multiValued && !isClearing(value)) {
    // G-10: `{"op":"Remove","path":"members","value":[{"value":"u1"}]}` removes only u1.
    const victims = asList(coerceAttribute(value as JsonValue, attribute, path));
    kept = list.filter((e) => !victims.some((v) => sameElement(e, v, attribute)));
  } else {
    kept = [];
  }
  const [first] = kept;
  if (first === undefined) return erase(container, attribute.name);
  write(container, attribute.name, attribute.multiValued ? kept : first);
}
