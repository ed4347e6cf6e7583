/**
 * The two random choices of a run, made once where a run starts (a CLI run in src/runner/plan.ts, a vendor's own
 * vitest run in src/harness/config.ts): the run id that marks every name the run creates (so `scim-conformance
 * cleanup` finds leftovers) and the seed every generated value derives from (src/entra/names.ts).
 */
import { randomBytes, randomInt } from 'node:crypto';

export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

export function newSeed(): number {
  return randomInt(0, 2 ** 31 - 1);
}
