/**
 * Users that several tests write, one test at a time (issue 19, decisions/request-budget.md). The per-attribute
 * profile tests (suites/profile/mapped-attributes.test.ts) each PATCH one attribute and read the user back; instead
 * of four requests each (create, PATCH, GET, delete), the tests of one attribute group share one user and send two.
 * Each still names its own behaviour, judges only its own attribute and fails alone:
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
 *   creates its own user as before (`run` answers false), so a refused example value is judged as before.
 *
 * Lifetime: a slot knows how many tests were declared on it ({@link WrittenUserSlot.plan}); the test whose turn ends
 * last deletes the user when it cleans up. Tests left out by the run's selection never take their turn: the final
 * cleanup deletes such a user (it is registered as created by the test that made it), and an interrupted run sweeps
 * it by the run marker like any other test data. Creates are unrecorded requests charged to the test that made
 * them, so every test's own exchanges stay the same whichever test happens to create the user (same --seed, same
 * requests: tests/robustness/replay.test.ts).
 */
import type { Names } from '../entra/names.js';
import type { Created } from './resources.js';

type Json = Record<string, unknown>;

/** The shared user as a test of the slot sees it. */
export interface SharedWrite {
  id: string;
  /** The create body as sent. */
  sent: Json;
  /** The user as the server last showed it: the POST answer, then each test's read-back (a test sets it after its GET). */
  state: Json;
}

/** What a test gives {@link WrittenUserSlot.run} (Resources.sharedWrite): how to create the user, how to delete it. */
export interface SlotTurn {
  /** The slot's name sequence, made once per slot (from the run seed). */
  names(scope: string): Names;
  /** POST /Users with Entra's body plus `extra`, as unrecorded requests charged to this test. */
  createUser(names: Names, extra: Json): Promise<Created>;
  /** Deletes the user when this test cleans up (it is registered as created by the test that made it). */
  deleteAtCleanup(id: string): void;
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
  async run(turn: SlotTurn, use: (user: SharedWrite) => Promise<boolean | void>): Promise<boolean> {
    const mine = this.queue.then(() => this.take(turn, use));
    this.queue = mine.catch(() => undefined);
    return mine;
  }

  private async take(turn: SlotTurn, use: (user: SharedWrite) => Promise<boolean | void>): Promise<boolean> {
    try {
      const user = await this.current(turn);
      if (!user) return false;
      try {
        return (await use(user)) !== false;
      } catch (error) {
        this.user = undefined;
        turn.deleteAtCleanup(user.id);
        throw error;
      }
    } finally {
      if (--this.planned <= 0 && this.user) {
        turn.deleteAtCleanup(this.user.id);
        this.user = undefined;
      }
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
