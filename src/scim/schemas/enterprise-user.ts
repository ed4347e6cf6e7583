/**
 * The RFC 7643 §4.3 Enterprise User extension (urn:ietf:params:scim:schemas:extension:enterprise:2.0:User).
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-4.3
 */
import type { SchemaDefinition } from '../schema-types.js';
import { URN } from '../urns.js';
import { attribute, complexAttribute, stringAttribute } from './attribute-builders.js';

export const ENTERPRISE_USER_SCHEMA: SchemaDefinition = {
  id: URN.EnterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    stringAttribute('employeeNumber', { description: 'Numeric or alphanumeric identifier assigned to a person.' }),
    stringAttribute('costCenter', { description: 'Identifies the name of a cost center.' }),
    stringAttribute('organization', { description: 'Identifies the name of an organization.' }),
    stringAttribute('division', { description: 'Identifies the name of a division.' }),
    stringAttribute('department', { description: 'Identifies the name of a department.' }),
    complexAttribute(
      'manager',
      [
        stringAttribute('value', { description: "The id of the SCIM resource representing the User's manager." }),
        attribute('$ref', 'reference', {
          description: "The URI of the SCIM resource representing the User's manager.",
          referenceTypes: ['User'],
          caseExact: true,
        }),
        stringAttribute('displayName', {
          description: "The displayName of the User's manager.",
          mutability: 'readOnly',
        }),
      ],
      { description: "The User's manager." },
    ),
  ],
};
