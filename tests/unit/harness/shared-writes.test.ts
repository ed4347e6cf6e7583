// WrittenUserSlot (src/harness/shared-writes.ts): the tests of one slot write one shared user one at a time, each
// sees the state the one before left, a failing test retires the user, a failed create closes the slot, and the
// test whose turn ends last deletes the user.
import { describe, expect, it } from 'vitest';
import { Names } from '../../../src/entra/names.js';
import type { Created } from '../../../src/harness/resources.js';
import {
  WrittenUserSlot,
  valueBefore,
  writeUser,
  type SharedWrite,
  type SlotTurn,
} from '../../../src/harness/shared-writes.js';

type Json = Record<string, unknown>;

/** A fake target: creates users with ids u1, u2, … (or refuses), and records what each test would delete. */
function fakeTarget(options: { refuse?: boolean } = {}) {
  let made = 0;
  const creates: Json[] = [];
  const deletes: Array<{ test: string; id: string }> = [];
  const kept: Array<{ test: string; id: string }> = [];
  const turn = (test: string): SlotTurn => ({
    names: (scope) => new Names('0a1b2c3d', 1, scope),
    createUser: async (names, extra): Promise<Created> => {
      creates.push(extra);
      if (options.refuse) throw new Error('400 refused');
      const id = `u${++made}`;
      const resource = { id, userName: names.userName(), ...extra };
      return { id, name: String(resource.userName), sent: extra, response: undefined as never, resource };
    },
    deleteAtCleanup: (id) => void deletes.push({ test, id }),
    keep: (id) => void kept.push({ test, id }),
  });
  return { turn, creates, deletes, kept };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('WrittenUserSlot', () => {
  it('runs one test at a time, on one user, each starting from the state the one before left', async () => {
    const slot = new WrittenUserSlot('replace core', () => ({ title: 'a' }));
    const { turn, creates, deletes } = fakeTarget();
    const events: string[] = [];
    const test = (name: string, title: string) =>
      slot.plan().run(turn(name), async (user) => {
        events.push(`${name} start on ${user.id}, title ${String(user.state.title)}`);
        await tick();
        user.state = { ...user.state, title };
        events.push(`${name} end`);
      });
    expect(await Promise.all([test('A', 'b'), test('B', 'c'), test('C', 'd')])).toEqual([true, true, true]);
    expect(events).toEqual([
      'A start on u1, title a',
      'A end',
      'B start on u1, title b',
      'B end',
      'C start on u1, title c',
      'C end',
    ]);
    expect(creates).toEqual([{ title: 'a' }]);
    // The last turn deletes the user; nobody else does.
    expect(deletes).toEqual([{ test: 'C', id: 'u1' }]);
  });

  it('a failing test retires the user (it deletes it) and the next test gets a new one', async () => {
    const slot = new WrittenUserSlot('remove emails', () => ({}));
    const { turn, deletes } = fakeTarget();
    const seen: string[] = [];
    const ok = (name: string) => slot.run(turn(name), async (user) => void seen.push(`${name}:${user.id}`));
    slot.plan().plan().plan();
    const first = ok('A');
    const failing = slot.run(turn('B'), async (user) => {
      seen.push(`B:${user.id}`);
      throw new Error('the PATCH was refused');
    });
    const third = ok('C');
    expect(await first).toBe(true);
    await expect(failing).rejects.toThrow('the PATCH was refused');
    expect(await third).toBe(true);
    expect(seen).toEqual(['A:u1', 'B:u1', 'C:u2']);
    expect(deletes).toEqual([
      { test: 'B', id: 'u1' },
      { test: 'C', id: 'u2' },
    ]);
  });

  it('a failed create closes the slot: every test creates its own user, and the create is not retried', async () => {
    const slot = new WrittenUserSlot('replace name', () => ({ name: { givenName: 'x' } }));
    const { turn, creates, deletes } = fakeTarget({ refuse: true });
    const used: string[] = [];
    const results = await Promise.all(
      ['A', 'B'].map((name) => slot.plan().run(turn(name), async () => void used.push(name))),
    );
    expect(results).toEqual([false, false]);
    expect(used).toEqual([]);
    expect(creates).toHaveLength(1);
    expect(deletes).toEqual([]);
  });

  it('a test that declines the user (false) sends nothing and leaves it to the next test', async () => {
    const slot = new WrittenUserSlot('remove core', () => ({}));
    const { turn, deletes } = fakeTarget();
    slot.plan().plan();
    expect(await slot.run(turn('A'), async () => false)).toBe(false);
    expect(await slot.run(turn('B'), async () => undefined)).toBe(true);
    expect(deletes).toEqual([{ test: 'B', id: 'u1' }]);
  });
});

describe('WrittenUserSlot: users handed over and retired', () => {
  const own = (id: string) => async () => ({ id, sent: { userName: `${id}@x` }, state: { id, step: 0 } });

  it("a test that creates its own user first hands it to the slot (no create of the slot's own), not when it fails", async () => {
    const slot = new WrittenUserSlot('handed', () => ({}));
    const { turn, creates, deletes, kept } = fakeTarget();
    slot.plan().plan().plan();
    const seen: string[] = [];
    await slot.run(turn('A'), async (user) => void (user.state = { ...user.state, step: 1 }), own('a1'));
    await slot.run(turn('B'), async (user) => void seen.push(`B:${user.id}:${String(user.state.step)}`));
    // A later test that creates its own user keeps it: the slot already has one.
    await slot.run(turn('C'), async (user) => void seen.push(`C:${user.id}`), own('c1'));
    expect(seen).toEqual(['B:a1:1', 'C:c1']);
    expect(creates).toEqual([]);
    expect(kept).toEqual([{ test: 'A', id: 'a1' }]);
    expect(deletes).toEqual([{ test: 'C', id: 'a1' }]);
  });

  it('a failing first test keeps its user (its own cleanup deletes it); the next test creates the slot user', async () => {
    const slot = new WrittenUserSlot('handed', () => ({ title: 'x' }));
    const { turn, creates, deletes, kept } = fakeTarget();
    slot.plan().plan();
    const failing = slot.run(
      turn('A'),
      async () => {
        throw new Error('the create answered 400');
      },
      own('a1'),
    );
    await expect(failing).rejects.toThrow('400');
    const seen: string[] = [];
    await slot.run(turn('B'), async (user) => void seen.push(user.id));
    expect(seen).toEqual(['u1']);
    expect(creates).toEqual([{ title: 'x' }]);
    expect(kept).toEqual([]);
    expect(deletes).toEqual([{ test: 'B', id: 'u1' }]);
  });

  it('a test that marks the user retired deletes it; the next test gets a new one', async () => {
    const slot = new WrittenUserSlot('retired', () => ({}));
    const { turn, deletes } = fakeTarget();
    slot.plan().plan();
    const seen: string[] = [];
    await slot.run(turn('A'), async (user) => {
      seen.push(user.id);
      user.retired = true;
    });
    await slot.run(turn('B'), async (user) => void seen.push(user.id));
    expect(seen).toEqual(['u1', 'u2']);
    expect(deletes).toEqual([
      { test: 'A', id: 'u1' },
      { test: 'B', id: 'u2' },
    ]);
  });
});

describe('writeUser', () => {
  /** Resources.sharedWrite over the fake target, and a createUser that makes the test's own users. */
  function fakeResources(test: string, target: ReturnType<typeof fakeTarget>, made: string[]) {
    return {
      sharedWrite: (
        slot: WrittenUserSlot,
        use: Parameters<WrittenUserSlot['run']>[1],
        own?: () => Promise<SharedWrite>,
      ) => slot.run(target.turn(test), use, own),
      own: async (): Promise<Created> => {
        const id = `${test.toLowerCase()}-own`;
        made.push(id);
        return {
          id,
          name: `${id}@x`,
          sent: { userName: `${id}@x`, title: 'sent' },
          response: undefined as never,
          resource: { id },
        };
      },
    };
  }

  it('passes each test the state the one before read back; a user that is not ready is left for a user of its own', async () => {
    const slot = new WrittenUserSlot('write', () => ({ title: 'created' }));
    const target = fakeTarget();
    const made: string[] = [];
    const seen: Array<[string, boolean, unknown]> = [];
    slot.plan().plan().plan();
    const step = async (test: string, title: string, ready?: (state: Record<string, unknown>) => boolean) => {
      const resources = fakeResources(test, target, made);
      await writeUser(resources, slot, { own: resources.own, ...(ready ? { ready } : {}) }, async (user) => {
        seen.push([user.id, user.shared, valueBefore(user, 'title')]);
        return { ...user.state, title };
      });
    };
    await step('A', 'a');
    await step('B', 'b', (state) => state.title === 'nothing like it');
    await step('C', 'c');
    expect(seen).toEqual([
      ['u1', true, 'created'],
      ['b-own', false, 'sent'],
      ['u1', true, 'a'],
    ]);
    expect(made).toEqual(['b-own']);
  });

  it('a test that answers no read-back, or spoils the user, retires it', async () => {
    const slot = new WrittenUserSlot('write', () => ({}));
    const target = fakeTarget();
    const ids: string[] = [];
    slot.plan().plan().plan().plan();
    const run = (test: string, spoils: boolean, readBack: boolean) => {
      const resources = fakeResources(test, target, []);
      return writeUser(resources, slot, { own: resources.own, spoils }, async (user) => {
        ids.push(user.id);
        return readBack ? user.state : undefined;
      });
    };
    await run('A', false, false);
    await run('B', true, true);
    await run('C', false, true);
    await run('D', false, true);
    expect(ids).toEqual(['u1', 'u2', 'u3', 'u3']);
  });
});
