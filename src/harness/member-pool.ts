/**
 * Shared read-only fixtures (issue 19). Users that tests only reference, as group members or as a manager: a test
 * judges its own group or its own user; the users it points at are never changed by it, so one set of users,
 * created once per run as tests first ask for them, serves every such test: the membership tests, sync replays,
 * membership properties and manager tests need a few each (at most {@link MAX_SHARED}), and none of them pays for
 * its own POSTs and DELETEs. Tests that change or delete a user (G-21, U-16) still create their own.
 *
 * The set stays small on purpose: it lives for the whole run, and a large set would change what listings see for
 * everyone. The large group (G-09, 200 users) keeps its own users, deleted when it ends: measured, U-30's walk
 * picks its page size from totalResults, and 200 more users for the whole run made its pages long enough that a
 * server repeating the last user of each page (paging-off-by-one) went unnoticed, and U-30's page-of-100 check
 * judged a server capping pages at 50 that it did not judge before.
 *
 * Apart from them, one reader: a user that tests only read (filters, GET with attributes, listings). It is never a
 * member or a manager, so nothing another test does changes what the readers see.
 *
 * The pool outlives the tests that asked for it: each user is registered as created by the first test that needed
 * it and deleted by the run's final cleanup (src/runner/final-cleanup.ts), after every group is gone; an interrupted
 * run sweeps them by the run marker like any other test data.
 */
import type { ScimTaskMeta } from '../model/task-meta.js';
import { baseClient, target } from './context.js';
import { Names } from './names.js';
import { Resources, type Created } from './resources.js';

/** Index i holds the i-th pool user's id once created (a failed create is forgotten, so a later test tries again). */
const pool: Array<Promise<string> | undefined> = [];
let names: Names | undefined;

let reader: Promise<Created> | undefined;

/** The run's one read-only user (created by the first test that asks; requests charged to it). Never change it. */
export function sharedReader(owner: ScimTaskMeta): Promise<Created> {
  if (!reader) {
    const made = resourcesFor(owner, new Names(target().runId, target().seed, 'shared read-only user')).createUser();
    made.catch(() => {
      if (reader === made) reader = undefined;
    });
    reader = made;
  }
  return reader;
}

/** Most shared users a test may ask for. */
export const MAX_SHARED = 6;

/** The first `count` pool users, created now where missing; requests and created users are charged to `owner`. */
export async function sharedUsers(count: number, owner: ScimTaskMeta): Promise<string[]> {
  if (count > MAX_SHARED) throw new RangeError(`sharedUsers: at most ${MAX_SHARED} shared users (asked for ${count}); create more with resources.createUser()`);
  for (let i = 0; i < count; i++) if (!pool[i]) pool[i] = createOne(i, owner);
  return Promise.all(pool.slice(0, count) as Array<Promise<string>>);
}

/** A tracker whose cleanup is never called: the refs it adds to owner.created are deleted by the final cleanup. */
function resourcesFor(owner: ScimTaskMeta, scope: Names): Resources {
  const client = baseClient().withRecorder(() => {
    owner.unrecordedRequests = (owner.unrecordedRequests ?? 0) + 1;
  });
  return new Resources(client, client, owner, scope);
}

async function createOne(index: number, owner: ScimTaskMeta): Promise<string> {
  names ??= new Names(target().runId, target().seed, 'shared member users');
  const created = resourcesFor(owner, names).createUser().then((user) => user.id);
  created.catch(() => {
    pool[index] = undefined;
  });
  return created;
}
