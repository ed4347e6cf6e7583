// Detection at the default budget (issue 19, decisions/request-budget.md "Third step"): with no --num-runs, each
// fault of property-faults.ts makes its property fail for every seed, on one of the property's hand-picked examples
// (so not by the luck of the random cases), and without the fault the whole properties suite passes for the same
// seeds. Each fault run selects only its property with --grep, to stay cheap.
import { afterAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.js';
import type { ServerFault } from '../../src/server/app.js';
import { failedJudgement, failedNames, runCli } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';
import { adjacentEscapesMisread, spacesStrippedFromUserNames, updateReactivates } from './property-faults.js';

const SEEDS = ['1', '2', '7'];

// A stateful property's requests: its example (U-12: create, disable, update, delete; G-18: a user, a group, add,
// disable, remove, cleanup) plus one random case, bounded by its request budget (suites/properties/lifecycle.test.ts,
// src/harness/lifecycle/budget.ts), whatever the seed.
const STATEFUL_AT_MOST: Record<string, number> = { 'U-12 stateful': 8 + 10, 'G-18 stateful': 12 + 10 };

const servers: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function run(faults: ServerFault[], seed: string, extra: string[] = []) {
  const target = await startTarget(faults);
  servers.push(target);
  const cli = await runCli(
    ['--url', target.url, '--reporter', 'json', '--seed', seed, '--suite', 'properties', ...extra],
    { env: { SCIM_TOKEN: TEST_TOKEN }, timeoutMs: 120_000 },
  );
  expect(cli.results, cli.stderr).toBeDefined();
  return {
    results: cli.results as RunResult,
    store: { users: target.server.store.count('User'), groups: target.server.store.count('Group') },
  };
}

// counterexample: the example that finds the fault, as the failure prints it (a command sequence lists only the
// commands that ran: the example's DeleteUser never runs).
const CASES: Array<{ fault: ServerFault; grep: string; test: RegExp; counterexample: RegExp }> = [
  {
    fault: spacesStrippedFromUserNames,
    grep: '^U-12 property',
    test: /^U-12 property: a created user/,
    counterexample: /^Minimal counterexample: \{"userName":"scimc-[0-9a-f]+-rt- Ann Lee @conformance\.example\.com"/m,
  },
  {
    fault: adjacentEscapesMisread,
    grep: '^F-05 property',
    test: /^F-05 property: filter userName/,
    counterexample: /^Minimal counterexample: "scimc-[0-9a-f]+-fu-a\\"\\"b/m,
  },
  {
    fault: updateReactivates,
    grep: '^U-12 stateful',
    test: /^U-12 stateful/,
    counterexample: /^Minimal counterexample: CreateUser\([^)]*\),Disable\(u1, default\),UpdateUser\(u1, [^\n]*\)$/m,
  },
];

describe('each property fault is found at the default budget, whatever the seed', () => {
  it.concurrent.each(CASES.flatMap((c) => SEEDS.map((seed) => [c.fault.name, seed, c] as const)))(
    '%s, --seed %s',
    async (_name, seed, { fault, grep, test, counterexample }) => {
      const { results, store } = await run([fault], seed, ['--grep', grep]);
      expect(results.tests.map((t) => t.name).every((name) => test.test(name))).toBe(true);
      const failure = results.tests.find((t) => test.test(t.name) && failedJudgement(t))?.failure;
      expect(failure, failedNames(results).join('\n')).toBeDefined();
      expect(failure!.message).toMatch(/\}: hand-picked example \d of \d \(/);
      expect(failure!.hint).toContain(`--seed ${seed}`);
      expect(failure!.actual).toMatch(counterexample);
      expect(results.cleanup.leftBehind).toEqual([]);
      expect(store).toEqual({ users: 0, groups: 0 });
    },
    120_000,
  );

  it.concurrent.each(SEEDS)(
    'without a fault every property passes at the default budget, --seed %s',
    async (seed) => {
      const { results, store } = await run([], seed);
      expect(failedNames(results)).toEqual([]);
      expect(results.tests.length).toBeGreaterThanOrEqual(10);
      for (const [prefix, most] of Object.entries(STATEFUL_AT_MOST)) {
        const test = results.tests.find((t) => t.name.startsWith(prefix));
        expect(test?.requests, prefix).toBeLessThanOrEqual(most);
      }
      expect(store).toEqual({ users: 0, groups: 0 });
    },
    120_000,
  );
});
