// Every behaviour id of the catalog is covered by at least one suite test, or listed in src/catalog/unobservable.ts
// with the reason it cannot be observed from outside; never both, and no test carries an id the catalog lacks.
import { beforeAll, describe, expect, it } from 'vitest';
import { allBehaviourIds } from '../src/catalog/behaviours.js';
import { UNOBSERVABLE } from '../src/catalog/unobservable.js';
import { runCli } from './helpers/cli.js';

let tested: Set<string>;
beforeAll(async () => {
  const run = await runCli(['--list']);
  expect(run.code, run.stderr).toBe(0);
  tested = new Set(
    run.stdout
      .split('\n')
      .map((line) => /\s([UFPGDX]-\d\d) /.exec(line)?.[1])
      .filter((id): id is string => Boolean(id)),
  );
}, 60_000);

describe('catalog coverage', () => {
  it('every catalog id is tested or listed as unobservable', () => {
    const missing = allBehaviourIds().filter((id) => !tested.has(id) && !(id in UNOBSERVABLE));
    expect(missing).toEqual([]);
  });

  it('no id is both tested and listed as unobservable', () => {
    expect(Object.keys(UNOBSERVABLE).filter((id) => tested.has(id))).toEqual([]);
  });

  it('every tested id exists in the catalog', () => {
    const known = new Set<string>(allBehaviourIds());
    expect([...tested].filter((id) => !known.has(id))).toEqual([]);
  });

  it('every unobservable entry gives a reason', () => {
    for (const [id, reason] of Object.entries(UNOBSERVABLE)) expect(String(reason).length, id).toBeGreaterThan(20);
  });
});
