/**
 * Compares one stored value with a filter's compValue according to the attribute's type (RFC 7644
 * §3.4.2.2 operator table, RFC 7643 §2.3 data types):
 * - strings follow the attribute's `caseExact` (userName/displayName ignore case, id/externalId do not —
 *   catalog F-04, U-21); references are case-exact;
 * - booleans accept string spellings on either side, any case (catalog P-10 `roles[primary eq "True"]`, P-13);
 * - dateTime values compare as instants when both parse, so `2024-01-01T00:00:00Z` equals
 *   `2024-01-01T01:00:00+01:00`;
 * - gt/ge/lt/le on boolean or binary attributes are a `400 invalidFilter` (§3.4.2.2).
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import type { AttributeDefinition, JsonValue } from '../../scim/schema-types.js';
import type { CompareOperator, CompareValue } from './ast.js';
import { invalidFilter } from './tokenize.js';

const ORDERING: readonly CompareOperator[] = ['gt', 'ge', 'lt', 'le'];
const SUBSTRING: readonly CompareOperator[] = ['co', 'sw', 'ew'];

/** Throws `invalidFilter` when `operator` is not defined for the attribute's type. */
export function assertOperatorApplies(operator: CompareOperator, definition: AttributeDefinition, path: string): void {
  const type = definition.type;
  if (ORDERING.includes(operator) && (type === 'boolean' || type === 'binary')) {
    throw invalidFilter(
      `Failed to apply filter: "${operator}" is not defined for the ${type} attribute "${path}" (RFC 7644 §3.4.2.2).`,
    );
  }
  if (SUBSTRING.includes(operator) && (type === 'boolean' || type === 'integer' || type === 'decimal')) {
    throw invalidFilter(`Failed to apply filter: "${operator}" needs a string attribute, but "${path}" is ${type}.`);
  }
  if (type === 'complex') {
    throw invalidFilter(
      `Failed to apply filter: "${path}" is a complex attribute without a "value" sub-attribute; name a sub-attribute.`,
    );
  }
}

/** `"True"`, `"false"`… (any case) and booleans → boolean; anything else → undefined. */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

function order(a: number | string, b: number | string, operator: CompareOperator): boolean {
  switch (operator) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    default:
      return false;
  }
}

function compareStrings(actual: string, expected: string, operator: CompareOperator, caseExact: boolean): boolean {
  const a = caseExact ? actual : actual.toLowerCase();
  const e = caseExact ? expected : expected.toLowerCase();
  switch (operator) {
    case 'co':
      return a.includes(e);
    case 'sw':
      return a.startsWith(e);
    case 'ew':
      return a.endsWith(e);
    default:
      return order(a, e, operator);
  }
}

/** Does the stored `actual` satisfy `actual <operator> expected`? (`ne` is handled by the caller as ¬eq.) */
export function compareValue(
  actual: JsonValue,
  expected: CompareValue,
  operator: CompareOperator,
  definition: AttributeDefinition,
): boolean {
  if (actual === null || expected === null) return false;
  switch (definition.type) {
    case 'boolean': {
      const a = toBoolean(actual);
      const e = toBoolean(expected);
      return a !== undefined && e !== undefined && order(Number(a), Number(e), operator);
    }
    case 'integer':
    case 'decimal': {
      const a = typeof actual === 'number' ? actual : typeof actual === 'string' ? Number(actual) : NaN;
      const e = typeof expected === 'number' ? expected : Number(expected);
      return !Number.isNaN(a) && !Number.isNaN(e) && order(a, e, operator);
    }
    case 'dateTime': {
      if (typeof actual !== 'string' || typeof expected !== 'string') return false;
      const a = Date.parse(actual);
      const e = Date.parse(expected);
      if (!SUBSTRING.includes(operator) && !Number.isNaN(a) && !Number.isNaN(e)) return order(a, e, operator);
      return compareStrings(actual, expected, operator, true);
    }
    default: {
      if (typeof actual !== 'string' || typeof expected !== 'string') return false;
      const caseExact = definition.caseExact || definition.type === 'reference';
      return compareStrings(actual, expected, operator, caseExact);
    }
  }
}
