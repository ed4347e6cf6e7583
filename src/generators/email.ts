/**
 * E-mail addresses as Entra sends them (mail → `emails[type eq "work"].value`, proxyAddresses → `other`): dots,
 * `+tag` sub-addressing, apostrophes and upper case in the local part and the domain. The endpoint must not
 * lower-case or otherwise normalise them (catalog U-12, M-16).
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-4.1.2
 */
import fc from 'fast-check';
import { markedPrefix, type MarkedConstraints } from './run-marker.js';

export interface EmailConstraints {
  /** Most characters of the local part. @defaultValue 24 */
  maxLocalLength?: number;
  /** Toggle the case of letters. @defaultValue true */
  caseVariants?: boolean;
  /** Domains to use (reserved ones, RFC 2606). @defaultValue ["conformance.example.com", "example.org"] */
  domains?: readonly string[];
  /**
   * Start the local part with the run marker (`scimc-<runId>-<label>-`, never case-toggled), so that a server that
   * keeps e-mail addresses unique (RFC 7644 §3.3) does not see another test's or another run's address.
   * @defaultValue unmarked
   */
  marked?: MarkedConstraints;
}

const LOCAL_UNITS = [...'abcdefghijklmnopqrstuvwxyz0123456789', '.', '+', "'", '-', '_'];

export function email(constraints: EmailConstraints = {}): fc.Arbitrary<string> {
  const domains = constraints.domains ?? ['conformance.example.com', 'example.org'];
  // A local part never starts or ends with a dot and has no two dots in a row (RFC 5321 dot-atom).
  const local = fc
    .string({ unit: fc.constantFrom(...LOCAL_UNITS), minLength: 1, maxLength: constraints.maxLocalLength ?? 24 })
    .filter((l) => !l.startsWith('.') && !l.endsWith('.') && !l.includes('..'));
  const address = fc.tuple(local, fc.constantFrom(...domains)).map(([l, d]) => `${l}@${d}`);
  const varied = (constraints.caseVariants ?? true) ? fc.mixedCase(address) : address;
  const prefix = constraints.marked ? markedPrefix(constraints.marked) : '';
  return prefix ? varied.map((a) => `${prefix}${a}`) : varied;
}
