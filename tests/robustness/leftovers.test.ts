// Issue 16 item 1: against servers that lose track of ids, a run leaves nothing behind, or exactly what the
// server refuses to delete, listed with the reason, and tells the user the `cleanup --run-id` command.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TEST_TOKEN } from '../helpers/target-server.js';
import { startCareless, type CarelessKind } from '../fixtures/careless-servers.js';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

async function runAgainst(kind: CarelessKind) {
  const t = await startCareless(kind);
  closers.push(t.close);
  const run = await runCli(
    ['--url', t.url, '--reporter', 'json,console', '--suite', 'users,groups', '--timeout', '5s'],
    { env: { SCIM_TOKEN: TEST_TOKEN } },
  );
  return { t, run, results: run.results! };
}

describe('servers that lose track of what the run created', () => {
  it.each(['no-id', 'new-id-on-patch'] as const)(
    '%s: nothing is left on the target',
    async (kind) => {
      const { t, run, results } = await runAgainst(kind);
      if (process.env.SCIMC_MEASURE)
        console.log(
          kind,
          'left on target',
          t.left(),
          'reported left',
          results.cleanup.leftBehind.length,
          'created',
          results.cleanup.created.length,
        );
      expect(t.left(), run.stderr).toBe(0);
      expect(results.cleanup.leftBehind).toEqual([]);
    },
    180_000,
  );

  it("a test's cleanup that fails is reported in results.json cleanup.errors; the final cleanup deletes the rest", async () => {
    const { t, run, results } = await runAgainst('deletes-on-second-try');
    expect(t.left(), run.stderr).toBe(0);
    expect(results.cleanup.leftBehind).toEqual([]);
    expect(results.cleanup.errors?.length).toBeGreaterThan(0);
    for (const line of results.cleanup.errors ?? [])
      expect(line).toMatch(/^DELETE \/(Users|Groups)\/\S+ answered 503$/);
  }, 180_000);

  it('a server that never deletes: every leftover is reported with the reason, and the cleanup command is printed', async () => {
    const { t, run, results } = await runAgainst('never-deletes');
    if (process.env.SCIMC_MEASURE)
      console.log('never-deletes left on target', t.left(), 'reported left', results.cleanup.leftBehind.length);
    expect(results.cleanup.leftBehind.length).toBe(t.left());
    expect(t.left()).toBeGreaterThan(0);
    for (const item of results.cleanup.leftBehind) expect(item.reason).toMatch(/still returns it|answered/);
    expect(results.cleanup.leftBehind[0]!.reason).toMatch(/DELETE .* answered 204 but GET .* still returns it/);
    expect(run.stdout + run.stderr).toContain(`cleanup --url ${t.url} --run-id ${results.runId}`);
  }, 180_000);
});
