/**
 * Creates the users and groups a test needs, Entra-shaped and marked with the run id, and deletes them when the
 * test ends, groups before users, whatever the outcome. What cannot be deleted is reported, never swallowed.
 */
import type { ScimClient, ScimResponse } from '../client/scim-client.js';
import type { Exchange } from '../model/exchange.js';
import { readObject, readString } from '../model/json.js';
import type { ResourceRef } from '../model/result.js';
import type { ScimTaskMeta } from '../model/task-meta.js';
import { status } from '../checks/status.js';
import { entraGroupBody, entraUserBody } from '../entra/bodies.js';
import { Names } from '../entra/names.js';
import { target } from './context.js';
import { ConformanceError, requestLine } from './verify.js';
import {
  runShared,
  sharedGroup,
  sharedMemberPrefix,
  sharedMembers,
  sharedReader,
  sharedTakenUser,
  sharedTracker,
  sharedUsers,
  takeShared,
  type SharedGroup,
  type SharedGroupKind,
  type ReaderKind,
} from './member-pool.js';
import type { SharedWrite, WrittenGroupSlot, WrittenUserSlot } from './shared-writes.js';

export interface Created {
  id: string;
  name: string;
  /** The body as sent. */
  sent: Record<string, unknown>;
  response: ScimResponse;
  /** The resource as the server returned it from POST. */
  resource: Record<string, unknown>;
}

/**
 * The id of the resource a POST under test created: a test that goes on without one would address `/Users/undefined`
 * or crash on a body that is not JSON (issue 16: HTML, empty, truncated or huge answers); it fails with the reason.
 */
export function createdId(response: ScimResponse, what: string): string {
  const id = readString(response.json, 'id');
  if (id) return id;
  throw new ConformanceError(
    {
      message: `${requestLine(response)}: ${what}: the answer has no id${response.jsonError ? ` (${response.jsonError})` : ''}`,
      expected: `201 with the created resource and its id`,
      actual: `${response.status} ${response.text.slice(0, 300)}`,
    },
    response.exchange,
  );
}

export class Resources {
  private readonly live: ResourceRef[] = [];

  constructor(
    private readonly client: ScimClient,
    private readonly cleanupClient: ScimClient,
    private readonly meta: ScimTaskMeta,
    private readonly names: Names,
  ) {}

  /** POST /Users with Entra's body; the test fails as a setup failure if no user with an id comes back. */
  async createUser(extra: Record<string, unknown> = {}): Promise<Created> {
    const userName = typeof extra.userName === 'string' ? extra.userName : this.names.userName();
    const sent = entraUserBody(userName, this.names.externalId(), extra);
    return this.create('User', '/Users', sent, userName);
  }

  /** POST /Groups with Entra's body (created empty, G-05). */
  async createGroup(extra: Record<string, unknown> = {}): Promise<Created> {
    const displayName = typeof extra.displayName === 'string' ? extra.displayName : this.names.groupName();
    const sent = entraGroupBody(displayName, this.names.externalId(), extra);
    return this.create('Group', '/Groups', sent, displayName);
  }

  /**
   * Ids of `count` users shared by the tests that only reference them, as group members or a manager
   * (member-pool.ts): they must not be changed or deleted by the test. Cheaper than createUser when a test only
   * points at users.
   */
  async sharedUsers(count: number): Promise<string[]> {
    return sharedUsers(runShared(), count, this.meta);
  }

  /** One shared member user (see sharedUsers). */
  async sharedUser(): Promise<{ id: string }> {
    const [id] = await sharedUsers(runShared(), 1, this.meta);
    return { id: id! };
  }

  /**
   * A shared user that tests only read (filters, GETs, listings): never PATCH, PUT or DELETE it. 'plain' (the default)
   * has Entra's create body; the other kinds carry the data a few read tests need (member-pool.ts ReaderKind).
   */
  async sharedReader(kind: ReaderKind = 'plain'): Promise<Created> {
    return sharedReader(runShared(), this.meta, kind);
  }

  /** The shared member users with their names (sharedUsers), and the userName prefix that they alone share. */
  async sharedMembers(count: number): Promise<{ users: Created[]; prefix: string }> {
    const set = runShared();
    return { users: await sharedMembers(set, count, this.meta), prefix: sharedMemberPrefix(set) };
  }

  /**
   * The shared user whose userName conflict tests reuse (a duplicate POST, a rename onto it): no test reads or
   * filters it, so a duplicate a faulty server creates (track and delete it) disturbs no other test.
   */
  async sharedTakenUser(): Promise<Created> {
    return sharedTakenUser(runShared(), this.meta);
  }

  /**
   * A shared group (member-pool.ts): 'empty' and 'members' (two shared member users) are only read; 'taken' is the
   * group whose displayName conflict tests reuse. Never rename, PATCH (except 'taken') or delete them.
   */
  async sharedGroup(kind: SharedGroupKind): Promise<SharedGroup> {
    return sharedGroup(runShared(), kind, this.meta);
  }

  /**
   * Deletes the run's shared users and groups (sharedUsers, sharedReader, sharedTakenUser, sharedGroup) now, as this
   * test's cleanup requests, rather than at the final cleanup: only for a test that runs after every test that points
   * at them (member-pool.ts takeShared). All go out together (the client's limiter bounds them), except that a user a
   * shared group holds waits for that group's DELETE (groups before their members, as every cleanup of the run). One
   * that cannot be deleted is left to the final cleanup, which tries again and reports it.
   */
  async releaseShared(): Promise<void> {
    const { users, groups } = await takeShared(runShared());
    const remove = async (type: ResourceRef['type'], id: string) => {
      const response = await this.cleanupClient.delete(`/${type}s/${id}`).catch(() => undefined);
      if (response && [204, 200, 404].includes(response.status)) this.meta.deleted.push({ type, id });
    };
    const groupsGone = new Map(groups.map((group) => [group.id, remove('Group', group.id)]));
    await Promise.all([
      ...groupsGone.values(),
      ...users.map(async (id) => {
        const holders = groups.filter((group) => group.members.includes(id));
        await Promise.all(holders.flatMap((group) => groupsGone.get(group.id) ?? []));
        await remove('User', id);
      }),
    ]);
  }

  /**
   * Runs `use` on the user of `slot` that several tests write one at a time (shared-writes.ts); false when the slot
   * has no user to offer (or `use` declined it) and the test must create its own. A throw from `use` retires that
   * user (this test deletes it). With `own` (a test that creates its own user, shared-writes.ts writeUser), that
   * user becomes the slot's when the slot has none yet.
   */
  async sharedWrite(
    slot: WrittenUserSlot,
    use: (user: SharedWrite) => Promise<boolean | void>,
    own?: () => Promise<SharedWrite>,
  ): Promise<boolean> {
    return slot.run(
      {
        names: (scope) => new Names(target().runId, target().seed, scope),
        createUser: (names, extra) => sharedTracker(this.meta, names).createUser(extra),
        deleteAtCleanup: (id) => this.live.push({ type: 'User', id }),
        keep: (id) => {
          const index = this.live.findIndex((r) => r.type === 'User' && r.id === id);
          if (index >= 0) this.live.splice(index, 1);
        },
      },
      use,
      own,
    );
  }

  /** Like sharedWrite, for the group of a {@link WrittenGroupSlot} (POST /Groups with Entra's body plus the slot's). */
  async sharedGroupWrite(
    slot: WrittenGroupSlot,
    use: (group: SharedWrite) => Promise<boolean | void>,
  ): Promise<boolean> {
    const turn = {
      names: (scope: string) => new Names(target().runId, target().seed, scope),
      createUser: (names: Names, extra: Record<string, unknown>) => sharedTracker(this.meta, names).createGroup(extra),
      deleteAtCleanup: (id: string) => this.live.push({ type: 'Group', id }),
      // A group this test created itself, handed over to the slot: this test's cleanup no longer deletes it.
      keep: (id: string) => {
        const index = this.live.findIndex((r) => r.type === 'Group' && r.id === id);
        if (index >= 0) this.live.splice(index, 1);
      },
    };
    return slot.run(turn, use);
  }

  /**
   * Runs `change` on the slot's shared user or group, from the name it has now (userName or displayName as last read
   * back, else as sent), and keeps what `change` returns (the resource as read back) as its state; on a user or group
   * this test creates when the slot has none to offer. For tests that each change one attribute of the same resource
   * and judge only their own change (U-20's renames; G-15, G-16 and G-22).
   */
  async changeShared(
    slot: WrittenUserSlot | WrittenGroupSlot,
    change: (id: string, name: string) => Promise<Record<string, unknown>>,
  ): Promise<void> {
    const group = 'holds' in slot;
    const attribute = group ? 'displayName' : 'userName';
    const use = async (shared: SharedWrite) => {
      shared.state = await change(shared.id, String(shared.state[attribute] ?? shared.sent[attribute]));
    };
    if (group ? await this.sharedGroupWrite(slot, use) : await this.sharedWrite(slot, use)) return;
    const own = group ? await this.createGroup() : await this.createUser();
    await change(own.id, own.name);
  }

  /** Registers a resource created by the test itself (e.g. a POST under test) for cleanup. */
  track(type: ResourceRef['type'], id: string, name?: string): void {
    const ref: ResourceRef = { type, id, ...(name ? { name } : {}) };
    this.live.push(ref);
    this.meta.created.push(ref);
  }

  /**
   * Tracks whatever a POST under test created, before the answer is judged: the id the answer carries, if any, is
   * deleted at cleanup even when the test then fails (a missing id is judged by the test, e.g. with createdId()).
   */
  trackCreated(type: ResourceRef['type'], response: ScimResponse, name?: string): string | undefined {
    const id = readString(response.json, 'id');
    if (!id) return undefined;
    this.track(type, id, name);
    return id;
  }

  /** Records that the test deleted a resource itself (e.g. a DELETE under test answered 204). */
  deleted(type: ResourceRef['type'], id: string): void {
    const index = this.live.findIndex((r) => r.type === type && r.id === id);
    if (index >= 0) {
      this.meta.deleted.push(this.live[index]!);
      this.live.splice(index, 1);
    }
  }

  private async create(
    type: ResourceRef['type'],
    path: string,
    sent: Record<string, unknown>,
    name: string,
  ): Promise<Created> {
    const response = await this.client.post(path, sent);
    const body = readObject(response.json);
    const id = readString(body, 'id');
    if (id) this.track(type, id, name);
    const bad = status(201, 200)(response);
    if (bad || !id || !body) {
      throw new ConformanceError(
        {
          message: `setup: could not create a test ${type.toLowerCase()}: ${requestLine(response)}: ${bad ? bad.message : 'the response has no id'}`,
          expected: `201 with the created ${type} and its id`,
          actual: `${response.status} ${response.text.slice(0, 300)}`,
          hint: `Every ${type.toLowerCase()} test needs POST ${path} to work first (catalog ${type === 'User' ? 'U-06' : 'G-05'}).`,
        },
        response.exchange,
      );
    }
    return { id, name, sent, response, resource: body };
  }

  /** Deletes what is still live: groups first (they reference users), newest first. */
  async cleanup(): Promise<void> {
    // Groups first (they reference users), then users; within each type the deletes go out together and the
    // run-wide limiter bounds them, so a test that made 200 users does not spend 200 round trips cleaning up.
    const live = [...this.live].reverse();
    for (const type of ['Group', 'User'] as const)
      await Promise.all(live.filter((ref) => ref.type === type).map((ref) => this.remove(ref)));
  }

  private async remove(ref: ResourceRef): Promise<void> {
    const path = `/${ref.type}s/${ref.id}`;
    // The test deleted it itself and the server said so (issue 19: a second DELETE only costs a request).
    if (this.meta.exchanges.some((e) => isGoneAnswer(e, path))) return this.deleted(ref.type, ref.id);
    try {
      const response = await this.cleanupClient.delete(path);
      if (response.status === 204 || response.status === 200 || response.status === 404) this.deleted(ref.type, ref.id);
      else this.meta.cleanupErrors.push(`DELETE ${path} answered ${response.status}`);
    } catch (error) {
      this.meta.cleanupErrors.push(`DELETE ${path} failed: ${(error as Error).message}`);
    }
  }
}

/** A DELETE of `path` that answered 204, 200 or 404: the resource is gone (404: or never was, for this server). */
function isGoneAnswer(exchange: Exchange, path: string): boolean {
  if (exchange.request.method !== 'DELETE' || ![204, 200, 404].includes(exchange.response?.status ?? 0)) return false;
  try {
    return new URL(exchange.request.url).pathname.endsWith(path);
  } catch {
    return false;
  }
}
