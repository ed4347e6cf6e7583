// judgeWalk (catalog U-30): page-level lies fail at once; repeats and gaps of the test's own users are "unstable"
// (the walk is retried, other tests change the target meanwhile); totals are compared only when they stayed put.
import { describe, expect, it } from 'vitest';
import { judgeWalk, type Walk, type WalkPage } from '../../../src/harness/paging.js';
import type { ScimResponse } from '../../../src/client/scim-client.js';

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
