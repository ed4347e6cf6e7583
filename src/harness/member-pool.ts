/**
 * Shared read-only fixtures (issue 19). Users that tests only reference, as group members or as a manager: a test
 * judges its own group or its own user; the users it points at are never changed by it, so one small set of users
 * serves every such test of the run: the membership tests, sync replays, membership properties and manager tests
 * need a few each (at most {@link MAX_SHARED}), and none of them pays for its own POSTs and DELETEs. Tests that
 * change or delete a user (U-16, the deleted member of G-21) still create their own. Apart from them, one reader: a
 * user that tests only read (filters, GET with attributes, listings); it is never a member or a manager, so nothing
 * another test does changes what the readers see.
 *
 * More kinds, added for issue 19's third step (decisions/request-budget.md, "Third step"):
 * - two more readers ({@link ReaderKind}): one whose userName has capitals, one with two typed e-mail addresses;
 * - a *taken* user ({@link sharedTakenUser}): tests that need an existing userName only to provoke a conflict (409 on
 *   a duplicate POST, a refused rename) point at its name. No test filters on it or reads it, so a server that wrongly
 *   accepts the duplicate (which the test tracks and deletes) changes nothing another test sees;
 * - read-only groups ({@link sharedGroup}): an empty one, and one with two shared members added by PATCH as Entra
 *   adds them (the match, read-by-id, member-shape and read-back tests only read them);
 * - a *taken* group, the group counterpart of the taken user (duplicate POST in other case, a refused rename, an
 *   unknown member id added: no test reads its name or members).
 * The six member users also serve as the six users of the paging test (U-23): their names share one prefix that no
 * other user has ({@link sharedMemberPrefix}), and paging only reads them. Six of G-09's 101 large-group members are
 * the member users too.
 *
 * Lifetime: the run. Each user and group is created when a test first asks for it (a failed create is forgotten: the
 * next ask retries) and registered as created by that test. U-30, which walks the listing once every other suite has
 * ended, deletes them all before its walk ({@link takeShared}, Resources.releaseShared); whatever is left (U-30 not
 * selected, a DELETE refused) goes at the final cleanup after every suite, groups first (src/runner/final-cleanup.ts);
 * an interrupted run sweeps them by the run marker like any other test data.
 *
 * Earlier versions deleted them whenever no running test held them (decisions/request-budget.md): users that sat
 * at the front of every listing, or were deleted while U-30 walked the listing, changed what U-30 saw. U-30 now walks
 * after every other suite (src/runner/suites.ts RUN_LAST), so the set lives until then; at --concurrency 1 the old
 * generations ended after nearly every test and saved almost nothing.
 */
import type { ScimTaskMeta } from '../model/task-meta.js';
import type { ScimClient } from '../client/scim-client.js';
import { baseClient, target } from './context.js';
import { EXAMPLE_DOMAIN, Names, runMarker } from '../entra/names.js';
import { patchBody } from '../entra/bodies.js';
import { Resources, type Created } from './resources.js';
import { addMembersOp, patchGroup } from './groups.js';

/** Most shared users a test may ask for. */
export const MAX_SHARED = 6;

/**
 * The shared groups of a run: 'empty' and 'members' (the first two member users, added by a default-dialect PATCH)
 * are only read; 'taken' is the group whose displayName conflict tests reuse.
 */
export type SharedGroupKind = 'empty' | 'members' | 'taken';

/** A shared group as created (POST answer) and the member ids it was given. */
export interface SharedGroup extends Created {
  members: string[];
}

/** The shared users of one run. */
export interface SharedSet {
  runId: string;
  /** Index i holds the i-th member user once asked for. */
  members: Array<Promise<Created> | undefined>;
  readers: Map<ReaderKind, Promise<Created>>;
  taken?: Promise<Created>;
  groups: Map<SharedGroupKind, Promise<SharedGroup>>;
  /** One name sequence per role, from the run seed (same --seed, same requests). */
  names: Map<string, Names>;
}

let current: SharedSet | undefined;

/** The run's shared users (a new set if the worker serves another run). */
export function runShared(): SharedSet {
  const runId = target().runId;
  if (current?.runId !== runId)
    current = { runId, members: [], readers: new Map(), groups: new Map(), names: new Map() };
  return current;
}

/**
 * The promise `get` holds, or a new one from `make`, held by `set` until it fails: a failed create is forgotten, so
 * the next test that asks tries again.
 */
function remember<T>(
  get: () => Promise<T> | undefined,
  set: (made: Promise<T> | undefined) => void,
  make: () => Promise<T>,
): Promise<T> {
  const kept = get();
  if (kept) return kept;
  const made = make();
  set(made);
  made.catch(() => {
    if (get() === made) set(undefined);
  });
  return made;
}

/** The first `count` member users of `set`, created now where missing; requests and created users are charged to `owner`. */
export async function sharedMembers(set: SharedSet, count: number, owner: ScimTaskMeta): Promise<Created[]> {
  if (count > MAX_SHARED)
    throw new RangeError(
      `sharedUsers: at most ${MAX_SHARED} shared users (asked for ${count}); create more with resources.createUser()`,
    );
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      remember(
        () => set.members[i],
        (made) => {
          set.members[i] = made;
        },
        () => trackerFor(set, owner, MEMBER_SCOPE).createUser(),
      ),
    ),
  );
}

/** The ids of the first `count` member users (see sharedMembers). */
export async function sharedUsers(set: SharedSet, count: number, owner: ScimTaskMeta): Promise<string[]> {
  return (await sharedMembers(set, count, owner)).map((user) => user.id);
}

/**
 * What every member user's userName starts with and no other user's does: the run marker, the default label and
 * the member scope's tag (entra/names.ts: `<marker>-user-<tag><counter>@…`).
 */
export function sharedMemberPrefix(set: SharedSet): string {
  return `${runMarker(set.runId)}-user-${namesFor(set, MEMBER_SCOPE).tag}`;
}

/**
 * The read-only users: 'plain' has Entra's create body; 'mixed-case' capitals in its userName (name and domain) and
 * in its externalId (the case-insensitive match tests); 'two-emails' a work and an "other" e-mail address, both
 * unlike its userName (the e-mail filter tests).
 */
export type ReaderKind = 'plain' | 'mixed-case' | 'two-emails';

const READER_BODIES: Record<ReaderKind, (names: Names) => Record<string, unknown>> = {
  plain: () => ({}),
  'mixed-case': (names) => ({
    userName: names.userName('MiXedCase').replace(`@${EXAMPLE_DOMAIN}`, '@Conformance.Example.COM'),
    externalId: `${names.externalId()}-MiXeD`,
  }),
  'two-emails': (names) => ({
    emails: [
      { primary: true, type: 'work', value: names.email('workmail') },
      { type: 'other', value: names.email('othermail') },
    ],
  }),
};

/** One of the run's read-only users. Never change it. */
export function sharedReader(set: SharedSet, owner: ScimTaskMeta, kind: ReaderKind = 'plain'): Promise<Created> {
  return remember(
    () => set.readers.get(kind),
    (made) => {
      if (made) set.readers.set(kind, made);
      else set.readers.delete(kind);
    },
    () => {
      const scope = kind === 'plain' ? 'shared read-only user' : `shared ${kind} reader`;
      const names = namesFor(set, scope);
      return sharedTracker(owner, names).createUser(READER_BODIES[kind](names));
    },
  );
}

/** The run's user whose userName conflict tests reuse. Never change, read or filter it. */
export function sharedTakenUser(set: SharedSet, owner: ScimTaskMeta): Promise<Created> {
  return remember(
    () => set.taken,
    (made) => {
      set.taken = made;
    },
    () => trackerFor(set, owner, 'shared taken user').createUser(),
  );
}

/**
 * One of the run's read-only groups, created now if missing ('members': POST empty, then one PATCH Add of the first
 * two member users in the default dialect, as Entra adds members). A failed PATCH fails the asking test with its
 * own message and is forgotten like a failed create.
 */
export function sharedGroup(set: SharedSet, kind: SharedGroupKind, owner: ScimTaskMeta): Promise<SharedGroup> {
  return remember(
    () => set.groups.get(kind),
    (made) => {
      if (made) set.groups.set(kind, made);
      else set.groups.delete(kind);
    },
    () => makeGroup(set, kind, owner),
  );
}

async function makeGroup(set: SharedSet, kind: SharedGroupKind, owner: ScimTaskMeta): Promise<SharedGroup> {
  const members = kind === 'members' ? await sharedUsers(set, 2, owner) : [];
  const group = await trackerFor(set, owner, `shared ${kind} group`).createGroup();
  if (members.length > 0) await patchGroup(ownerClient(owner), group.id, patchBody([addMembersOp(members, 'default')]));
  return { ...group, members };
}

const MEMBER_SCOPE = 'shared member users';

function namesFor(set: SharedSet, scope: string): Names {
  let names = set.names.get(scope);
  if (!names) set.names.set(scope, (names = new Names(target().runId, target().seed, scope)));
  return names;
}

/** A tracker whose cleanup is never called: its users are deleted by the final cleanup. */
function trackerFor(set: SharedSet, owner: ScimTaskMeta, scope: string): Resources {
  return sharedTracker(owner, namesFor(set, scope));
}

/** A client whose requests are charged to `owner` as unrecorded (outside any test's exchanges). */
function ownerClient(owner: ScimTaskMeta): ScimClient {
  return baseClient().withRecorder(() => {
    owner.unrecordedRequests = (owner.unrecordedRequests ?? 0) + 1;
  });
}

/**
 * Creates users shared by several tests (here and in shared-writes.ts): its requests are charged to `owner` as
 * unrecorded (outside any test's exchanges), its users registered as created by `owner`; its cleanup is never called.
 */
export function sharedTracker(owner: ScimTaskMeta, names: Names): Resources {
  const client = ownerClient(owner);
  return new Resources(client, client, owner, names);
}

/** What {@link takeShared} hands over: the shared users' ids, and the shared groups with the member ids they were given. */
export interface TakenShared {
  users: string[];
  groups: Array<{ id: string; members: string[] }>;
}

/**
 * Ends the run's shared users and groups early: those created so far, forgotten by `set` (a test that asks after this
 * gets new ones, with new names). For U-30, which walks the whole listing after every test that points at them has
 * ended (src/harness/run-order.ts) and deletes them before it walks, instead of the final cleanup after the run: the
 * walk then sees only its own users, and the run ends sooner. Users and groups whose create failed are left out (a
 * 'members' group whose PATCH failed too: the final cleanup deletes it).
 */
export async function takeShared(set: SharedSet): Promise<TakenShared> {
  const users: Array<Promise<Created>> = [
    ...set.members.filter((m): m is Promise<Created> => m !== undefined),
    ...set.readers.values(),
    ...(set.taken ? [set.taken] : []),
  ];
  const groups = [...set.groups.values()];
  set.members = [];
  set.readers.clear();
  set.groups.clear();
  delete set.taken;
  const [madeUsers, madeGroups] = await Promise.all([Promise.allSettled(users), Promise.allSettled(groups)]);
  return {
    users: madeUsers.flatMap((s) => (s.status === 'fulfilled' ? [s.value.id] : [])),
    groups: madeGroups.flatMap((s) => (s.status === 'fulfilled' ? [{ id: s.value.id, members: s.value.members }] : [])),
  };
}
