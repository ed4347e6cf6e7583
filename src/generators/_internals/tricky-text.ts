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

// Arbitraries are immutable: what they generate depends only on the random source they are given, so one built for
// some constraints serves every later call with the same constraints (the generators build them per call, inside
// property cases: building them anew was ~2 % of a run's CPU). Few distinct constraints occur, so the caches stay small.
let alnum: fc.Arbitrary<string> | undefined;
let grapheme: fc.Arbitrary<string> | undefined;
const units = new Map<string, fc.Arbitrary<string>>();
const texts = new Map<string, fc.Arbitrary<string>>();

function unitKey(constraints: Pick<TrickyTextConstraints, 'specials' | 'unicode'>): string {
  return JSON.stringify([constraints.unicode ?? true, constraints.specials ?? SPECIAL_CHARACTERS]);
}

/** One unit of tricky text. */
export function trickyUnit(
  constraints: Pick<TrickyTextConstraints, 'specials' | 'unicode'> = {},
): fc.Arbitrary<string> {
  const key = unitKey(constraints);
  const known = units.get(key);
  if (known) return known;
  const specials = constraints.specials ?? SPECIAL_CHARACTERS;
  alnum ??= fc.constantFrom(...ALNUM);
  const arbitraries: Array<fc.WeightedArbitrary<string>> = [{ weight: 4, arbitrary: alnum }];
  if (specials.length > 0) arbitraries.push({ weight: 3, arbitrary: fc.constantFrom(...specials) });
  if (constraints.unicode ?? true) {
    grapheme ??= fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).map((g) => g.normalize('NFC'));
    arbitraries.push({ weight: 1, arbitrary: grapheme });
  }
  const unit = fc.oneof(...arbitraries);
  units.set(key, unit);
  return unit;
}

/** A string of tricky units. */
export function trickyText(constraints: TrickyTextConstraints = {}): fc.Arbitrary<string> {
  const minLength = constraints.minLength ?? 0;
  const maxLength = constraints.maxLength ?? 16;
  if (minLength > maxLength)
    throw new Error(`Failed to build tricky text: minLength ${minLength} is larger than maxLength ${maxLength}.`);
  const key = `${minLength} ${maxLength} ${unitKey(constraints)}`;
  const known = texts.get(key);
  if (known) return known;
  const text = fc.string({ unit: trickyUnit(constraints), minLength, maxLength });
  texts.set(key, text);
  return text;
}

/** True when a value would be read as "no value" by a server (empty or whitespace only, catalog U-27). */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}
