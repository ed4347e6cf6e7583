/**
 * The reference server's resource types for a profile: the RFC 7643 User (with the enterprise extension) and
 * Group, plus every custom extension schema the profile declares, so that `serve --profile X` and
 * `--demo --profile X` advertise and store that app's attributes.
 */
import type { Profile } from '../profiles/profile-schema.js';
import type { AttributeDefinition, ResourceTypeDefinition } from '../scim/schema-types.js';
import { customExtensionSchema, defaultResourceTypes } from '../scim/schema-definitions.js';

export function resourceTypesFor(profile: Profile): ResourceTypeDefinition[] {
  const types = defaultResourceTypes();
  for (const extension of profile.extensions) {
    const type = types.find((t) => t.name === extension.resource);
    if (!type || type.extensions.some((e) => e.schema.id === extension.urn)) continue;
    const attributes: AttributeDefinition[] = extension.attributes.map((a) => ({
      name: a.name,
      type: a.type,
      multiValued: a.multiValued,
      required: a.required,
      caseExact: false,
      mutability: a.returned === 'never' ? 'writeOnly' : 'readWrite',
      returned: a.returned,
      uniqueness: 'none',
      ...(a.description ? { description: a.description } : {}),
    }));
    type.extensions.push({ schema: customExtensionSchema(extension.urn, attributes), required: false });
  }
  return types;
}
