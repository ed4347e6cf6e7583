/**
 * The `name` complex attribute as Entra fills it (givenName ← givenName, familyName ← surname): apostrophes
 * (O'Neil), hyphens, spaces, particles and any script. `formatted` is added only when asked for, because Entra's
 * default mapping does not send it.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-4.1.1
 */
import fc from 'fast-check';
import { isBlank, trickyText } from './_internals/tricky-text.js';

export interface PersonName {
  givenName: string;
  familyName: string;
  formatted?: string;
}

export interface PersonNameConstraints {
  /** Most graphemes per part. @defaultValue 16 */
  maxLength?: number;
  /** Also generate `formatted` ("<given> <family>"). @defaultValue false */
  formatted?: boolean;
  /** Allow any printable unicode grapheme. @defaultValue true */
  unicode?: boolean;
}

/** Characters found in real names that break naive handling. */
const NAME_SPECIALS = ["'", '-', ' ', '.', ',', '"', '\\'] as const;

/** One part of a name (a given name, a family name). */
export function namePart(constraints: Omit<PersonNameConstraints, 'formatted'> = {}): fc.Arbitrary<string> {
  return trickyText({
    minLength: 1,
    maxLength: constraints.maxLength ?? 16,
    specials: NAME_SPECIALS,
    unicode: constraints.unicode,
  }).filter((t) => !isBlank(t));
}

export function personName(constraints: PersonNameConstraints = {}): fc.Arbitrary<PersonName> {
  return fc
    .record({ givenName: namePart(constraints), familyName: namePart(constraints) })
    .map((name) => (constraints.formatted ? { ...name, formatted: `${name.givenName} ${name.familyName}` } : name));
}
