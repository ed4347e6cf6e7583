/**
 * Test data for an attribute Entra maps, from the run seed: the one value factory of the suites (profile suites,
 * PATCH batches, value-filter paths).
 */
import type { Names } from './names.js';
import { parseProfileTarget } from './target-path.js';

/** What a value is made for: a mapping target, its SCIM type and (for userName) Entra's source attribute. */
export interface ValueTarget {
  target: string;
  type: string;
  source?: string;
}

/** The last name of a path: `emails[type eq "work"].value` → value, `urn:…:User:cardNumber` → cardNumber. */
function leaf(target: string): string {
  const p = parseProfileTarget(target);
  return (p?.sub ?? p?.attribute ?? target).toLowerCase();
}

/** Card numbers, PINs and registration codes (uniFLOW's cardNumber, pin, cardRegistrationCode) are digit strings. */
const DIGITS_ONLY = /^(cardnumber|pin|cardregistrationcode|badgenumber|badgeid)$/;

/** `length` digits for this test, from the run seed. */
function digits(names: Names, length: number): string {
  return Array.from({ length }, (_, i) =>
    i === 0 ? 1 + Math.floor(names.random() * 9) : Math.floor(names.random() * 10),
  ).join('');
}

/**
 * A value for a mapped attribute, different per call, shaped like what Entra would send and derived from the run
 * seed (names.ts): run-marked strings (filters on them can only ever find this run's users), e-mail shapes for
 * e-mails and UPNs, E.164 phone numbers, https URLs for URL and reference attributes, digits for card numbers and
 * PINs, ISO country codes, booleans, numbers and xsd:dateTime by type. Variant `b` never equals variant `a`.
 */
export function profileValue(mapping: ValueTarget, names: Names, variant: 'a' | 'b' = 'a'): unknown {
  const p = parseProfileTarget(mapping.target);
  const name = leaf(mapping.target);
  const attribute = (p?.attribute ?? '').toLowerCase();
  // a ∈ [0, 999], b ∈ [1000, 1999]: the two variants of one attribute always differ.
  const n = () => Math.floor(names.random() * 1000) + (variant === 'b' ? 1000 : 0);
  switch (mapping.type) {
    case 'boolean':
      return variant === 'a';
    case 'integer':
      return 1000 + n();
    case 'decimal':
      return n() + 0.5;
    case 'dateTime':
      return new Date(Date.UTC(2024, 0, 1) + n() * 86_400_000).toISOString().replace('.000Z', 'Z');
    case 'binary':
      return Buffer.from(`scimc ${names.token()}`).toString('base64');
    default:
      break;
  }
  if (attribute === 'username')
    return /mailnickname/i.test(mapping.source ?? '') ? names.externalId('nick') : names.userName(`pm${variant}`);
  if (attribute === 'emails' || /principalname|mail$/i.test(name)) return names.email(`mail${variant}`);
  if (attribute === 'phonenumbers') return names.phone();
  if (name === 'country') return variant === 'a' ? 'NL' : 'BE';
  if (DIGITS_ONLY.test(name)) return digits(names, name === 'pin' ? 6 : 10);
  if (/url$/i.test(name) || mapping.type === 'reference')
    return names.url(name.replace(/[^a-z0-9]/gi, '').slice(0, 12) || 'ref');
  return names.externalId(name.replace(/[^a-z0-9]/gi, '').slice(0, 12) || 'v');
}
