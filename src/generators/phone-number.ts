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

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** Digits that do not start with 0: a country code or a national number a validating server accepts as one. */
const leading = (min: number, max: number) =>
  fc.tuple(fc.constantFrom(...'123456789'), digits(min - 1, max - 1)).map(([first, rest]) => `${first}${rest}`);

export function phoneNumber(constraints: PhoneNumberConstraints = {}): fc.Arbitrary<string> {
  const shapes = constraints.shapes ?? ['digits', 'e164', 'formatted', 'extension'];
  const formatted = fc
    .tuple(leading(1, 3), leading(2, 4), digits(3, 4), digits(3, 4), fc.constantFrom(' ', '-', '.'), fc.boolean())
    .map(([country, area, a, b, sep, parens]) => `+${country} ${parens ? `(${area})` : area} ${a}${sep}${b}`);
  const byShape = {
    // At least 7 digits, no leading 0 (E.164 allows at most 15; Microsoft's own example is 55555555555).
    digits: leading(7, 15),
    e164: leading(8, 15).map((d) => `+${d}`),
    formatted,
    extension: fc
      .tuple(formatted, digits(1, 5), fc.constantFrom(' ext. ', ' x', ';ext='))
      .map(([n, ext, sep]) => `${n}${sep}${ext}`),
  };
  if (shapes.length === 0) throw new Error('Failed to build phone numbers: give at least one shape.');
  return fc.oneof(...shapes.map((shape) => byShape[shape]));
}
