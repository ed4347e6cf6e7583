/**
 * Address components (Entra: streetAddress → `addresses[type eq "work"].streetAddress`, postalCode, and
 * physicalDeliveryOfficeName → `addresses[type eq "other"].formatted`). Street addresses from Active Directory may
 * span several lines, so a line break is one of the characters generated.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-4.1.2
 */
import fc from 'fast-check';
import { isBlank, trickyText } from './_internals/tricky-text.js';

export type AddressPart = 'formatted' | 'streetAddress' | 'locality' | 'region' | 'postalCode' | 'country';

export interface AddressConstraints {
  /** Most graphemes of free-text parts. @defaultValue 32 */
  maxLength?: number;
  /** Allow any printable unicode grapheme in free-text parts. @defaultValue true */
  unicode?: boolean;
}

const STREET_SPECIALS = ['\n', ',', '#', ' ', "'", '-', '/', '.', '"'] as const;

/** A value for one sub-attribute of an address. */
export function addressPart(part: AddressPart, constraints: AddressConstraints = {}): fc.Arbitrary<string> {
  switch (part) {
    case 'postalCode':
      return fc
        .string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKLMNPRSTUVWXYZ -'), minLength: 3, maxLength: 10 })
        .filter((t) => !isBlank(t));
    case 'country':
      // RFC 7643 §4.1.2: ISO 3166-1 alpha-2 when a code is used.
      return fc.constantFrom('US', 'SE', 'DE', 'GB', 'FR', 'JP', 'NO', 'FI');
    default:
      return trickyText({
        minLength: 1,
        maxLength: constraints.maxLength ?? 32,
        specials: STREET_SPECIALS,
        unicode: constraints.unicode,
      }).filter((t) => !isBlank(t));
  }
}

/** A whole address element with a `type`, as a create body carries it. */
export function address(type: string, constraints: AddressConstraints = {}): fc.Arbitrary<Record<string, string>> {
  return fc
    .record(
      {
        streetAddress: addressPart('streetAddress', constraints),
        locality: addressPart('locality', constraints),
        postalCode: addressPart('postalCode', constraints),
        country: addressPart('country', constraints),
      },
      { requiredKeys: ['streetAddress'] },
    )
    .map((parts) => ({ type, ...parts }));
}
