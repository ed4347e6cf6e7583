/**
 * Small builders for RFC 7643 §7 attribute definitions. They fill in the RFC 7643 §2.2 defaults
 * (required false, caseExact false, mutability readWrite, returned default, uniqueness none) so that the
 * schema files read like the §8.7.1 representation without repeating every characteristic.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-2.2
 */
import type { AttributeDefinition, AttributeType } from '../schema-types.js';

export type AttributeOptions = Partial<Omit<AttributeDefinition, 'name' | 'type' | 'subAttributes'>>;

export function attribute(name: string, type: AttributeType, options: AttributeOptions = {}): AttributeDefinition {
  return {
    name,
    type,
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

export function stringAttribute(name: string, options: AttributeOptions = {}): AttributeDefinition {
  return attribute(name, 'string', options);
}

export function complexAttribute(
  name: string,
  subAttributes: AttributeDefinition[],
  options: AttributeOptions = {},
): AttributeDefinition {
  return { ...attribute(name, 'complex', options), subAttributes };
}

/**
 * The value/display/type/primary quartet used by most RFC 7643 §4.1.2 multi-valued attributes
 * (emails, phoneNumbers, ims, photos, entitlements, roles, x509Certificates).
 */
export function multiValuedQuartet(
  name: string,
  description: string,
  options: { valueType?: AttributeType; canonicalTypes?: string[]; referenceTypes?: string[] } = {},
): AttributeDefinition {
  const value = attribute('value', options.valueType ?? 'string', {
    description: `The value of the ${name} entry.`,
    ...(options.referenceTypes ? { referenceTypes: options.referenceTypes, caseExact: true } : {}),
  });
  const type = stringAttribute('type', {
    description: `A label indicating the ${name} entry's function.`,
    ...(options.canonicalTypes ? { canonicalValues: options.canonicalTypes } : {}),
  });
  return complexAttribute(
    name,
    [
      value,
      stringAttribute('display', { description: 'A human-readable name, primarily used for display purposes.' }),
      type,
      attribute('primary', 'boolean', { description: `Indicates the 'primary' or preferred ${name} entry.` }),
    ],
    { multiValued: true, description },
  );
}
