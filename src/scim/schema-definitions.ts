/**
 * The schemas and resource types the reference server serves, as data (RFC 7643 §7, §8.7).
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-8.7.1
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-6
 */
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from './schema-types.js';
import { stringAttribute } from './schemas/attribute-builders.js';
import { ENTERPRISE_USER_SCHEMA } from './schemas/enterprise-user.js';
import { GROUP_SCHEMA } from './schemas/group.js';
import { USER_SCHEMA } from './schemas/user.js';

export { COMMON_ATTRIBUTES } from './schemas/common.js';
export { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA };
export { attribute, complexAttribute, stringAttribute } from './schemas/attribute-builders.js';

/**
 * A custom extension schema, e.g. `urn:ietf:params:scim:schemas:extension:uniFLOWOnline:2.0:User` with
 * `cardNumber`. Attributes given as plain names become single-valued, case-insensitive, readWrite strings,
 * the only kind a non-gallery Entra app can map (catalog X-10).
 */
export function customExtensionSchema(
  urn: string,
  attributes: ReadonlyArray<string | AttributeDefinition>,
  name?: string,
): SchemaDefinition {
  return {
    id: urn,
    name: name ?? customSchemaName(urn),
    description: `Custom extension ${urn}`,
    attributes: attributes.map((a) => (typeof a === 'string' ? stringAttribute(a) : a)),
  };
}

/** `urn:…:extension:uniFLOWOnline:2.0:User` → `uniFLOWOnline`. */
function customSchemaName(urn: string): string {
  const parts = urn.split(':');
  const version = parts.findIndex((p) => /^\d+\.\d+$/.test(p));
  return (version > 0 ? parts[version - 1] : parts.at(-1)) ?? urn;
}

/**
 * User (core + optional enterprise extension, plus any custom extensions) and Group.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-8.6
 */
export function defaultResourceTypes(
  options: { userExtensions?: SchemaDefinition[]; groupExtensions?: SchemaDefinition[] } = {},
): [user: ResourceTypeDefinition, group: ResourceTypeDefinition] {
  return [
    {
      name: 'User',
      endpoint: '/Users',
      description: 'User Account',
      schema: USER_SCHEMA,
      extensions: [
        { schema: ENTERPRISE_USER_SCHEMA, required: false },
        ...(options.userExtensions ?? []).map((schema) => ({ schema, required: false })),
      ],
    },
    {
      name: 'Group',
      endpoint: '/Groups',
      description: 'Group',
      schema: GROUP_SCHEMA,
      extensions: (options.groupExtensions ?? []).map((schema) => ({ schema, required: false })),
    },
  ];
}
