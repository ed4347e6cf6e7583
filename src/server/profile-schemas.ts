/**
 * The reference server's resource types for a profile: the RFC 7643 User (with the enterprise extension) and
 * Group, plus every custom extension schema the profile declares, so that `serve --profile X` and
 * `--demo --profile X` advertise and store that app's attributes. The reference server then behaves like the app
 * as documented:
 * - attributes the profile marks required are required (a create without them answers 400, catalog U-09);
 *   `externalId`, a common attribute, is then listed in the core schema so that it can carry `required`;
 * - a mapped core attribute or sub-attribute that RFC 7643 does not define (MediusFlow's `name.displayName`) is
 *   added as a string, so that it is stored and discoverable;
 * - every `type` value a mapping filters on (`phoneNumbers[type eq "mobile"]`) is in that attribute's
 *   canonicalValues, so that Entra's gallery flattening finds the path (catalog D-11).
 */
import type { AttributeMapping, Profile } from '../profiles/profile-schema.js';
import { parseProfileTarget } from '../entra/target-path.js';
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from '../scim/schema-types.js';
import {
  COMMON_ATTRIBUTES,
  customExtensionSchema,
  defaultResourceTypes,
  stringAttribute,
} from '../scim/schema-definitions.js';

export function resourceTypesFor(profile: Profile): ResourceTypeDefinition[] {
  const copy = (t: ResourceTypeDefinition): ResourceTypeDefinition => ({
    ...t,
    schema: clone(t.schema),
    extensions: t.extensions.map((e) => ({ ...e, schema: clone(e.schema) })),
  });
  const [defaultUser, defaultGroup] = defaultResourceTypes();
  const user = copy(defaultUser);
  const group = copy(defaultGroup);
  const types = [user, group];
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
    type.extensions.push({ schema: customExtensionSchema(extension.urn, attributes, extension.name), required: false });
  }
  for (const mapping of profile.users.mappings) applyMapping(user, mapping);
  if (profile.resources === 'users+groups') for (const mapping of profile.groups.mappings) applyMapping(group, mapping);
  return types;
}

function clone(schema: SchemaDefinition): SchemaDefinition {
  return structuredClone(schema);
}

const byName = (list: AttributeDefinition[] | undefined, name: string) =>
  list?.find((a) => a.name.toLowerCase() === name.toLowerCase());

/** Makes the resource type carry one mapped attribute the way the profile describes it. */
function applyMapping(type: ResourceTypeDefinition, mapping: AttributeMapping): void {
  const path = parseProfileTarget(mapping.target);
  if (!path) return;
  let attributes: AttributeDefinition[];
  if (path.urn && path.urn.toLowerCase() !== type.schema.id.toLowerCase()) {
    const extension = type.extensions.find((e) => e.schema.id.toLowerCase() === path.urn!.toLowerCase());
    if (!extension) return;
    attributes = extension.schema.attributes;
  } else attributes = type.schema.attributes;

  let attribute = byName(attributes, path.attribute);
  if (!attribute) {
    const common = COMMON_ATTRIBUTES.find((a) => a.name.toLowerCase() === path.attribute.toLowerCase());
    if (common?.mutability === 'readOnly') return;
    if (common && !mapping.required) return; // common attributes are listed only when the profile requires them
    attribute = common
      ? structuredClone(common)
      : path.filter || path.sub
        ? { ...stringAttribute(path.attribute), type: 'complex', multiValued: Boolean(path.filter), subAttributes: [] }
        : stringAttribute(path.attribute, {
            description: `Mapped by the profile (${mapping.target}); not defined by RFC 7643.`,
          });
    attributes.push(attribute);
  }
  if (path.filter && attribute.type === 'complex') {
    const subs = (attribute.subAttributes ??= []);
    let typeSub = byName(subs, path.filter.attribute);
    if (!typeSub) subs.push((typeSub = stringAttribute(path.filter.attribute, { canonicalValues: [] })));
    const value = String(path.filter.value);
    if (
      path.filter.attribute.toLowerCase() === 'type' &&
      !(typeSub.canonicalValues ?? []).some((v) => v.toLowerCase() === value.toLowerCase())
    )
      typeSub.canonicalValues = [...(typeSub.canonicalValues ?? []), value];
  }
  if (path.sub && attribute.type === 'complex') {
    const subs = (attribute.subAttributes ??= []);
    const sub = byName(subs, path.sub);
    if (!sub)
      subs.push(
        stringAttribute(path.sub, {
          description: `Mapped by the profile (${mapping.target}); not defined by RFC 7643.`,
        }),
      );
    else if (mapping.required && !path.filter) sub.required = true;
    return;
  }
  if (mapping.required) attribute.required = true;
}
