/**
 * Shared read-only fixtures (issue 19). Users that tests only reference, as group members or as a manager: a test
 * judges its own group or its own user; the users it points at are never changed by it, so one small set of users
 * serves every such test running at the same time: the membership tests, sync replays, membership properties and
 * manager tests need a few each (at most {@link MAX_SHARED}), and none of them pays for its own POSTs and DELETEs.
 * Tests that change or delete a user (U-16, the deleted member of G-21) still create their own. Apart from them, one
 * reader: a user that tests only read (filters, GET with attributes, listings); it is never a member or a manager, so
 * nothing another test does changes what the readers see.
 *
 * Lifetime: a generation starts when a test first asks and ends when the last test holding it cleans up, which
 * deletes the users (its own groups, which list them, are gone by then). Each user is registered as created by the
 * test that made it and deleted by the one that released it; whatever could not be deleted is retried by the final
 * cleanup, and an interrupted run sweeps them by the run marker like any other test data.
 *
 * Small and short-lived on purpose (decisions/request-budget.md): a first version let the large group (G-09, 200
 * users) share them for the whole run, and U-30's walk then missed a server repeating the last user of each page,
 * while its page-of-100 check judged a server it did not judge before. Users that stay at the front of every
 * listing change what U-30 sees.
 */
import type { ScimClient } from '../client/scim-client.js';
import type { ScimTaskMeta } from '../model/task-meta.js';
import { baseClient, target } from './context.js';
import { Names } from './names.js';
import { Resources, type Created } from './resources.js';

/** Most shared users a test may ask for. */
export const MAX_SHARED = 6;

/**
 * One lifetime of the shared users: from the first test that asks for one to the moment no running test holds
 * them any more, when the last holder deletes them (so they do not sit at the front of every listing for the rest
 * of the run); the next test that asks starts a new generation.
 */
export interface SharedGeneration {
  /** Index i holds the i-th member user's id once asked for (a failed create is forgotten: the next ask retries). */
  members: Array<Promise<string> | undefined>;
  reader?: Promise<Created>;
  holders: number;
  /**
   * One name sequence per generation and role, the same in every generation (so the names a test sends do not
   * depend on how many generations came before it: same --seed, same requests). A generation creates nothing
   * before the one before it is deleted, so the names never collide.
   */
  names: Map<string, Names>;
}

const fresh = (): SharedGeneration => ({ members: [], holders: 0, names: new Map() });
let current = fresh();
/** The deletes of the last generation that ended. */
let retiring: Promise<unknown> = Promise.resolve();

/** Called once per test (or property case) that uses shared users; pair it with releaseShared when it ends. */
export function holdShared(): SharedGeneration {
  current.holders++;
  return current;
}

/** The first `count` shared users of `gen`, created now where missing; requests and created users are charged to `owner`. */
export async function sharedUsers(gen: SharedGeneration, count: number, owner: ScimTaskMeta): Promise<string[]> {
  if (count > MAX_SHARED) throw new RangeError(`sharedUsers: at most ${MAX_SHARED} shared users (asked for ${count}); create more with resources.createUser()`);
  for (let i = 0; i < count; i++) {
    if (gen.members[i]) continue;
    const made = retiring.then(() => trackerFor(gen, owner, 'shared member users').createUser()).then((user) => user.id);
    made.catch(() => {
      if (gen.members[i] === made) gen.members[i] = undefined;
    });
    gen.members[i] = made;
  }
  return Promise.all(gen.members.slice(0, count) as Array<Promise<string>>);
}

/** The generation's one read-only user. Never change it. */
export function sharedReader(gen: SharedGeneration, owner: ScimTaskMeta): Promise<Created> {
  if (!gen.reader) {
    const made = retiring.then(() => trackerFor(gen, owner, 'shared read-only user').createUser());
    made.catch(() => {
      if (gen.reader === made) gen.reader = undefined;
    });
    gen.reader = made;
  }
  return gen.reader;
}

/**
 * The test holding `gen` ended (after deleting its own groups). The last holder deletes the generation's users with
 * its cleanup client and records them as deleted in its meta; what cannot be deleted is left to the final cleanup.
 */
export async function releaseShared(gen: SharedGeneration, client: ScimClient, meta: ScimTaskMeta): Promise<void> {
  if (--gen.holders > 0) return;
  if (current === gen) current = fresh();
  // Set before anything is awaited: the next generation must not create a name this one still holds.
  const done = deleteAll(gen, client, meta);
  retiring = Promise.all([retiring, done]);
  await done;
}

async function deleteAll(gen: SharedGeneration, client: ScimClient, meta: ScimTaskMeta): Promise<void> {
  const made = await Promise.allSettled([...gen.members, gen.reader?.then((user) => user.id)]);
  const ids = made.flatMap((m) => (m.status === 'fulfilled' && m.value ? [m.value] : []));
  await Promise.all(
    ids.map(async (id) => {
      const path = `/Users/${id}`;
      try {
        const response = await client.delete(path);
        if (response.status === 204 || response.status === 200 || response.status === 404) meta.deleted.push({ type: 'User', id });
        else meta.cleanupErrors.push(`DELETE ${path} answered ${response.status}`);
      } catch (error) {
        meta.cleanupErrors.push(`DELETE ${path} failed: ${(error as Error).message}`);
      }
    }),
  );
}

/** A tracker whose cleanup is never called: its users are deleted by releaseShared (or the final cleanup). */
function trackerFor(gen: SharedGeneration, owner: ScimTaskMeta, scope: string): Resources {
  let names = gen.names.get(scope);
  if (!names) gen.names.set(scope, (names = new Names(target().runId, target().seed, scope)));
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
