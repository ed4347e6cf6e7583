// Test data (src/entra/names.ts, src/entra/values.ts, catalog §0.1 "test data"): derived from (run seed, test name), so the same seed
// gives the same values whatever else runs; unique to its test; in its attribute's format.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXAMPLE_DOMAIN, Names } from '../../../src/entra/names.js';
import { profileValue } from '../../../src/entra/values.js';
import { loadProfile } from '../../../src/profiles/load.js';
import { ROOT } from '../../helpers/cli.js';

const runId = '0a1b2c3d';
/** Everything a Names can hand out, one call each. */
const steps: Array<(n: Names) => string> = [
  (n) => n.userName(),
  (n) => n.email('work'),
  (n) => n.externalId(),
  (n) => n.groupName(),
  (n) => n.text('title'),
  (n) => n.phone(),
  (n) => n.url(),
  (n) => n.guid(),
  (n) => n.absent(),
  (n) => n.label('page'),
  (n) => n.token(),
  (n) => String(n.random()),
];
const draw = (n: Names) => steps.map((step) => step(n));

describe('determinism', () => {
  it('the same (seed, test name) gives the same values, whatever other tests draw before or in between', () => {
    const alone = draw(new Names(runId, 42, 'P-17 batched update'));
    const others = [new Names(runId, 42, 'U-01 test connection'), new Names(runId, 42, 'G-09 members')];
    others.forEach(draw);
    const interleaved = new Names(runId, 42, 'P-17 batched update');
    const values = steps.map((step) => {
      others.forEach(draw);
      return step(interleaved);
    });
    expect(values).toEqual(alone);
  });

  it('only the run marker changes between two runs of the same seed', () => {
    const a = draw(new Names('11111111', 42, 'U-14 disable')).join('\n');
    const b = draw(new Names('22222222', 42, 'U-14 disable')).join('\n');
    expect(b.replaceAll('22222222', '11111111')).toBe(a);
  });

  it('another seed or another test gives other values', () => {
    const base = draw(new Names(runId, 42, 'U-14 disable'));
    for (const other of [new Names(runId, 43, 'U-14 disable'), new Names(runId, 42, 'U-15 enable')]) {
      const values = draw(other);
      expect(values.filter((v, i) => v === base[i] && !/^\+1201555/.test(v))).toEqual([]);
    }
  });
});

describe('unique to its test', () => {
  it('names and e-mail addresses never repeat within a test or across the tests of a run', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 2, maxLength: 30 }),
        (seed, tests) => {
          const seen = new Set<string>();
          for (const test of tests) {
            const n = new Names(runId, seed, test);
            for (let i = 0; i < 5; i++)
              for (const v of [n.userName(), n.email(), n.externalId(), n.groupName()]) {
                expect(seen.has(v.toLowerCase()), v).toBe(false);
                seen.add(v.toLowerCase());
              }
          }
        },
      ),
      { seed: 5, numRuns: 50 },
    );
  });

  it('every name starts with the run marker followed by "-" or " " (what cleanup looks for)', () => {
    const n = new Names(runId, 1, 'X-01');
    for (const v of [n.userName(), n.email(), n.externalId(), n.groupName(), n.text(), n.absent()])
      expect(v).toMatch(/^scimc-0a1b2c3d[- ]/);
  });
});

describe('in its attribute format', () => {
  const n = new Names(runId, 9, 'formats');
  it('e-mail addresses and userNames are plain addresses at the reserved example domain', () => {
    for (let i = 0; i < 50; i++)
      for (const v of [n.email(`p17old${i}`), n.userName()])
        expect(v).toMatch(new RegExp(`^[a-z0-9.-]+@${EXAMPLE_DOMAIN.replace(/\./g, '\\.')}$`, 'i'));
  });
  it('phone numbers are E.164 (+1 201 555 01xx, fiction numbers) and differ call by call', () => {
    const phones = Array.from({ length: 100 }, () => n.phone());
    for (const p of phones) expect(p).toMatch(/^\+120155501\d\d$/);
    expect(new Set(phones).size).toBe(100);
  });
  it('reference values are absolute https URLs; GUIDs have the version-4 shape', () => {
    expect(new URL(n.url('profileUrl')).protocol).toBe('https:');
    expect(n.guid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('profile values follow the mapping: E.164 phones, digits for card numbers and PINs, URLs, xsd:dateTime, booleans', () => {
    const profile = loadProfile('uniflow-online');
    const names = new Names(runId, 3, 'profile');
    for (const mapping of profile.users.mappings) {
      const a = profileValue(mapping, names, 'a');
      const b = profileValue(mapping, names, 'b');
      expect(a, mapping.target).not.toEqual(b);
      const leaf = mapping.target.split(/[.:]/).pop()!;
      if (/^phoneNumbers/.test(mapping.target)) expect(a).toMatch(/^\+\d{8,15}$/);
      if (/^(cardNumber|pin|cardRegistrationCode)$/.test(leaf)) expect(a, mapping.target).toMatch(/^[1-9]\d+$/);
      if (/^emails/.test(mapping.target)) expect(a).toMatch(/@conformance\.example\.com$/);
      if (mapping.type === 'dateTime') expect(a).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      if (mapping.type === 'boolean') expect(typeof a).toBe('boolean');
    }
  });
});

describe('no Math.random where test data is made', () => {
  const files = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  it.each(['suites', 'src/harness', 'src/generators'])(
    '%s uses the run seed (no Math.random, no crypto.randomUUID)',
    (dir) => {
      const offenders = files(dir).filter((f) =>
        /Math\.random\(|randomUUID\(|randomBytes\(/.test(readFileSync(join(ROOT, f), 'utf8')),
      );
      expect(offenders).toEqual([]);
    },
  );
});
