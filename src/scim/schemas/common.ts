/**
 * RFC 7643 §3.1 common attributes. They belong to every resource but are not part of any schema's
 * `attributes` list (the §8.7.1 representations omit them), so the resolver consults them next to the core
 * schema. `id` is case-exact, read-only and always returned; `externalId` is case-exact (catalog U-04, F-04).
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-3.1
 */
import type { AttributeDefinition } from '../schema-types.js';
import { attribute, complexAttribute, stringAttribute } from './attribute-builders.js';

export const COMMON_ATTRIBUTES: readonly AttributeDefinition[] = [
  stringAttribute('id', {
    description: 'A unique identifier for a SCIM resource as defined by the service provider.',
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  stringAttribute('externalId', {
    description: 'A String that is an identifier for the resource as defined by the provisioning client.',
    caseExact: true,
  }),
  complexAttribute(
    'meta',
    [
      stringAttribute('resourceType', { caseExact: true, mutability: 'readOnly' }),
      attribute('created', 'dateTime', { mutability: 'readOnly' }),
      attribute('lastModified', 'dateTime', { mutability: 'readOnly' }),
      attribute('location', 'reference', { caseExact: true, mutability: 'readOnly', referenceTypes: ['uri'] }),
      stringAttribute('version', { caseExact: true, mutability: 'readOnly' }),
    ],
    { description: 'A complex attribute containing resource metadata.', mutability: 'readOnly' },
  ),
];
