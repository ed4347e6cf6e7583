/**
 * Group displayName values: Entra matches groups on displayName (catalog G-02, G-04), compared case-insensitively,
 * and Microsoft lists special characters in the joining value as a known problem (F-05), so names with quotes,
 * ampersands, slashes and any script are exactly what an endpoint must store and find. Every value starts with the
 * run marker, never case-toggled.
 */
import fc from 'fast-check';
import { markedPrefix, type MarkedConstraints } from './run-marker.js';
import { trickyText } from './_internals/tricky-text.js';

export interface GroupDisplayNameConstraints extends MarkedConstraints {
  /** Most graphemes after the marker (Entra group names are at most 256 characters). @defaultValue 24 */
  maxLength?: number;
  /** Toggle the case of letters after the marker. @defaultValue true */
  caseVariants?: boolean;
  /** Allow any printable unicode grapheme after the marker. @defaultValue true */
  unicode?: boolean;
}

const GROUP_SPECIALS = ['"', '\\', "'", '&', '/', ' ', '-', '_', '(', ')', '#', '+', '@', ':', ','] as const;

export function groupDisplayName(constraints: GroupDisplayNameConstraints): fc.Arbitrary<string> {
  const prefix = markedPrefix(constraints);
  const core = trickyText({
    minLength: 1,
    maxLength: constraints.maxLength ?? 24,
    specials: GROUP_SPECIALS,
    unicode: constraints.unicode,
  });
  return ((constraints.caseVariants ?? true) ? fc.mixedCase(core) : core).map((text) => `${prefix}${text}`);
}
