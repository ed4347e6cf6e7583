/**
 * Typed AST of an RFC 7644 §3.4.2.2 filter.
 *
 * The non-RFC filter shape `emails[type eq "work"].value eq "x"` (catalog F-08, U-05) is desugared by the
 * parser into `emails[type eq "work" and value eq "x"]`: "some element has type work and value x" is exactly
 * its meaning, so no extra node kind is needed.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */

export type CompareOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

/** RFC 7644 compValue: false / null / true / number / string. */
export type CompareValue = string | number | boolean | null;

/** An attrPath as written (`urn:…:User:manager.value`); resolved against a schema at evaluation time. */
export interface AttributePathNode {
  /** The path text exactly as it appeared in the filter. */
  path: string;
  /** Offset of the path in the filter text, for error messages. */
  position: number;
}

export interface CompareNode {
  kind: 'compare';
  attribute: AttributePathNode;
  operator: CompareOperator;
  value: CompareValue;
}

export interface PresentNode {
  kind: 'present';
  attribute: AttributePathNode;
}

export interface LogicalNode {
  kind: 'and' | 'or';
  left: FilterNode;
  right: FilterNode;
}

export interface NotNode {
  kind: 'not';
  filter: FilterNode;
}

/** `emails[type eq "work"]`: some element of `attribute` matches `filter` (evaluated on its sub-attributes). */
export interface ValuePathNode {
  kind: 'valuePath';
  attribute: AttributePathNode;
  filter: FilterNode;
}

export type FilterNode = CompareNode | PresentNode | LogicalNode | NotNode | ValuePathNode;

export const COMPARE_OPERATORS: readonly CompareOperator[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];
