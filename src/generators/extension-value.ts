/**
 * Values for extension attributes by their declared SCIM type (RFC 7643 §2.3), e.g. the attributes of a custom
 * extension listed in the profile. dateTime values are xsd:dateTime strings in UTC; decimals have at most two
 * fraction digits so that their JSON form is stable.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-2.3
 */
import fc from 'fast-check';
import { attributeText } from './attribute-text.js';

export type ScimValueType = 'string' | 'boolean' | 'integer' | 'decimal' | 'dateTime' | 'reference' | 'binary';

export interface ExtensionValueConstraints {
  /** Most graphemes of string values. @defaultValue 24 */
  maxLength?: number;
}

export function extensionValue(
  type: ScimValueType,
  constraints: ExtensionValueConstraints = {},
): fc.Arbitrary<string | number | boolean> {
  switch (type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case 'decimal':
      return fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);
    case 'dateTime':
      return fc
        .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
        .map((d) => `${d.toISOString().slice(0, 19)}Z`);
    case 'reference':
      return fc.webUrl({ withQueryParameters: false, withFragments: false });
    case 'binary':
      return fc.uint8Array({ minLength: 1, maxLength: 24 }).map((bytes) => Buffer.from(bytes).toString('base64'));
    default:
      return attributeText({ maxLength: constraints.maxLength ?? 24 });
  }
}

/** True when two values of `type` mean the same (dateTime compared as instants; everything else exactly). */
export function sameExtensionValue(type: ScimValueType, a: unknown, b: unknown): boolean {
  if (type === 'dateTime' && typeof a === 'string' && typeof b === 'string') return Date.parse(a) === Date.parse(b);
  return a === b;
}
