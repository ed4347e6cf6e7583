// Properties catch what examples miss: against the reference server with one fault that only generated inputs reach,
// the matching property fails with the seed, the fast-check path and a minimal counterexample as numbered requests,
// while every example-based suite fails exactly as it does without the fault. Nothing is left on the server.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.js';
import type { ServerFault } from '../../src/server/app.js';
import { failedJudgement, failedNames, ROOT, runCli } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';
import { adjacentEscapesMisread, spacesStrippedFromUserNames, updateReactivates } from './property-faults.js';

const EXAMPLE_SUITES = readdirSync(join(ROOT, 'suites'))
  .map((entry) => entry.replace(/\.test\.ts$/, ''))
  .filter((name) => name !== 'properties' && name !== 'README.md');

const servers: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function run(faults: ServerFault[], suites: string[], extra: string[] = []) {
  const target = await startTarget(faults);
  servers.push(target);
  const cli = await runCli(
    ['--url', target.url, '--reporter', 'json', '--seed', '7', '--suite', suites.join(','), ...extra],
    { env: { SCIM_TOKEN: TEST_TOKEN }, timeoutMs: 300_000 },
  );
  expect(cli.results, cli.stderr).toBeDefined();
  return {
    results: cli.results as RunResult,
    store: { users: target.server.store.count('User'), groups: target.server.store.count('Group') },
  };
}

let baseline: string[];
beforeAll(async () => {
  baseline = failedNames((await run([], EXAMPLE_SUITES)).results);
}, 300_000);

// numRuns: 100, the nightly budget (each property's hand-picked examples find these faults at any budget, see
// default-budget.test.ts; the counterexample is then the example, which is already minimal and is not shrunk).
// randomAlso: random cases find the fault too and shrink it (in a property other than the one whose example hits it).
// onlyProperties: the example suites pass on this fault (the users suite has since gained capitalised examples that
// could catch a userName fault too, so for that one only the property half is asserted).
const CASES: Array<{
  fault: ServerFault;
  test: RegExp;
  counterexample: RegExp;
  numRuns: string;
  randomAlso?: boolean;
  onlyProperties: boolean;
}> = [
  // A userName with a space after the marker (the example: spaces inside and at both ends of the local part).
  {
    fault: spacesStrippedFromUserNames,
    test: /^U-12 property: a created user/,
    counterexample: /"userName":"scimc-[0-9a-f]+-rt-[^"]* [^"]*"/,
    numRuns: '100',
    randomAlso: true,
    onlyProperties: false,
  },
  // Two escapes in a row after the marker (as fc.stringify prints them: \\\" and \\\\).
  {
    fault: adjacentEscapesMisread,
    test: /^F-05 property: filter userName/,
    counterexample: /"scimc-[0-9a-f]+-fu-[^,]*(\\"\\"|\\\\\\\\|\\"\\\\|\\\\\\")/,
    numRuns: '100',
    onlyProperties: true,
  },
  // Create, disable, one update (an attribute PATCH or a rename).
  {
    fault: updateReactivates,
    test: /^U-12 stateful/,
    counterexample: /CreateUser\([^)]*\),Disable\(u1, \w+\),(UpdateUser|RenameUser)\(u1/,
    numRuns: '100',
    onlyProperties: true,
  },
];

describe('faults found only by properties', () => {
  it.concurrent.each(CASES.map((c) => [c.fault.name, c] as const))(
    '%s',
    async (_name, { fault, test, counterexample, numRuns, randomAlso, onlyProperties }) => {
      const properties = await run([fault], ['properties'], ['--num-runs', numRuns]);
      const failed = properties.results.tests.filter(failedJudgement);
      expect(
        failed.map((t) => t.name).some((name) => test.test(name)),
        failedNames(properties.results).join('\n'),
      ).toBe(true);
      const failure = failed.find((t) => test.test(t.name))!;
      expect(failure.failure!.message).toMatch(
        /^Property failed after \d+ case\(s\), shrunk \d+ time\(s\) \{ seed: -?\d+, path: "[\d:]*" \}: /,
      );
      expect(failure.failure!.hint).toContain('--seed 7');
      expect(failure.failure!.actual).toMatch(counterexample);
      expect(failure.failure!.actual).toMatch(/Requests and responses of the minimal counterexample:\n1\. POST /);
      // The report's exchanges are exactly those of the minimal counterexample, numbered from 1.
      expect(failure.exchanges.map((e) => e.seq)).toEqual(failure.exchanges.map((_, i) => i + 1));
      expect(properties.results.cleanup.leftBehind).toEqual([]);
      expect(properties.store).toEqual({ users: 0, groups: 0 });
      if (randomAlso) {
        const shrunk = failed.filter((t) =>
          /shrunk [1-9]\d* time\(s\) \{[^}]*\}: (?!hand-picked)/.test(t.failure!.message),
        );
        expect(shrunk.length, failedNames(properties.results).join('\n')).toBeGreaterThan(0);
      }

      if (!onlyProperties) return;
      const examples = await run([fault], EXAMPLE_SUITES);
      expect(failedNames(examples.results), 'example suites must not notice this fault').toEqual(baseline);
    },
    300_000,
  );
});

describe('reproducible', () => {
  it('the same --seed fails with the same fast-check seed, path and counterexample', async () => {
    const [a, b] = await Promise.all([
      run([spacesStrippedFromUserNames], ['properties/round-trip']),
      run([spacesStrippedFromUserNames], ['properties/round-trip']),
    ]);
    const failure = (r: RunResult) => r.tests.find(failedJudgement)!.failure!;
    const stable = (text: string) =>
      text.replace(/scimc-[0-9a-f]+-/g, 'scimc-<run>-').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>');
    expect(stable(failure(a.results).message)).toBe(stable(failure(b.results).message));
    expect(stable(failure(a.results).actual!).split('\nRequests')[0]).toBe(
      stable(failure(b.results).actual!).split('\nRequests')[0],
    );
  }, 300_000);

  it('every property passes against the reference server, and cleans up what every case created', async () => {
    const { results, store } = await run([], ['properties'], ['--num-runs', '25']);
    expect(failedNames(results)).toEqual([]);
    expect(results.cleanup.leftBehind).toEqual([]);
    expect(store).toEqual({ users: 0, groups: 0 });
  }, 300_000);
});
