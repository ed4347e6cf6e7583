// Replay is exact (issue 14, item 8): two runs with the same --seed against the reference server send the same
// requests, bodies included, once the run marker, the ids the server assigned and its port are masked
// (tests/helpers/replay.ts); a different seed sends different data. Properties included, so that a rerun of the same
// server with the same seed has the same failures (--baseline … --fail-on new).
import { expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { testsThatSentDifferently } from '../helpers/replay.js';

it('same --seed ⇒ the same requests in every test; another seed ⇒ other data', async () => {
  const [first, second, other] = await Promise.all(['42', '42', '43'].map((seed) => runCli(['--demo', '--reporter', 'json', '--seed', seed])));
  for (const run of [first!, second!, other!]) expect(run.results, run.stderr).toBeDefined();
  const a = first!.results!;
  expect(second!.results!.runId).not.toBe(a.runId);

  const same = testsThatSentDifferently(a, second!.results!);
  expect(same.compared).toBeGreaterThan(200);
  expect(same.differ).toEqual([]);

  const patch = testsThatSentDifferently(a, other!.results!, 'suites/patch/');
  expect(patch.compared).toBeGreaterThan(30);
  // Every PATCH test creates a user named from the seed; the rest of the data changes with it.
  expect(patch.differ.length).toBeGreaterThan(patch.compared * 0.9);
  const properties = testsThatSentDifferently(a, other!.results!, 'suites/properties/');
  expect(properties.differ.length).toBeGreaterThan(properties.compared / 2);
}, 180_000);
