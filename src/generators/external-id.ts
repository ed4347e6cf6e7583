/**
 * externalId values (Entra maps mailNickname, or the objectId when remapped, catalog U-04). externalId is
 * `caseExact: true` (RFC 7643 §3.1), so case variants are different values and a filter must find exactly the value
 * stored. Every value starts with the run marker.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-3.1
 */
import fc from 'fast-check';
import { markedPrefix, type MarkedConstraints } from './run-marker.js';
import { trickyText } from './_internals/tricky-text.js';

export interface ExternalIdConstraints extends MarkedConstraints {
  /** Most graphemes after the marker. @defaultValue 20 */
  maxLength?: number;
  /** Toggle the case of letters after the marker. @defaultValue true */
  caseVariants?: boolean;
  /** Allow any printable unicode grapheme after the marker. @defaultValue true */
  unicode?: boolean;
}

export function externalId(constraints: ExternalIdConstraints): fc.Arbitrary<string> {
  const prefix = markedPrefix(constraints);
  const core = trickyText({ minLength: 1, maxLength: constraints.maxLength ?? 20, unicode: constraints.unicode });
  return ((constraints.caseVariants ?? true) ? fc.mixedCase(core) : core).map((text) => `${prefix}${text}`);
}
