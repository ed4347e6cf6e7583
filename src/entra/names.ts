/**
 * Names and example values of everything a test sends. Each name starts with the run marker `scimc-<runId>` so
 * that it never collides with, matches or touches data the run did not create, and `scim-conformance cleanup` can
 * find leftovers.
 *
 * Every value is derived from (run seed, test name, how many values the test asked for before): the same `--seed`
 * sends byte-identical requests apart from the run marker, whichever other tests run and in whatever order
 * (tests run concurrently), and a different seed sends different values. No `Math.random` (a project test greps
 * for it). Values are unique to their test: the test's tag (a hash of seed and test name) is part of every name,
 * so a server that keeps e-mail addresses unique (RFC 7644 §3.3 allows uniqueness on any attribute) never sees two
 * tests send the same one. Formats and the reasons for them: decisions/test-data.md.
 */
import { createHash } from 'node:crypto';

export function runMarker(runId: string): string {
  return `scimc-${runId}`;
}

/** Domain of every generated e-mail address and userName (example.com is reserved, RFC 2606). */
export const EXAMPLE_DOMAIN = 'conformance.example.com';

/** sha256 of the parts, as bytes: the one source of every derived value (node's crypto, no hand-made PRNG). */
function digest(...parts: Array<string | number>): Buffer {
  return createHash('sha256').update(parts.join('\u0000')).digest();
}

/** Letters and digits only, lower case, `length` characters, from the first bytes of a digest. */
function base36(bytes: Buffer, length: number): string {
  return BigInt(`0x${bytes.subarray(0, 12).toString('hex')}`)
    .toString(36)
    .padStart(length, '0')
    .slice(-length);
}

export class Names {
  /** 8 characters from (seed, test name): what keeps this test's values apart from every other test's. */
  readonly tag: string;
  private count = 0;

  /**
   * @param runId the run marker's id (TargetConfig.runId)
   * @param seed the run seed (--seed)
   * @param scope the test's own name (`<id> <title>`), unique in a run
   */
  constructor(
    readonly runId: string,
    readonly seed = 0,
    readonly scope = '',
  ) {
    this.tag = base36(digest('tag', seed, scope), 8);
  }

  /** The next name part of this test: its tag and a counter, `k3x9a2pq1`, `k3x9a2pq2`, … */
  token(): string {
    this.count += 1;
    return `${this.tag}${this.count.toString(36)}`;
  }

  /** A number in [0, 1) for this test, the next one on each call (same seed and test ⇒ same sequence). */
  random(): number {
    this.count += 1;
    return digest('random', this.seed, this.scope, this.count).readUInt32BE(0) / 2 ** 32;
  }

  /** One of `choices`, drawn with {@link random}. */
  pick<T>(choices: readonly T[]): T {
    if (choices.length === 0) throw new Error('Failed to pick a test value: no choices given.');
    return choices[Math.floor(this.random() * choices.length)]!;
  }

  /** A run-marked label for a set of names (a `sw` filter prefix): `<label><token>`. */
  label(label: string): string {
    return `${label}${this.token()}`;
  }

  /** A userName shaped like an Entra userPrincipalName. */
  userName(label = 'user'): string {
    return `${runMarker(this.runId)}-${label}-${this.token()}@${EXAMPLE_DOMAIN}`;
  }

  /** An e-mail address (work, other, proxy …), run-marked and unique like a userName. */
  email(label = 'mail'): string {
    return this.userName(label);
  }

  externalId(label = 'ext'): string {
    return `${runMarker(this.runId)}-${label}-${this.token()}`;
  }

  groupName(label = 'group'): string {
    return `${runMarker(this.runId)} ${label} ${this.token()}`;
  }

  /** A run-marked display text for a user attribute that is not about format (`title`, `nickName`, …). */
  text(label = 'text'): string {
    return `${runMarker(this.runId)} ${label} ${this.token()}`;
  }

  /**
   * A telephone number in E.164 form, `+1201555` and a line from `0100`–`0199`: `+12015550123` is both RFC 7643
   * §4.1.2's example (as `tel:+1-201-555-0123`) and libphonenumber's example US number, so strict validators
   * accept it, and 555-01xx is reserved for fiction. Different on each call within a test (up to 100 calls).
   */
  phone(): string {
    this.count += 1;
    const line = (digest('phone', this.seed, this.scope).readUInt32BE(0) + this.count) % 100;
    return `+1201555${String(100 + line).padStart(4, '0')}`;
  }

  /** An https URL under the example domain for reference attributes (`profileUrl`, `photos`, `$ref`). */
  url(label = 'ref'): string {
    return `https://${EXAMPLE_DOMAIN}/${runMarker(this.runId)}/${label}/${this.token()}`;
  }

  /**
   * A version-4-shaped GUID (what Entra's Test Connection and objectId look like), from the run seed, not random:
   * same seed, same GUID. Not run-marked; use {@link absent} for a value that must match nothing.
   */
  guid(): string {
    this.count += 1;
    const hex = digest('guid', this.seed, this.scope, this.count).toString('hex');
    const variant = ((parseInt(hex[16]!, 16) & 3) | 8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A value guaranteed to match nothing on the target: the run marker and a GUID. */
  absent(): string {
    return `${runMarker(this.runId)}-absent-${this.guid()}`;
  }
}
