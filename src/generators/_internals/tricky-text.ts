/**
 * @internal
 * The text every string generator is built from: mostly letters and digits, often one of the characters that break
 * real SCIM endpoints (a quote, a backslash, `+`, `@`, a space, an apostrophe …), sometimes any printable unicode
 * grapheme (combining sequences, astral plane, right-to-left). Units are whole graphemes, so shrinking removes or
 * simplifies one visible character at a time and never splits a surrogate pair.
 *
 * WARNING: graphemes are NFC-normalised. JSON does not normalise, and an endpoint that stores NFD would be wrong
 * (catalog U-12), but databases that normalise to NFC are common and harmless for Entra, so we do not hunt them.
 */
import fc from 'fast-check';

/** Characters that break quoting, escaping, URL encoding or e-mail parsing (catalog F-02, F-05, M-19). */
export const SPECIAL_CHARACTERS = [
  '"',
  '\\',
  "'",
  '+',
  '@',
  ' ',
  '%',
  '&',
  '#',
  '.',
  '-',
  '_',
  '(',
  ')',
  ',',
  ';',
] as const;

export interface TrickyTextConstraints {
  /** Fewest units (graphemes). @defaultValue 0 */
  minLength?: number;
  /** Most units (graphemes). @defaultValue 16 */
  maxLength?: number;
  /** Characters to draw the "special" units from. @defaultValue {@link SPECIAL_CHARACTERS} */
  specials?: readonly string[];
  /** Allow any printable unicode grapheme; false keeps to ASCII. @defaultValue true */
  unicode?: boolean;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');

/** One unit of tricky text. */
export function trickyUnit(
  constraints: Pick<TrickyTextConstraints, 'specials' | 'unicode'> = {},
): fc.Arbitrary<string> {
  const specials = constraints.specials ?? SPECIAL_CHARACTERS;
  const arbitraries: Array<fc.WeightedArbitrary<string>> = [{ weight: 4, arbitrary: fc.constantFrom(...ALNUM) }];
  if (specials.length > 0) arbitraries.push({ weight: 3, arbitrary: fc.constantFrom(...specials) });
  if (constraints.unicode ?? true)
    arbitraries.push({
      weight: 1,
      arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).map((g) => g.normalize('NFC')),
    });
  return fc.oneof(...arbitraries);
}

/** A string of tricky units. */
export function trickyText(constraints: TrickyTextConstraints = {}): fc.Arbitrary<string> {
  const minLength = constraints.minLength ?? 0;
  const maxLength = constraints.maxLength ?? 16;
  if (minLength > maxLength)
    throw new Error(`Failed to build tricky text: minLength ${minLength} is larger than maxLength ${maxLength}.`);
  return fc.string({ unit: trickyUnit(constraints), minLength, maxLength });
}

/** True when a value would be read as "no value" by a server (empty or whitespace only, catalog U-27). */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}
