/**
 * Values of single-valued string attributes (displayName, title, department, employeeNumber …): never blank, often
 * with a quote, a backslash, an apostrophe, a leading space (Entra sends `" User X"` verbatim, catalog P-03) or a
 * non-ASCII grapheme. The endpoint must store and return them exactly (catalog U-12).
 */
import fc from 'fast-check';
import { isBlank, trickyText } from './_internals/tricky-text.js';

export interface AttributeTextConstraints {
  /** Fewest graphemes. @defaultValue 1 */
  minLength?: number;
  /** Most graphemes. @defaultValue 24 */
  maxLength?: number;
  /** Allow any printable unicode grapheme; false keeps to ASCII. @defaultValue true */
  unicode?: boolean;
}

export function attributeText(constraints: AttributeTextConstraints = {}): fc.Arbitrary<string> {
  return trickyText({
    minLength: Math.max(1, constraints.minLength ?? 1),
    maxLength: constraints.maxLength ?? 24,
    unicode: constraints.unicode,
  }).filter((text) => !isBlank(text));
}
