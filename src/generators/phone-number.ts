/**
 * Phone numbers in the shapes directories hold them: bare digits (`55555555555`, Microsoft's own example),
 * E.164 (`+14255550100`), formatted with spaces, dashes, dots and parentheses, with an extension. SCIM stores them
 * as strings; the endpoint must not reformat them (catalog U-12: `55555555555` must not come back as
 * `+5 (555) 555-5555`).
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-4.1.2
 */
import fc from 'fast-check';

export interface PhoneNumberConstraints {
  /** Shapes to draw from. @defaultValue all of "digits", "e164", "formatted", "extension" */
  shapes?: ReadonlyArray<'digits' | 'e164' | 'formatted' | 'extension'>;
}

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

export function phoneNumber(constraints: PhoneNumberConstraints = {}): fc.Arbitrary<string> {
  const shapes = constraints.shapes ?? ['digits', 'e164', 'formatted', 'extension'];
  const formatted = fc
    .tuple(digits(1, 3), digits(2, 4), digits(3, 4), digits(3, 4), fc.constantFrom(' ', '-', '.'), fc.boolean())
    .map(([country, area, a, b, sep, parens]) => `+${country} ${parens ? `(${area})` : area} ${a}${sep}${b}`);
  const byShape = {
    digits: digits(4, 15),
    e164: digits(7, 14).map((d) => `+${d}`),
    formatted,
    extension: fc.tuple(formatted, digits(1, 5), fc.constantFrom(' ext. ', ' x', ';ext=')).map(([n, ext, sep]) => `${n}${sep}${ext}`),
  };
  if (shapes.length === 0) throw new Error('Failed to build phone numbers: give at least one shape.');
  return fc.oneof(...shapes.map((shape) => byShape[shape]));
}
