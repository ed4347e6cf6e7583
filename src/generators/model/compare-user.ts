/**
 * Compares a user read back from the target with the expected state (what was sent, or the model's state after a
 * PATCH), on the attributes Entra writes: userName, externalId, active and the profile's mapping targets.
 * Server-assigned and unsent attributes (id, meta, schemas, groups, name.formatted …) are ignored. Values must be
 * equal exactly: no case change, trimming or reformatting (catalog U-12, M-16) — except the case of userName, which
 * RFC 7643 §7 lets a server alter (caseExact=false; judged by U-21 alone, recommended, catalog §0.1); a cleared
 * attribute may read as absent, null, "" or [] (U-27); a filtered element must exist once (P-09).
 */
import type { Profile } from '../../profiles/profile-schema.js';
import { isCleared, matchingElements, storedValue } from '../../entra/read.js';
import { parseTargetPath } from '../../entra/target-path.js';
import { targetType } from '../attribute-value.js';
import { sameExtensionValue } from '../extension-value.js';

export interface Difference {
  path: string;
  expected: unknown;
  actual: unknown;
  /** Why it matters, when it is not a plain value difference. */
  note?: string;
}

const IDENTITY = ['userName', 'externalId', 'active'];

export function userDifferences(
  actual: unknown,
  expected: unknown,
  targets: readonly string[],
  profile: Profile,
): Difference[] {
  const out: Difference[] = [];
  for (const path of [...IDENTITY, ...targets]) {
    const want = storedValue(expected, path);
    const got = storedValue(actual, path);
    if (isCleared(want) && isCleared(got)) continue;
    const caseOnly =
      path === 'userName' &&
      typeof got === 'string' &&
      typeof want === 'string' &&
      got.toLowerCase() === want.toLowerCase();
    const same = caseOnly || sameExtensionValue(targetType(path, profile), got, want);
    if (!same) {
      out.push({ path, expected: want ?? '(absent)', actual: got ?? '(absent)' });
      continue;
    }
    const p = parseTargetPath(path);
    if (p.filter) {
      const count = matchingElements(actual, p).length;
      if (matchingElements(expected, p).length === 1 && count !== 1)
        out.push({
          path,
          expected: 'one element',
          actual: `${count} elements`,
          note: `"type" values must be unique; ${count} elements match ${path.split('.')[0]} (catalog P-09)`,
        });
    }
  }
  return out;
}

/** "title: expected "A" but read "a"; …" for messages. */
export function describeDifferences(differences: readonly Difference[]): string {
  return differences
    .map((d) => d.note ?? `${d.path}: expected ${JSON.stringify(d.expected)} but read ${JSON.stringify(d.actual)}`)
    .join('; ');
}
