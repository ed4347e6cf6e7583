/**
 * Users that several tests write, one test at a time (issue 19, decisions/request-budget.md). The per-attribute
 * profile tests (suites/profile/mapped-attributes.test.ts), the PATCH suites (suites/patch) and the extension suites
 * (suites/extensions) each PATCH a user and read it back; instead of four requests each (create, PATCH, GET, delete),
 * the tests of one slot share one user and send two. Each still names its own behaviour, judges only what it wrote
 * and fails alone:
 *
 * - **One at a time.** Many servers apply a PATCH as read-modify-write of the whole resource: two concurrent PATCHes
 *   on one user would lose one update and fail a test wrongly. A slot is a queue: a test's PATCH and read-back run
 *   while no other test of the slot runs ({@link WrittenUserSlot.run}).
 * - **What the test starts from is known.** The user as the server last showed it (the POST answer, then each
 *   test's read-back) is handed to the next test as `state`, so a test judges "only my attribute changed" against it.
 * - **A failure changes nothing for the next test.** A test that throws (failed check, refused PATCH, inconclusive,
 *   timeout) retires the user: it deletes it when it cleans up, and the next test gets a new one, so what one broken
 *   PATCH left behind is never seen by another test.
 * - **No worse than a fresh user.** If the shared user cannot be created, the slot is closed and every test of it
 *   creates its own user as before (`run` answers false), so a refused example value is judged as before. A test
 *   whose starting point the shared user does not offer (it removes an attribute that is not there, adds one that
 *   is, needs a user without e-mails) says so ({@link WriteTurn.ready}) and creates its own user too.
 * - **Tests that must create their own user start a slot.** A test that judges its create, or needs a fresh user,
 *   creates it as it always did; when it is the slot's first test and passes, the slot takes that user over instead
 *   of creating one ({@link WriteTurn.creates}). A test that disables or renames the user, or reads nothing back,
 *   retires it ({@link WriteTurn.spoils}): such tests are declared last in their slot.
 *
 * Tests start in the order they are declared (vitest's concurrency bound is first come, first served), and a test
 * queues for its turn before anything else it awaits, so the order of the turns, and with it every test's requests,
 * is the same on every run (tests/robustness/replay.test.ts).
 *
 * Lifetime: a slot knows how many tests were declared on it ({@link WrittenUserSlot.plan}); the test whose turn ends
 * last deletes the user when it cleans up. Tests left out by the run's selection never take their turn: the final
 * cleanup deletes such a user (it is registered as created by the test that made it), and an interrupted run sweeps
 * it by the run marker like any other test data. Creates are unrecorded requests charged to the test that made
 * them, so every test's own exchanges stay the same whichever test happens to create the user (same --seed, same
 * requests: tests/robustness/replay.test.ts).
 */
import type { Names } from '../entra/names.js';
import { storedValue } from '../entra/read.js';
import type { Created, Resources } from './resources.js';

type Json = Record<string, unknown>;

/** The shared user as a test of the slot sees it. */
export interface SharedWrite {
  id: string;
  /** The create body as sent. */
  sent: Json;
  /** The user as the server last showed it: the POST answer, then each test's read-back (a test sets it after its GET). */
  state: Json;
  /**
   * Set by a test that leaves the user in a state the next test must not start from (disabled, renamed) or that
   * did not read it back: the user is retired after this turn (this test deletes it) and the next test gets a new one.
   */
  retired?: boolean;
}

/** What a test gives {@link WrittenUserSlot.run} (Resources.sharedWrite): how to create the user, how to delete it. */
export interface SlotTurn {
  /** The slot's name sequence, made once per slot (from the run seed). */
  names(scope: string): Names;
  /** POST /Users with Entra's body plus `extra`, as unrecorded requests charged to this test. */
  createUser(names: Names, extra: Json): Promise<Created>;
  /** Deletes the user when this test cleans up (it is registered as created by the test that made it). */
  deleteAtCleanup(id: string): void;
  /** Hands a user this test created itself over to the slot: this test's cleanup no longer deletes it. */
  keep(id: string): void;
}

export class WrittenUserSlot {
  private planned = 0;
  private user: SharedWrite | undefined;
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();
  private names: Names | undefined;

  /** `scope` names the slot (and its user names, from the run seed); `body` is its create body. */
  constructor(
    readonly scope: string,
    private readonly body: (names: Names) => Json,
  ) {}

  /** Declares one more test that will take a turn (call it where the test is declared). */
  plan(): this {
    this.planned++;
    return this;
  }

  /**
   * Runs `use` on the shared user when no other test of the slot runs, creating the user first if there is none.
   * False when the slot has no user to offer (its create failed), or when `use` answers false without sending
   * anything because the user is not in the state the test needs: the test then creates its own.
   */
  async run(
    turn: SlotTurn,
    use: (user: SharedWrite) => Promise<boolean | void>,
    own?: () => Promise<SharedWrite>,
  ): Promise<boolean> {
    const mine = this.queue.then(() => (own ? this.adopt(turn, own, use) : this.take(turn, use)));
    this.queue = mine.catch(() => undefined);
    return mine;
  }

  private async take(turn: SlotTurn, use: (user: SharedWrite) => Promise<boolean | void>): Promise<boolean> {
    try {
      const user = await this.current(turn);
      if (!user) return false;
      try {
        const used = (await use(user)) !== false;
        if (user.retired) this.retire(turn, user);
        return used;
      } catch (error) {
        this.retire(turn, user);
        throw error;
      }
    } finally {
      this.endTurn(turn);
    }
  }

  /**
   * A test that creates a user of its own (it judges the create, or needs a user without something): `own` creates
   * it as the test always did, `use` runs on it. When the slot has no user yet, that user becomes the slot's once
   * `use` succeeds, so the slot needs no create of its own; a failing test keeps (and deletes) its user as before.
   */
  private async adopt(
    turn: SlotTurn,
    own: () => Promise<SharedWrite>,
    use: (user: SharedWrite) => Promise<boolean | void>,
  ): Promise<boolean> {
    try {
      const empty = !this.user && !this.closed;
      const user = await own();
      await use(user);
      if (empty && !user.retired) {
        turn.keep(user.id);
        this.user = user;
      }
      return true;
    } finally {
      this.endTurn(turn);
    }
  }

  private retire(turn: SlotTurn, user: SharedWrite): void {
    if (this.user !== user) return;
    this.user = undefined;
    turn.deleteAtCleanup(user.id);
  }

  private endTurn(turn: SlotTurn): void {
    if (--this.planned <= 0 && this.user) {
      turn.deleteAtCleanup(this.user.id);
      this.user = undefined;
    }
  }

  private async current(turn: SlotTurn): Promise<SharedWrite | undefined> {
    if (this.user || this.closed) return this.user;
    this.names ??= turn.names(this.scope);
    try {
      const created = await turn.createUser(this.names, this.body(this.names));
      this.user = { id: created.id, sent: created.sent, state: created.resource };
    } catch {
      this.closed = true;
    }
    return this.user;
  }
}

/** A user a test writes and reads back: its slot's shared user, or one of its own. */
export interface WrittenUser {
  id: string;
  /** The userName it was created with. */
  userName: string;
  /** The create body as sent. */
  sent: Json;
  /** The user as the server last showed it: the previous test's read-back on a shared user, else the POST answer. */
  state: Json;
  /** True on the slot's shared user. */
  shared: boolean;
}

/**
 * What `path` held before the test wrote: on the shared user as the last test read it back, on a user of the test's
 * own as it was sent (a create answer may leave attributes out; a test judged against its create body before).
 */
export function valueBefore(user: WrittenUser, path: string): unknown {
  return storedValue(user.shared ? user.state : user.sent, path);
}

/** How a test takes its turn on a slot (see {@link writeUser}). */
export interface WriteTurn {
  /**
   * Whether the shared user, as the last test left it, is what this test needs (an attribute it removes is there,
   * one it adds is not): when not, the test creates its own user, as it did before users were shared.
   */
  ready?: (state: Json) => boolean;
  /** Creates the test's own user (the create it always made). */
  own: () => Promise<Created>;
  /**
   * The test always creates its own user (it judges the create, or needs one without something); when it is the
   * slot's first, its user then serves the slot's next tests (the slot creates none of its own).
   */
  creates?: boolean;
  /** The test leaves the user in a state no other test may start from (disabled, renamed): retired after it. */
  spoils?: boolean;
}

/**
 * Runs `act` on the slot's shared user when it is `ready`, else on a user of the test's own (also when `slot` is
 * undefined). `act` answers the user as it read it back (the next test's `state`); answering nothing retires the
 * shared user, since no one knows what it holds. A throw retires it too (WrittenUserSlot.run).
 */
export async function writeUser(
  resources: Pick<Resources, 'sharedWrite'>,
  slot: WrittenUserSlot | undefined,
  turn: WriteTurn,
  act: (user: WrittenUser) => Promise<Json | void>,
): Promise<void> {
  const ownUser = async (): Promise<SharedWrite> => {
    const created = await turn.own();
    return { id: created.id, sent: created.sent, state: created.resource };
  };
  const run = async (user: SharedWrite, shared: boolean): Promise<void> => {
    const after = await act({ ...user, userName: String(user.sent.userName), shared });
    if (after && !turn.spoils) user.state = after;
    else user.retired = true;
  };
  if (slot && turn.creates) {
    await resources.sharedWrite(slot, (user) => run(user, false), ownUser);
    return;
  }
  const shared =
    slot &&
    (await resources.sharedWrite(slot, async (user) => {
      if (turn.ready && !turn.ready(user.state)) return false;
      await run(user, true);
    }));
  if (!shared) await run(await ownUser(), false);
}

/**
 * A group that several tests write one at a time (issue 19, third step): the rename and externalId tests of
 * suites/groups/updates.test.ts (G-15, G-16, G-22) each change one attribute of the group and read it back. The same
 * queue, hand-over of the last read-back as `state`, retirement on failure and fallback to a fresh group as
 * {@link WrittenUserSlot}; use it with Resources.sharedGroupWrite, which creates and deletes a group instead of a user.
 */
export class WrittenGroupSlot extends WrittenUserSlot {
  /** What the slot holds: keeps a user slot from being passed where a group slot is expected. */
  readonly holds = 'Group' as const;
}
