/**
 * userName values that hunt the bugs fixed examples miss: quotes, backslashes, `+`, `@`, spaces, apostrophes and any
 * unicode grapheme in the local part, upper and lower case mixed (userName is `caseExact: false`, RFC 7643 §4.1.1,
 * catalog U-21), up to the length Entra allows. Every value starts with the run marker, which is never case-toggled,
 * so that cleanup finds what a property created.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-4.1.1
 */
import fc from 'fast-check';
import { markedPrefix, type MarkedConstraints } from './run-marker.js';
import { trickyText } from './_internals/tricky-text.js';

export interface UserNameConstraints extends MarkedConstraints {
  /**
   * `upn`: `<marker><tricky>@<domain>`, shaped like the userPrincipalName Entra maps to userName by default;
   * `free`: `<marker><tricky>` with no domain (apps whose userName is not an e-mail address).
   * @defaultValue "upn"
   */
  shape?: 'upn' | 'free';
  /** Longest value, marker and domain included. Entra limits a userPrincipalName to 113 characters. @defaultValue 113 */
  maxLength?: number;
  /** Toggle the case of letters after the marker (fc.mixedCase). @defaultValue true */
  caseVariants?: boolean;
  /** Allow any printable unicode grapheme after the marker; false keeps to ASCII. @defaultValue true */
  unicode?: boolean;
  /** Domain of the `upn` shape. @defaultValue "conformance.example.com" */
  domain?: string;
}

export function userName(constraints: UserNameConstraints): fc.Arbitrary<string> {
  const prefix = markedPrefix(constraints);
  const shape = constraints.shape ?? 'upn';
  const domain = shape === 'upn' ? `@${constraints.domain ?? 'conformance.example.com'}` : '';
  const maxLength = constraints.maxLength ?? 113;
  // Graphemes can be several UTF-16 units; budget the tricky part in graphemes and check the total after.
  const room = maxLength - prefix.length - domain.length;
  if (room < 1)
    throw new Error(
      `Failed to build userName values: maxLength ${maxLength} leaves no room after "${prefix}" and "${domain}".`,
    );
  // Mostly short values; one in six fills the length limit (ASCII, so that characters count as graphemes).
  // withCrossShrink: a long counterexample may shrink into the short branch, down to one character.
  const core = fc.oneof(
    { withCrossShrink: true },
    { weight: 5, arbitrary: trickyText({ minLength: 1, maxLength: Math.min(room, 24), unicode: constraints.unicode }) },
    { weight: 1, arbitrary: trickyText({ minLength: Math.max(1, room - 4), maxLength: room, unicode: false }) },
  );
  const varied = (constraints.caseVariants ?? true) ? fc.mixedCase(core) : core;
  return fc
    .tuple(varied, (constraints.caseVariants ?? true) ? fc.mixedCase(fc.constant(domain)) : fc.constant(domain))
    .map(([local, at]) => `${prefix}${local}${at}`)
    .filter((value) => [...value].length <= maxLength);
}
