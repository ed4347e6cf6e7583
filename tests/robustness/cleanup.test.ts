// What a run leaves on the target: nothing after a normal run, nothing after Ctrl-C / SIGTERM (the run stops,
// deletes what it created, writes the reports marked interrupted, exits 130 / 143), and `scim-conformance cleanup`
// deletes what an interrupted run left — only resources whose name starts with the run marker, never anything
// else. Also --read-only: no POST, PUT, PATCH or DELETE reaches the target.
import { afterAll, describe, expect, it } from 'vitest';
import type { FaultRequest, ServerFault } from '../../src/server/app.js';
import { failedJudgement, runCli } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';
import { scimError } from '../helpers/fault-kit.js';

type Target = Awaited<ReturnType<typeof startTarget>>;
const targets: Target[] = [];
afterAll(async () => {
  await Promise.all(targets.map((t) => t.close()));
});

async function target(faults: ServerFault[] = []): Promise<Target> {
  const t = await startTarget(faults);
  targets.push(t);
  return t;
}

const env = { SCIM_TOKEN: TEST_TOKEN };
const left = (t: Target) => t.server.store.count('User') + t.server.store.count('Group');

describe('leftovers', () => {
  it('a normal run leaves nothing on the target and reports what it created and removed', async () => {
    const t = await target();
    const run = await runCli(['--url', t.url, '--reporter', 'json,console', '--suite', 'users,groups'], { env });
    expect(run.code, run.stderr).toBe(0);
    const { cleanup } = run.results!;
    expect(cleanup.created.length).toBeGreaterThan(10);
    expect(cleanup.leftBehind).toEqual([]);
    expect(left(t)).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `Cleanup \\(run ${run.results!.runId}\\): ${cleanup.created.length} created, ${cleanup.deleted.length} deleted, 0 left behind`,
      ),
    );
  }, 180_000);

  it('with the timing suite, the final cleanup and sweep start when it does (every writing test has ended), once', async () => {
    const log: Array<{ method: string; path: string; filter: string }> = [];
    const t = await target([
      {
        name: 'log',
        onRequest(req: FaultRequest) {
          log.push({ method: req.method, path: req.path, filter: req.query.get('filter') ?? '' });
          return undefined;
        },
      },
    ]);
    const run = await runCli(['--url', t.url, '--reporter', 'json', '--suite', 'users/create,timing'], { env });
    expect(run.code, run.stderr).toBe(0);
    const { cleanup, runId } = run.results!;
    expect(cleanup.leftBehind).toEqual([]);
    expect(cleanup.deleted.length).toBe(cleanup.created.length);
    expect(left(t)).toBe(0);
    // The sweep's listings went out once: the cleanup begun beside the timing suite stood (the tests' record had not
    // changed by the end), it was not done a second time.
    const sweeps = log.filter((r) => r.method === 'GET' && r.filter.includes(`sw "scimc-${runId}"`));
    expect(sweeps.map((r) => r.path.replace(/.*\//, '')).sort()).toEqual(['Groups', 'Users']);
    // And it came after every DELETE the tests sent (nothing of theirs was left for it to find).
    const lastTestDelete = log.findLastIndex((r) => r.method === 'DELETE');
    expect(log.indexOf(sweeps[0]!)).toBeGreaterThan(lastTestDelete);
    expect(run.results!.tests.filter((test) => test.file.includes('timing')).length).toBeGreaterThan(0);
  }, 180_000);

  // Bound: after the signal the run ends within 30 s (it waits at most max(10 s, 3 × --timeout) for running tests).
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s mid-run: reports marked interrupted, everything created so far deleted, exit %i',
    async (signal, code) => {
      const t = await target();
      let signalledAt = 0;
      const run = await runCli(['--url', t.url, '--reporter', 'json,junit,html,console', '--timeout', '2s'], {
        env,
        onSpawn: (child) => {
          // Signal as soon as the run has created something on the target.
          const poll = setInterval(() => {
            if (t.server.store.count('User') > 0) {
              clearInterval(poll);
              signalledAt = Date.now();
              child.kill(signal);
            }
          }, 20);
          child.on('close', () => clearInterval(poll));
        },
      });
      expect(signalledAt, 'the run created users before it ended').toBeGreaterThan(0);
      expect(Date.now() - signalledAt, 'ends within 30 s of the signal').toBeLessThan(30_000);
      expect(run.code, run.stderr).toBe(code);
      expect(run.stderr).toMatch(
        new RegExp(`${signal}: stopping the run; deleting what it created and writing the reports`),
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
      const results = run.results!;
      expect(results.interrupted?.signal).toBe(signal);
      expect(results.tests.some((t) => t.skipReason === `not run: the run was interrupted (${signal})`)).toBe(true);
      expect(results.cleanup.created.length).toBeGreaterThan(0);
      expect(results.cleanup.leftBehind).toEqual([]);
      expect(left(t), 'nothing is left on the target').toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Interrupted by ${signal}`));
    },
    180_000,
  );
});

/** Seeds the target with what interrupted runs left, and with data that is not ours. */
async function seed(t: Target): Promise<void> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/scim+json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
  };
  const user = (userName: string) =>
    post('/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, active: true });
  const group = (displayName: string) =>
    post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName });
  await user('scimc-aaaaaaaa-user-1x@conformance.example.com');
  await user('scimc-aaaaaaaa-user-2y@conformance.example.com');
  await group('scimc-aaaaaaaa group 3z');
  await user('scimc-bbbbbbbb-user-1x@conformance.example.com');
  await group('scimc-bbbbbbbb group 2y');
  // Not ours: must survive every cleanup.
  await user('alice@example.com');
  await user('scimc-john@example.com');
  await user('SCIMC-aaaa@example.com');
  await user('x-scimc-aaaaaaaa-user-1@example.com');
  await group('Engineering');
  await group('scimc-aaaaaaaa'); // the marker alone, not followed by "-" or " "
}

const names = (t: Target) =>
  [
    ...t.server.store.list('User').map((u) => String(u.userName)),
    ...t.server.store.list('Group').map((g) => String(g.displayName)),
  ].sort();

const NOT_OURS = [
  'Engineering',
  'SCIMC-aaaa@example.com',
  'alice@example.com',
  'scimc-aaaaaaaa',
  'scimc-john@example.com',
  'x-scimc-aaaaaaaa-user-1@example.com',
];

describe('scim-conformance cleanup', () => {
  it('--dry-run lists, deletes nothing; --run-id deletes only that run; without it every run, and nothing else', async () => {
    const t = await target();
    await seed(t);
    const before = names(t);

    const dry = await runCli(['cleanup', '--url', t.url, '--run-id', 'aaaaaaaa', '--dry-run'], { env });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/would delete Group \S+ "scimc-aaaaaaaa group 3z"/);
    expect(dry.stdout).toMatch(/dry run: 3 would be deleted; nothing was deleted/);
    expect(names(t)).toEqual(before);

    const one = await runCli(['cleanup', '--url', t.url, '--run-id', 'aaaaaaaa'], { env });
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/filter userName sw "scimc-aaaaaaaa"/);
    expect(one.stdout.match(/^deleted (User|Group) /gm)).toHaveLength(3);
    // Groups are deleted before users.
    expect(one.stdout.indexOf('deleted Group')).toBeLessThan(one.stdout.indexOf('deleted User'));
    expect(names(t)).toEqual(
      [...NOT_OURS, 'scimc-bbbbbbbb group 2y', 'scimc-bbbbbbbb-user-1x@conformance.example.com'].sort(),
    );

    const all = await runCli(['cleanup', '--url', t.url], { env });
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/deleted 2 of 2/);
    expect(names(t)).toEqual(NOT_OURS);

    const again = await runCli(['cleanup', '--url', t.url], { env });
    expect(again.stdout).toMatch(/nothing to delete/);
  }, 120_000);

  it('a target without "sw" (or that ignores the filter): every page is read, and still only marked resources go', async () => {
    const noSw: ServerFault = {
      name: 'sw unsupported',
      onRequest: (req: FaultRequest) =>
        / sw /i.test(req.query.get('filter') ?? '') ? scimError(400, 'invalidFilter', 'sw') : undefined,
    };
    const t = await target([noSw]);
    await seed(t);
    const run = await runCli(['cleanup', '--url', t.url], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /the target does not support "sw" \(GET \/Users answered 400\); read every page of \/Users/,
    );
    expect(names(t)).toEqual(NOT_OURS);
  }, 120_000);

  it('refuses a malformed --run-id, a missing --url, and an unusable target', async () => {
    const bad = await runCli(['cleanup', '--url', 'http://127.0.0.1:9/scim/v2', '--run-id', 'abc'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--run-id must be the 8 hex digits/);
    const noUrl = await runCli(['cleanup'], { env });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toMatch(/cleanup: pass --url/);
    const down = await runCli(['cleanup', '--url', 'http://127.0.0.1:9/scim/v2', '--timeout', '1s'], { env });
    expect(down.code).toBe(3);
    for (const r of [bad, noUrl, down]) {
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toContain(TEST_TOKEN);
    }
  }, 60_000);
});

describe('--read-only', () => {
  it('sends nothing but GET, runs only tests tagged read-only, and says so in the results', async () => {
    const methods: string[] = [];
    const t = await target([
      { name: 'record methods', onRequest: (req: FaultRequest) => void methods.push(req.method) },
    ]);
    const run = await runCli(['--url', t.url, '--read-only', '--reporter', 'json'], { env });
    expect([0, 1]).toContain(run.code);
    expect(run.results!.readOnly).toBe(true);
    expect(run.results!.tests.length).toBeGreaterThan(10);
    for (const test of run.results!.tests) expect(test.tags, test.name).toContain('read-only');
    expect(methods.length).toBeGreaterThan(10);
    expect([...new Set(methods)]).toEqual(['GET']);
    expect(run.results!.cleanup.created).toEqual([]);
    // A test tagged read-only that tries to write fails by name instead of writing (the client's safety net).
    for (const test of run.results!.tests.filter((x) => failedJudgement(x) && /ReadOnlyError/.test(x.failure!.message)))
      expect(test.failure!.message).toMatch(/--read-only: refused to send (POST|PUT|PATCH|DELETE) /);
  }, 180_000);
});
