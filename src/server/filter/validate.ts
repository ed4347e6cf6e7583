/**
 * Checks a parsed filter against a resource type before it is run, so that a filter naming an unknown
 * attribute or an operator the attribute's type does not support fails with `400 invalidFilter` even when no
 * resource exists to evaluate it on (RFC 7644 §3.4.2.2: "the specified attribute and filter comparison
 * combination is not supported"; catalog F-09: never answer such a filter with an empty 200).
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import { findAttribute, resolveAttributePath } from '../../scim/attribute-path.js';
import type { AttributeDefinition, ResourceTypeDefinition } from '../../scim/schema-types.js';
import type { FilterNode } from './ast.js';
import { assertOperatorApplies } from './compare.js';
import { invalidFilter } from './tokenize.js';

type Resolve = (path: string) => AttributeDefinition | undefined;

function leafForCompare(definition: AttributeDefinition): AttributeDefinition {
  return definition.type === 'complex' ? (findAttribute(definition.subAttributes, 'value') ?? definition) : definition;
}

function check(node: FilterNode, resolve: Resolve, where: string): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      check(node.left, resolve, where);
      check(node.right, resolve, where);
      return;
    case 'not':
      check(node.filter, resolve, where);
      return;
    case 'present':
    case 'compare':
    case 'valuePath': {
      const definition = resolve(node.attribute.path);
      if (!definition) {
        throw invalidFilter(
          `Failed to apply filter: unknown attribute "${node.attribute.path}"${where} at position ${node.attribute.position}.`,
        );
      }
      if (node.kind === 'compare')
        assertOperatorApplies(node.operator, leafForCompare(definition), node.attribute.path);
      if (node.kind === 'valuePath') {
        if (definition.type !== 'complex') {
          throw invalidFilter(
            `Failed to apply filter: "${node.attribute.path}[…]" needs a complex attribute, but it is ${definition.type}.`,
          );
        }
        check(node.filter, (p) => findAttribute(definition.subAttributes, p), ` in "${node.attribute.path}[…]"`);
      }
      return;
    }
  }
}

export function validateFilter(filter: FilterNode, rt: ResourceTypeDefinition): void {
  check(
    filter,
    (path) => {
      const resolved = resolveAttributePath(path, rt);
      return resolved ? (resolved.subAttribute ?? resolved.attribute) : undefined;
    },
    ` for ${rt.name}`,
  );
}

/** Validates a value-path filter (the bracket of `emails[…]`) against the parent attribute's sub-attributes. */
export function validateValueFilter(filter: FilterNode, parent: AttributeDefinition): void {
  check(filter, (p) => findAttribute(parent.subAttributes, p), ` in "${parent.name}[…]"`);
}
