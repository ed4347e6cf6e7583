// Entra's Account Discovery (catalog U-30, ID Governance, 2026): unfiltered GET /Users?startIndex&count, page after
// page, every account correlated on the matching attribute. The walk is judged against the users this test creates
// (some of them disabled). This suite is declared after the other concurrent suites (src/runner/suites.ts RUN_LAST):
// it prepares its users beside their last tests, then walks once every one of them has ended (afterEarlierSuites), so
// that other tests' users do not come and go under the walk; on a shared target other clients' users still may
// (src/harness/paging.ts).
import { inject } from 'vitest';
import {
  behaviour,
  verify,
  status,
  expectThat,
  fail,
  show,
  patchBody,
  judgeWalk,
  walkUsers,
  afterEarlierSuites,
  memberCI,
} from '#harness';

const USERS = 7;
/** A walk repeated this often before instability is blamed on the server rather than on the run's other tests. */
const WALKS = 3;
const MAX_PAGES = 300;
/** The smallest page the walk asks for. */
const MIN_COUNT = 2;
/**
 * Its own budget (up to WALKS walks of MAX_PAGES pages), plus the longest it may wait for the other suites: every test
 * it waits for started before it did, and vitest ends each one within the test timeout the runner gives every test
 * (src/runner/run.ts: 8 × --timeout + 10 s).
 */
const TIMEOUT = 900_000 + 8 * inject('target').timeoutMs + 10_000;

behaviour(
  'U-30',
  "an unfiltered listing walked with a small count lists each of this test's users exactly once, disabled ones included, with honest itemsPerPage and totalResults",
  { timeout: TIMEOUT },
  async ({ client, resources, names, profile, skip, task }) => {
    const disables = profile.users.deprovision.includes('disable');
    // Prepared beside the other suites' last tests, side by side: each create, then (every other user) its disable.
    // Entra disables rather than deletes for this profile; disabled accounts must still be discovered (DEV: "The user
    // object should be returned in a request whether or not the user is active"). The names are drawn in order and
    // each request takes its sequence number when it is sent, so a rerun with the same seed sends the same requests.
    const prepared = await Promise.allSettled(
      Array.from({ length: USERS }, async (_, i) => {
        const user = await resources.createUser({ userName: names.userName('discover') });
        if (!disables || i % 2 === 0) return { user, label: 'active' };
        const response = await client.patch(
          `/Users/${user.id}`,
          patchBody([{ op: 'replace', path: 'active', value: false }]),
        );
        verify(response, (r) => {
          const bad = status(200, 204)(r);
          return bad ? { ...bad, message: `setup: could not disable a test user: ${bad.message}` } : undefined;
        });
        return { user, label: 'disabled' };
      }),
    );
    // Every create and disable is answered before the test goes on (or fails), so that its cleanup finds every user.
    const failed = prepared.find((p) => p.status === 'rejected');
    if (failed) throw failed.reason;
    const mine = new Map<string, string>(
      prepared.flatMap((p) => (p.status === 'fulfilled' ? [[p.value.user.id, p.value.label] as const] : [])),
    );

    // The walk waits for every other suite to end (their users gone), then the run's shared users and groups go too
    // (no test that points at them is left): the walk sees this test's users alone on a target that only this run
    // uses, and the final cleanup has nothing left to delete.
    await afterEarlierSuites(task, () => client.options.signal?.aborted === true);
    await resources.releaseShared();

    // The walk's first page at the smallest count is also the probe: its totalResults sets the count (one more
    // request, the first page at that count, only on a target with more than 40 users).
    const probe = await client.get('/Users', { query: { startIndex: '1', count: String(MIN_COUNT) } });
    verify(probe, status(200));
    const total = (probe.json as { totalResults?: unknown } | undefined)?.totalResults;
    expectThat(
      typeof total === 'number' && total >= USERS,
      `GET /Users?startIndex=1&count=${MIN_COUNT} answered totalResults ${show(total)}, but this test alone has ${USERS} users on the target`,
      { response: probe },
    );
    // Many pages on a small target (page boundaries are where paging bugs live), at most MAX_PAGES on a big one.
    const count = Math.max(MIN_COUNT, Math.min(100, Math.ceil(total / 20)));
    if (Math.ceil(total / count) > MAX_PAGES)
      skip(
        `inconclusive: the target holds ${total} users; walking them ${count} at a time takes more than ${MAX_PAGES} requests`,
      );

    let last: ReturnType<typeof judgeWalk> | undefined;
    let lastWalk: Awaited<ReturnType<typeof walkUsers>> | undefined;
    for (let attempt = 0; attempt < WALKS; attempt++) {
      lastWalk = await walkUsers(client, count, MAX_PAGES, attempt === 0 && count === MIN_COUNT ? probe : undefined);
      if (lastWalk.broken) verify(lastWalk.broken, status(200));
      last = judgeWalk(lastWalk, mine);
      const firstError = last.pageErrors[0];
      if (firstError)
        fail(firstError.message, {
          response: firstError.page.response,
          hint: 'Account Discovery advances by the resources each page holds until totalResults; honest paging fields are how it knows where it is (RFC 7644 §3.4.2.4).',
        });
      if (last.unstable.length === 0) break;
    }
    if (last!.unstable.length > 0) {
      const hiddenDisabled = [...mine].filter(
        ([id, label]) => label === 'disabled' && !lastWalk!.pages.some((p) => p.ids.includes(id)),
      );
      fail(
        `${WALKS} walks of GET /Users?startIndex=N&count=${count} were not complete and stable: ${last!.unstable.join('; ')}`,
        {
          response: lastWalk!.pages.at(-1)?.response,
          hint:
            hiddenDisabled.length > 0
              ? 'The unfiltered listing leaves out disabled users: Account Discovery then never correlates them, and Entra creates duplicates or reports them missing. List users whatever their active value.'
              : 'Sort the listing by something stable (creation order, id) so that each startIndex always points at the same user while nothing changes; Account Discovery correlates each account once.',
        },
      );
    }
    // Every listed user of this test carries the attribute Entra correlates on.
    const matching =
      profile.users.mappings
        .filter((m) => m.matching)
        .sort((a, b) => (a.matchingPrecedence ?? 99) - (b.matchingPrecedence ?? 99))[0]?.target ?? 'userName';
    if (/^[A-Za-z]+$/.test(matching))
      for (const page of lastWalk!.pages)
        for (const resource of page.resources)
          if (mine.has(String(resource.id)))
            expectThat(
              memberCI(resource, matching) !== undefined,
              `user ${String(resource.id)} is listed without ${matching}, the attribute Entra correlates on`,
              { response: page.response },
            );
  },
);

behaviour(
  'U-30',
  'a page of 100 users is served when that many exist (count=100 is not cut to a handful)',
  { level: 'recommended', tags: ['read-only'] },
  async ({ client }) => {
    const response = await client.get('/Users', { query: { startIndex: '1', count: '100' } });
    verify(response, status(200));
    const body = response.json as { totalResults?: unknown; Resources?: unknown } | undefined;
    const held = Array.isArray(body?.Resources) ? body.Resources.length : 0;
    const total = typeof body?.totalResults === 'number' ? body.totalResults : 0;
    expectThat(
      held >= Math.min(100, total),
      `GET /Users?startIndex=1&count=100 held ${held} users of ${total}; expected ${Math.min(100, total)}`,
      {
        response,
        hint: 'A server may cap count (and must then say so in itemsPerPage), but a small cap makes Account Discovery of a large tenant take thousands of requests and risk throttling; serve at least 100 per page.',
      },
    );
  },
);
