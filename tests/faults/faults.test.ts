// Prove the suites can fail, and fail for the right reason: against the reference server with exactly one fault
// injected, every behaviour the fault breaks (its hand-written `breaks` list) has a failing test, every other failing
// test says `setup:` (it could not create what it needed), an Entra-breaking fault blocks the run and a fault that
// Entra tolerates produces warnings only.
import { describe, expect, it } from 'vitest';
import { describeTests, limiter, runAgainst } from '../variants/run-variant.js';
import { MODIFIERS } from './modifiers.js';

// Each case is a whole CLI run (CPU-bound): two at a time, on a machine shared with other runs.
const limit = limiter(2);

describe('one injected fault → the behaviours it breaks fail, anything else only as setup:', () => {
  it.concurrent.each(Object.entries(MODIFIERS))(
    '%s',
    async (_name, modifier) => {
      const { run, tests, blocking, warnings } = await limit(() => runAgainst(() => [modifier.fault]));
      expect(run.results, run.stderr).toBeDefined();
      const failing = [...blocking, ...warnings];
      const failingIds = new Set(failing.map((t) => t.behaviour));
      const unbroken = modifier.breaks.filter((id) => !failingIds.has(id));
      expect(unbroken, `behaviours the fault breaks but no test failed:\n${describeTests(failing)}`).toEqual([]);
      const stray = failing.filter(
        (t) => !modifier.breaks.includes(t.behaviour) && !t.failure?.message.startsWith('setup:'),
      );
      expect(
        stray.map((t) => t.name),
        `failing tests outside the fault's breaks list (not setup:):\n${describeTests(stray)}`,
      ).toEqual([]);
      for (const test of failing) {
        expect(test.failure?.message, test.name).toBeTruthy();
        expect(test.failure?.kind, test.name).toBe('conformance');
      }
      if (modifier.blocks) {
        expect(blocking.length, 'an Entra-breaking fault must block the run').toBeGreaterThan(0);
        expect(run.code).toBe(1);
      } else {
        expect(
          blocking.map((t) => t.name),
          `a fault Entra tolerates must not block:\n${describeTests(blocking)}`,
        ).toEqual([]);
        expect(run.code, 'warnings alone do not fail the run (--fail-on required)').toBe(0);
      }
      expect(run.results!.cleanup.leftBehind).toEqual([]);
      expect(tests.length).toBeGreaterThan(0);
    },
    600_000,
  );
});
