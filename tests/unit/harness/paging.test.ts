// judgeWalk (catalog U-30): page-level lies fail at once; repeats and gaps of the test's own users are "unstable"
// (the walk is retried, other tests change the target meanwhile); totals are compared only when they stayed put.
// walkUsers: the pages at known offsets go out side by side, and the walk reads what a one-after-another walk reads.
import { describe, expect, it } from 'vitest';
import { judgeWalk, walkUsers, type Walk, type WalkPage } from '../../../src/harness/paging.js';
import type { ScimClient, ScimResponse } from '../../../src/client/scim-client.js';

const response = {} as ScimResponse;
const page = (requestedStart: number, ids: string[], total: unknown, itemsPerPage: unknown = ids.length): WalkPage => ({
  response,
  requestedStart,
  ids,
  resources: ids.map((id) => ({ id })),
  total,
  itemsPerPage,
});
const walk = (pages: WalkPage[], count = 2): Walk => ({ count, pages, truncated: false });
const mine = new Map([
  ['a', 'active'],
  ['b', 'disabled'],
]);

describe('judgeWalk', () => {
  it('a complete, stable walk has nothing to say', () => {
    expect(judgeWalk(walk([page(1, ['x', 'a'], 4), page(3, ['b', 'y'], 4)]), mine)).toEqual({
      unstable: [],
      pageErrors: [],
    });
  });

  it('a missing disabled user and a repeated user are unstable, named with their label', () => {
    const judged = judgeWalk(walk([page(1, ['x', 'a'], 3), page(3, ['a'], 3)]), mine);
    expect(judged.pageErrors).toEqual([]);
    expect(judged.unstable.join('\n')).toMatch(/1 of this test's 2 users never appeared: b \(disabled\)/);
    expect(judged.unstable.join('\n')).toMatch(/a \(active\) ×2/);
  });

  it('totalResults is compared with the items seen only when it stayed the same through the walk', () => {
    expect(judgeWalk(walk([page(1, ['a', 'b'], 5), page(3, [], 5)]), mine).pageErrors.map((e) => e.message)).toEqual([
      'the page startIndex=3&count=2 is empty although totalResults is 5: the walk ends with 3 users never listed',
    ]);
    expect(judgeWalk(walk([page(1, ['a', 'b'], 5), page(3, ['c'], 3)]), mine).unstable).toEqual([]);
    expect(judgeWalk(walk([page(1, ['a', 'b'], 4), page(3, ['c'], 4)]), mine).unstable).toEqual([
      'totalResults stayed 4 through the walk, but the pages held 3 resources (3 distinct)',
    ]);
  });

  it('an itemsPerPage that does not count the page, and more than count, are page errors', () => {
    const messages = judgeWalk(walk([page(1, ['a', 'b', 'c'], 3, 2)]), mine).pageErrors.map((e) => e.message);
    expect(messages).toEqual([
      'the page startIndex=1&count=2 held 3 resources, more than count (RFC 7644 §3.4.2.4: "no more than" count)',
      'the page startIndex=1&count=2 says itemsPerPage 2 but holds 3 resources; a server that caps count must say so in itemsPerPage',
    ]);
  });
});

/**
 * A listing of `users` ids behind a client double: pages of at most `cap`; `grow` adds users after the n-th request.
 * Records each request's startIndex and how many were in flight when it was sent.
 */
function listing(users: number, options: { cap?: number; grow?: { after: number; by: number } } = {}) {
  let held = users;
  let inFlight = 0;
  const sent: Array<{ start: number; inFlight: number }> = [];
  const client = {
    async get(_path: string, { query }: { query: Record<string, string> }): Promise<ScimResponse> {
      const start = Number(query.startIndex);
      const count = Math.min(Number(query.count), options.cap ?? Infinity);
      sent.push({ start, inFlight: ++inFlight });
      if (options.grow && sent.length === options.grow.after) held += options.grow.by;
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      const ids = Array.from({ length: Math.max(0, Math.min(count, held - start + 1)) }, (_, i) => `u${start + i}`);
      const json = {
        totalResults: held,
        itemsPerPage: ids.length,
        startIndex: start,
        Resources: ids.map((id) => ({ id })),
      };
      return { status: 200, headers: {}, text: JSON.stringify(json), json, truncated: false } as ScimResponse;
    },
  };
  return { client: client as unknown as ScimClient, sent };
}

describe('walkUsers', () => {
  it('sends the requests of a one-after-another walk, the pages after the first side by side', async () => {
    const { client, sent } = listing(7);
    const walk = await walkUsers(client, 2, 300);
    expect(walk.pages.map((p) => p.requestedStart)).toEqual([1, 3, 5, 7]);
    expect(walk.pages.flatMap((p) => p.ids)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7']);
    expect(sent.map((s) => s.start)).toEqual([1, 3, 5, 7]);
    expect(Math.max(...sent.map((s) => s.inFlight))).toBe(3);
    expect(judgeWalk(walk, new Map([['u4', 'active']]))).toEqual({ unstable: [], pageErrors: [] });
  });

  it('starts from a first page the caller already has, and stops at maxPages', async () => {
    const first = listing(7);
    const page1 = await first.client.get('/Users', { query: { startIndex: '1', count: '2' } });
    const { client, sent } = listing(7);
    const walk = await walkUsers(client, 2, 3, page1);
    expect(sent.map((s) => s.start)).toEqual([3, 5]);
    expect(walk.pages.map((p) => p.requestedStart)).toEqual([1, 3, 5]);
    expect(walk.truncated).toBe(true);
  });

  it('a server that caps count is walked one page after another, from where each answer ends', async () => {
    const { client, sent } = listing(9, { cap: 3 });
    const walk = await walkUsers(client, 5, 300);
    expect(sent.map((s) => s.start)).toEqual([1, 4, 7]);
    expect(sent.every((s) => s.inFlight === 1)).toBe(true);
    expect(walk.pages.flatMap((p) => p.ids)).toHaveLength(9);
  });

  it('a listing that grows during the walk is read to its new end', async () => {
    const { client, sent } = listing(6, { grow: { after: 2, by: 3 } });
    const walk = await walkUsers(client, 2, 300);
    expect(walk.pages.map((p) => p.requestedStart)).toEqual([1, 3, 5, 7, 9]);
    expect(sent.map((s) => s.start)).toEqual([1, 3, 5, 7, 9]);
  });
});
