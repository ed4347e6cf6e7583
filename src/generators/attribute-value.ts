/**
 * A value for one Entra mapping target of the profile (`title`, `name.givenName`, `emails[type eq "work"].value`,
 * `addresses[type eq "work"].postalCode`, `urn:…:User:department`, a custom extension attribute …), chosen by what
 * the target is: the schema says which concept it holds, the profile says the type of custom attributes.
 */
import fc from 'fast-check';
import type { Profile } from '../profiles/profile-schema.js';
import { parseTargetPath } from '../entra/target-path.js';
import { addressPart, type AddressPart } from './address.js';
import { attributeText } from './attribute-text.js';
import { email } from './email.js';
import { extensionValue, type ScimValueType } from './extension-value.js';
import { namePart } from './person-name.js';
import { phoneNumber } from './phone-number.js';
import type { MarkedConstraints } from './run-marker.js';

/** Targets no generator writes: identity and state (own generators and commands), references to other users. */
const NOT_GENERATED = new Set(['username', 'active', 'externalid', 'manager', 'password', 'roles', 'groups']);

/** The declared type of a target: custom extension attributes from the profile, everything else string. */
export function targetType(target: string, profile: Profile): ScimValueType {
  const p = parseTargetPath(target);
  const extension = p.urn ? profile.extensions.find((e) => e.urn.toLowerCase() === p.urn!.toLowerCase()) : undefined;
  const attribute = extension?.attributes.find((a) => a.name.toLowerCase() === p.attribute.toLowerCase());
  return attribute?.type ?? profile.users.mappings.find((m) => m.target === target)?.type ?? 'string';
}

/** Mapping targets of the profile's users that generators fill, in profile order. */
export function generatedTargets(profile: Profile): string[] {
  return profile.users.mappings
    .map((m) => m.target)
    .filter((target) => {
      const p = parseTargetPath(target);
      if (NOT_GENERATED.has(p.attribute.toLowerCase())) return false;
      const type = targetType(target, profile);
      return type !== 'reference' && type !== 'binary';
    });
}

/** @param marked when given, e-mail addresses carry the run marker (unique to the run and the property) */
export function attributeValue(target: string, profile: Profile, marked?: MarkedConstraints): fc.Arbitrary<unknown> {
  const p = parseTargetPath(target);
  const attribute = p.attribute.toLowerCase();
  if (p.urn && !/enterprise:2\.0:user$/i.test(p.urn)) return extensionValue(targetType(target, profile));
  if (attribute === 'emails') return email(marked ? { marked } : {});
  if (attribute === 'phonenumbers') return phoneNumber();
  if (attribute === 'addresses') {
    const parts: AddressPart[] = ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country'];
    const part = parts.find((x) => x.toLowerCase() === (p.sub ?? '').toLowerCase()) ?? 'formatted';
    return addressPart(part);
  }
  if (attribute === 'name') return namePart();
  return attributeText();
}
