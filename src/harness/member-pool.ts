/**
 * Shared read-only fixtures (issue 19). Users that tests only reference, as group members or as a manager: a test
 * judges its own group or its own user; the users it points at are never changed by it, so one small set of users
 * serves every such test of the run: the membership tests, sync replays, membership properties and manager tests
 * need a few each (at most {@link MAX_SHARED}), and none of them pays for its own POSTs and DELETEs. Tests that
 * change or delete a user (U-16, the deleted member of G-21) still create their own. Apart from them, one reader: a
 * user that tests only read (filters, GET with attributes, listings); it is never a member or a manager, so nothing
 * another test does changes what the readers see.
 *
 * Lifetime: the run. Each user is created when a test first asks for it (a failed create is forgotten: the next ask
 * retries), registered as created by that test, and deleted by the final cleanup after every suite, groups first
 * (src/runner/final-cleanup.ts); an interrupted run sweeps them by the run marker like any other test data.
 *
 * Earlier versions deleted them whenever no running test held them (decisions/request-budget.md): users that sat
 * at the front of every listing, or were deleted while U-30 walked the listing, changed what U-30 saw. U-30 now runs
 * after every other suite (src/runner/suites.ts RUN_LAST), so the set lives for the whole run; at --concurrency 1
 * the old generations ended after nearly every test and saved almost nothing.
 */
import type { ScimTaskMeta } from '../model/task-meta.js';
import { baseClient, target } from './context.js';
import { Names } from '../entra/names.js';
import { Resources, type Created } from './resources.js';

/** Most shared users a test may ask for. */
export const MAX_SHARED = 6;

/** The shared users of one run. */
export interface SharedSet {
  runId: string;
  /** Index i holds the i-th member user's id once asked for. */
  members: Array<Promise<string> | undefined>;
  reader?: Promise<Created>;
  /** One name sequence per role, from the run seed (same --seed, same requests). */
  names: Map<string, Names>;
}

let current: SharedSet | undefined;

/** The run's shared users (a new set if the worker serves another run). */
export function runShared(): SharedSet {
  const runId = target().runId;
  if (current?.runId !== runId) current = { runId, members: [], names: new Map() };
  return current;
}

/** The first `count` shared users of `set`, created now where missing; requests and created users are charged to `owner`. */
export async function sharedUsers(set: SharedSet, count: number, owner: ScimTaskMeta): Promise<string[]> {
  if (count > MAX_SHARED)
    throw new RangeError(
      `sharedUsers: at most ${MAX_SHARED} shared users (asked for ${count}); create more with resources.createUser()`,
    );
  for (let i = 0; i < count; i++) {
    if (set.members[i]) continue;
    const made = trackerFor(set, owner, 'shared member users')
      .createUser()
      .then((user) => user.id);
    made.catch(() => {
      if (set.members[i] === made) set.members[i] = undefined;
    });
    set.members[i] = made;
  }
  return Promise.all(set.members.slice(0, count) as Array<Promise<string>>);
}

/** The run's one read-only user. Never change it. */
export function sharedReader(set: SharedSet, owner: ScimTaskMeta): Promise<Created> {
  if (!set.reader) {
    const made = trackerFor(set, owner, 'shared read-only user').createUser();
    made.catch(() => {
      if (set.reader === made) set.reader = undefined;
    });
    set.reader = made;
  }
  return set.reader;
}

/** A tracker whose cleanup is never called: its users are deleted by the final cleanup. */
function trackerFor(set: SharedSet, owner: ScimTaskMeta, scope: string): Resources {
  let names = set.names.get(scope);
  if (!names) set.names.set(scope, (names = new Names(target().runId, target().seed, scope)));
  return sharedTracker(owner, names);
}

/**
 * Creates users shared by several tests (here and in shared-writes.ts): its requests are charged to `owner` as
 * unrecorded (outside any test's exchanges), its users registered as created by `owner`; its cleanup is never called.
 */
export function sharedTracker(owner: ScimTaskMeta, names: Names): Resources {
  const client = baseClient().withRecorder(() => {
    owner.unrecordedRequests = (owner.unrecordedRequests ?? 0) + 1;
  });
  return new Resources(client, client, owner, names);
}

/**
 * Ends the run's shared users early: the ids of those created so far, forgotten by `set` (a test that asks after this
 * gets new ones, with new names). For U-30, which runs after every test that points at them (src/runner/suites.ts
 * RUN_LAST) and deletes them before it walks the whole listing, instead of the final cleanup after the run: the walk
 * then sees only its own users, and the run ends one round trip sooner. Users whose create failed are left out.
 */
export async function takeShared(set: SharedSet): Promise<string[]> {
  const made: Array<Promise<string>> = set.members.filter((m): m is Promise<string> => m !== undefined);
  if (set.reader) made.push(set.reader.then((user) => user.id));
  set.members = [];
  delete set.reader;
  const settled = await Promise.allSettled(made);
  return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
}
