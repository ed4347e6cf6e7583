/**
 * The filter engine of the reference server: parse once, then match resources.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import type { JsonObject, ResourceTypeDefinition } from '../../scim/schema-types.js';
import type { FilterNode } from './ast.js';
import { matches } from './evaluate.js';
import { parseFilter as parseSyntax } from './parse.js';
import { validateFilter } from './validate.js';

export type {
  AttributePathNode,
  CompareNode,
  CompareOperator,
  CompareValue,
  FilterNode,
  LogicalNode,
  NotNode,
  PresentNode,
  ValuePathNode,
} from './ast.js';
export { matchesElement } from './evaluate.js';
export { parseValueFilter } from './parse.js';
export { validateFilter, validateValueFilter } from './validate.js';

/**
 * Parses a filter. With a resource type, also checks that every attribute exists and every operator suits
 * its attribute's type. Throws `ScimError(400, 'invalidFilter', detail)`.
 */
export function parseFilter(text: string, rt?: ResourceTypeDefinition): FilterNode {
  const ast = parseSyntax(text);
  if (rt) validateFilter(ast, rt);
  return ast;
}

/** Does `resource` match `filter` (an AST from `parseFilter`, or filter text)? */
export function matchesFilter(resource: JsonObject, filter: FilterNode | string, rt: ResourceTypeDefinition): boolean {
  return matches(resource, typeof filter === 'string' ? parseFilter(filter, rt) : filter, rt);
}
