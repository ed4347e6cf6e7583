/**
 * Users that group tests only reference as members (issue 19: shared read-only fixtures). A group test judges its
 * own group; the users it adds are never changed by it, so one set of users, created once per run as tests first
 * ask for them, serves every such test: the large group (G-09) needs 200, the membership tests and properties a
 * few each, and none of them pays for its own POSTs and DELETEs. Tests that change or delete a user (G-21, U-16)
 * still create their own.
 *
 * The pool outlives the tests that asked for it: each user is registered as created by the first test that needed
 * it and deleted by the run's final cleanup (src/runner/final-cleanup.ts), after every group is gone; an interrupted
 * run sweeps them by the run marker like any other test data.
 */
import type { ScimTaskMeta } from '../model/task-meta.js';
import { baseClient, target } from './context.js';
import { Names } from './names.js';
import { Resources } from './resources.js';

/** Index i holds the i-th pool user's id once created (a failed create is forgotten, so a later test tries again). */
const pool: Array<Promise<string> | undefined> = [];
let names: Names | undefined;

/** The first `count` pool users, created now where missing; requests and created users are charged to `owner`. */
export async function sharedUsers(count: number, owner: ScimTaskMeta): Promise<string[]> {
  for (let i = 0; i < count; i++) if (!pool[i]) pool[i] = createOne(i, owner);
  return Promise.all(pool.slice(0, count) as Array<Promise<string>>);
}

async function createOne(index: number, owner: ScimTaskMeta): Promise<string> {
  const t = target();
  names ??= new Names(t.runId, t.seed, 'shared member users');
  const client = baseClient().withRecorder(() => {
    owner.unrecordedRequests = (owner.unrecordedRequests ?? 0) + 1;
  });
  // Its cleanup is never called: the refs it tracks in owner.created are deleted by the final cleanup.
  const resources = new Resources(client, client, owner, names);
  const created = resources.createUser().then((user) => user.id);
  created.catch(() => {
    pool[index] = undefined;
  });
  return created;
}
