/**
 * Evaluates a filter AST against a resource, using the resource type's schemas for name resolution and
 * comparison rules.
 *
 * - Multi-valued attributes match if ANY element matches (RFC 7644 §3.4.2.2).
 * - A complex attribute compared without a sub-attribute compares its `value` sub-attribute
 *   (RFC 7644 §3.4.2.2 example `emails co "example.com"`).
 * - `ne` is the negation of `eq`, so it also matches an unassigned attribute; `eq null` matches an
 *   unassigned attribute (an RFC gap; we choose the reading where `ne` ≡ `not (eq)`).
 * - Unknown attributes are unassigned here; `validateFilter` rejects them up front.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import { findAttribute, resolveAttributePath } from '../../scim/attribute-path.js';
import type { AttributeDefinition, JsonObject, JsonValue, ResourceTypeDefinition } from '../../scim/schema-types.js';
import type { CompareNode, FilterNode } from './ast.js';
import { assertOperatorApplies, compareValue } from './compare.js';
import {
  asList,
  getIgnoringCase,
  isJsonObject,
  isPresent,
  readAttribute,
  type AttributeValues,
} from './resource-values.js';
import { invalidFilter } from './tokenize.js';

/** Looks up a path in the current scope (the resource, or one element inside a value path). */
type Scope = (path: string) => AttributeValues | undefined;

function resourceScope(resource: JsonObject, rt: ResourceTypeDefinition): Scope {
  return (path) => {
    const resolved = resolveAttributePath(path, rt);
    return resolved ? readAttribute(resource, resolved) : undefined;
  };
}

function elementScope(element: JsonValue, parent: AttributeDefinition): Scope {
  return (path) => {
    const sub = findAttribute(parent.subAttributes, path);
    if (!sub) return undefined;
    const values = isJsonObject(element) ? asList(getIgnoringCase(element, sub.name)) : [];
    return { attribute: sub, leaf: sub, elements: values, values };
  };
}

/** For a complex leaf compared directly, compare its `value` sub-attribute instead. */
function comparable(target: AttributeValues): { definition: AttributeDefinition; values: JsonValue[] } {
  if (target.leaf.type !== 'complex') return { definition: target.leaf, values: target.values };
  const valueSub = findAttribute(target.leaf.subAttributes, 'value');
  if (!valueSub) return { definition: target.leaf, values: target.values };
  const values = target.values.flatMap((v) => (isJsonObject(v) ? asList(getIgnoringCase(v, valueSub.name)) : []));
  return { definition: valueSub, values };
}

function evaluateCompare(node: CompareNode, scope: Scope): boolean {
  const target = scope(node.attribute.path);
  if (!target) return node.operator === 'ne' || (node.operator === 'eq' && node.value === null);
  const { definition, values } = comparable(target);
  assertOperatorApplies(node.operator, definition, node.attribute.path);
  const present = values.filter((v) => v !== null);
  if (node.value === null) {
    if (node.operator === 'eq') return present.length === 0;
    if (node.operator === 'ne') return present.length > 0;
    return false;
  }
  if (node.operator === 'ne') return !present.some((v) => compareValue(v, node.value, 'eq', definition));
  return present.some((v) => compareValue(v, node.value, node.operator, definition));
}

function evaluate(node: FilterNode, scope: Scope): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, scope) && evaluate(node.right, scope);
    case 'or':
      return evaluate(node.left, scope) || evaluate(node.right, scope);
    case 'not':
      return !evaluate(node.filter, scope);
    case 'present': {
      const target = scope(node.attribute.path);
      return target !== undefined && target.values.some(isPresent);
    }
    case 'compare':
      return evaluateCompare(node, scope);
    case 'valuePath': {
      const target = scope(node.attribute.path);
      if (!target) return false;
      if (target.leaf.type !== 'complex') {
        throw invalidFilter(`Failed to apply filter: "${node.attribute.path}[…]" needs a complex attribute.`);
      }
      return target.values.some((element) => evaluate(node.filter, elementScope(element, target.leaf)));
    }
  }
}

/** Does `resource` match `filter`? Throws `400 invalidFilter` for operator/type combinations the RFC forbids. */
export function matches(resource: JsonObject, filter: FilterNode, rt: ResourceTypeDefinition): boolean {
  return evaluate(filter, resourceScope(resource, rt));
}

/**
 * Does one element of a complex attribute (an `emails` entry, the `manager` object) match a value-path
 * filter? Used by PATCH for `emails[type eq "work"]`-style paths.
 */
export function matchesElement(element: JsonValue, filter: FilterNode, parent: AttributeDefinition): boolean {
  return evaluate(filter, elementScope(element, parent));
}
