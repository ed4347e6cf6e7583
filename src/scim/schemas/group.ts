/**
 * The RFC 7643 §8.7.1 core Group schema (urn:ietf:params:scim:schemas:core:2.0:Group) as data.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-4.2
 */
import type { SchemaDefinition } from '../schema-types.js';
import { URN } from '../urns.js';
import { attribute, complexAttribute, stringAttribute } from './attribute-builders.js';

export const GROUP_SCHEMA: SchemaDefinition = {
  id: URN.Group,
  name: 'Group',
  description: 'Group',
  attributes: [
    // @note §4.2 calls displayName REQUIRED; Entra also treats it as the unique matching key (catalog G-04),
    // which the server enforces; the schema keeps RFC uniqueness "none".
    stringAttribute('displayName', { description: 'A human-readable name for the Group.', required: true }),
    complexAttribute(
      'members',
      [
        stringAttribute('value', { description: 'Identifier of the member of this Group.', mutability: 'immutable' }),
        attribute('$ref', 'reference', {
          description: 'The URI corresponding to a SCIM resource that is a member of this Group.',
          referenceTypes: ['User', 'Group'],
          caseExact: true,
          mutability: 'immutable',
        }),
        stringAttribute('type', {
          description: 'A label indicating the type of resource, e.g., User or Group.',
          canonicalValues: ['User', 'Group'],
          mutability: 'immutable',
        }),
        // @note Not in §8.7.1 but sent by clients (catalog G-06) and returned by most servers.
        stringAttribute('display', { description: 'A human-readable name for the member.', mutability: 'immutable' }),
      ],
      { multiValued: true, description: 'A list of members of the Group.' },
    ),
  ],
};
