// The manager reference (catalog X-06…X-09): set and changed with a bare id (Entra) or {"value": id} (validator),
// sent as a plain string on create by some tenants, removed in several shapes, and always returned as an object.
// The tests write two shared users, one test at a time (issue 19, src/harness/shared-writes.ts). Each is started by
// an X-07 test (it judges its own create, a user with a manager) and then goes back and forth: a removal needs a
// manager in place, a set needs none, and each test says so — when the shared user is not as it needs, it creates
// its own user as before. The declarations below are in the order the two users go through them.
import {
  behaviour,
  expectThat,
  show,
  eqFilter,
  getUserOk,
  patchUserOk,
  filterUsers,
  storedValue,
  isCleared,
  enterprisePath,
  memberCI,
  URN,
  writeUser,
  valueBefore,
  WrittenUserSlot,
} from '#harness';
import type { BehaviourContext, BehaviourOptions } from '#harness';

type Level = NonNullable<BehaviourOptions['level']>;
type Json = Record<string, unknown>;

const MANAGER = enterprisePath('manager');
const DEPARTMENT = enterprisePath('department');

// Their bodies serve only when the X-07 test that starts them failed: then the next test creates the user.
const first = new WrittenUserSlot('extensions manager a', (names) => ({
  [URN.EnterpriseUser]: { department: names.text('Keep') },
}));
const second = new WrittenUserSlot('extensions manager b', (names) => ({
  [URN.EnterpriseUser]: { department: names.text('Keep') },
}));

/** The id the user's manager points at, or undefined when it has none (absent, null, or an empty value). */
function managerId(state: Json): string | undefined {
  const value = memberCI(storedValue(state, MANAGER), 'value');
  return typeof value === 'string' && value !== '' ? value : undefined;
}
const hasManager = (state: Json) =>
  managerId(state) !== undefined && typeof storedValue(state, DEPARTMENT) === 'string';
const noManager = (state: Json) => {
  const manager = storedValue(state, MANAGER);
  return isCleared(manager) || isCleared(memberCI(manager, 'value'));
};

function skipUnlessMapped({ profile, skip }: BehaviourContext): void {
  if (!profile.users.mappings.some((m) => /manager$/i.test(m.target)))
    skip(`profile ${profile.name} does not map manager`);
}

/** GET the user: its manager is the object {"value": wanted}. Answers the user as read back. */
async function expectManager(ctx: BehaviourContext, id: string, wanted: string, sent: string): Promise<Json> {
  const { response, user } = await getUserOk(ctx.client, id);
  const manager = storedValue(user, MANAGER);
  expectThat(
    manager !== null && typeof manager === 'object' && !Array.isArray(manager),
    `after ${sent}, GET shows manager ${show(manager)}; expected an object {"value":"${wanted}"} — a string manager makes Entra fail the user with ServiceIncompatible`,
    { expected: `{"value":"${wanted}"}`, actual: show(manager), response },
  );
  expectThat(
    memberCI(manager, 'value') === wanted,
    `after ${sent}, GET shows manager.value ${show(memberCI(manager, 'value'))}; expected the manager's id ${show(wanted)} exactly — anything else makes Entra re-send the manager every cycle`,
    { expected: wanted, actual: show(manager), response },
  );
  return user;
}

const SET_SHAPES: Array<[string, string, (id: string) => unknown]> = [
  ['Add with a bare id (Entra default)', 'Add', (id) => id],
  ['add with a bare id (lower-case op)', 'add', (id) => id],
  ['add with {"value": id} (validator, Feb 2026)', 'add', (id) => ({ value: id })],
];

function setTest(index: number, slot: WrittenUserSlot): void {
  const [label, opName, shape] = SET_SHAPES[index]!;
  const turn = slot.plan();
  behaviour('X-06', `manager set: ${label}`, async (ctx) => {
    skipUnlessMapped(ctx);
    await writeUser(ctx.resources, turn, { ready: noManager, own: () => ctx.resources.createUser() }, async (user) => {
      const manager = await ctx.resources.sharedUser();
      await patchUserOk(ctx.client, user.id, [{ op: opName, path: MANAGER, value: shape(manager.id) }]);
      return expectManager(
        ctx,
        user.id,
        manager.id,
        `{"op":"${opName}","path":"…:manager","value":${show(shape(manager.id))}}`,
      );
    });
  });
}

function changeTest(slot: WrittenUserSlot): void {
  const turn = slot.plan();
  behaviour(
    'X-06',
    'manager change: Replace with a bare id (default) and replace with {"value": id} (validator) both switch the manager',
    async (ctx) => {
      skipUnlessMapped(ctx);
      const own = () => ctx.resources.createUser();
      await writeUser(ctx.resources, turn, { ready: noManager, own }, async (user) => {
        const [one, two, three] = (await ctx.resources.sharedUsers(3)).map((id) => ({ id }));
        if (!one || !two || !three) throw new Error('setup: asked for 3 shared users, got fewer');
        await patchUserOk(ctx.client, user.id, [{ op: 'Add', path: MANAGER, value: one.id }]);
        await patchUserOk(ctx.client, user.id, [{ op: 'Replace', path: MANAGER, value: two.id }]);
        await expectManager(ctx, user.id, two.id, 'Replace manager with a bare id');
        await patchUserOk(ctx.client, user.id, [{ op: 'replace', path: MANAGER, value: { value: three.id } }]);
        return expectManager(ctx, user.id, three.id, 'replace manager with {"value": id}');
      });
    },
  );
}

const CREATE_SHAPES: Array<[string, string]> = [
  ['POST with the enterprise manager as a plain string stores it as {"value": …}', 'manager'],
  ['POST with "Manager" (capital M, older Microsoft example) as a plain string is accepted', 'Manager'],
];

/** judges its own create; its user (with a manager) then starts `slot`. */
function createTest(index: number, slot: WrittenUserSlot): void {
  const [title, key] = CREATE_SHAPES[index]!;
  const turn = slot.plan();
  behaviour('X-07', title, async (ctx) => {
    skipUnlessMapped(ctx);
    let managerIdSent = '';
    const own = async () => {
      managerIdSent = (await ctx.resources.sharedUser()).id;
      // The department is there for the removals that follow on this user (they judge that it stays).
      return ctx.resources.createUser({
        [URN.EnterpriseUser]: { department: ctx.names.text('Keep'), [key]: managerIdSent },
      });
    };
    await writeUser(ctx.resources, turn, { creates: true, own }, (user) =>
      expectManager(ctx, user.id, managerIdSent, `a create with "${key}": ${show(managerIdSent)}`),
    );
  });
}

// Levels per catalog §0.1 X-08: only Entra's own Remove is required; the rest are Microsoft's tools or robustness.
const REMOVE_SHAPES: Array<[string, (id: string) => Record<string, unknown>, Level | undefined]> = [
  ['Remove with the URN path (RFC form)', () => ({ op: 'Remove', path: MANAGER }), undefined],
  [
    'replace with "" (gallery test, Apr 2026 validator)',
    () => ({ op: 'replace', path: MANAGER, value: '' }),
    'gallery',
  ],
  [
    'replace with {"value": ""} (Feb 2026 validator)',
    () => ({ op: 'replace', path: MANAGER, value: { value: '' } }),
    'validator',
  ],
  ['replace with null', () => ({ op: 'replace', path: MANAGER, value: null }), 'recommended'],
  // One report (thomaspoignant/scim-patch#453, closed as invalid); a filter on a single-valued attribute is outside RFC 7644 §3.5.2.
  [
    'remove manager[value eq "<id>"] without the URN (reported from Azure AD)',
    (id) => ({ op: 'remove', path: `manager[value eq "${id}"]` }),
    'recommended',
  ],
];

/** A user with a manager and a department: the shared one when it has both, else one of the test's own. */
async function withManager(
  ctx: BehaviourContext,
  turn: WrittenUserSlot,
  act: (user: { id: string; userName: string; manager: string; department: unknown }) => Promise<Json | void>,
): Promise<void> {
  let managerIdSent = '';
  const own = async () => {
    managerIdSent = (await ctx.resources.sharedUser()).id;
    return ctx.resources.createUser({
      [URN.EnterpriseUser]: { department: 'Keep', manager: { value: managerIdSent } },
    });
  };
  await writeUser(ctx.resources, turn, { ready: hasManager, own }, (user) =>
    act({
      id: user.id,
      userName: user.userName,
      manager: user.shared ? managerId(user.state)! : managerIdSent,
      department: valueBefore(user, DEPARTMENT),
    }),
  );
}

function removeTest(index: number, slot: WrittenUserSlot): void {
  const [label, shape, level] = REMOVE_SHAPES[index]!;
  const turn = slot.plan();
  behaviour('X-08', `manager removal: ${label}`, level ? { level } : {}, async (ctx) => {
    skipUnlessMapped(ctx);
    await withManager(ctx, turn, async (user) => {
      const sent = shape(user.manager);
      await patchUserOk(ctx.client, user.id, [sent]);
      const { response, user: stored } = await getUserOk(ctx.client, user.id);
      const value = storedValue(stored, MANAGER);
      expectThat(
        isCleared(value) || isCleared(memberCI(value, 'value')),
        `after ${show(sent)}, GET shows manager ${show(value)}; expected it absent, null or with an empty value — the manager link stays in place although Entra believes it removed`,
        { expected: 'no manager', actual: show(value), response },
      );
      expectThat(
        storedValue(stored, DEPARTMENT) === user.department,
        `removing the manager changed department from ${show(user.department)} to ${show(storedValue(stored, DEPARTMENT))}`,
        { response },
      );
      return stored;
    });
  });
}

function absentTest(slot: WrittenUserSlot): void {
  const turn = slot.plan();
  behaviour(
    'X-08',
    'after removal the manager is absent rather than {"value": ""}',
    { level: 'recommended' },
    async (ctx) => {
      skipUnlessMapped(ctx);
      await withManager(ctx, turn, async (user) => {
        await patchUserOk(ctx.client, user.id, [{ op: 'replace', path: MANAGER, value: '' }]);
        const { response, user: stored } = await getUserOk(ctx.client, user.id);
        const value = storedValue(stored, MANAGER);
        expectThat(
          value === undefined || value === null,
          `after replace manager "", GET shows manager ${show(value)}; an empty {"value": ""} passes Microsoft's checks but is an odd state for other readers`,
          { response },
        );
        return stored;
      });
    },
  );
}

function listedTest(slot: WrittenUserSlot): void {
  const turn = slot.plan();
  behaviour('X-09', 'manager is returned as an object {"value": id} by GET and by a filter query', async (ctx) => {
    skipUnlessMapped(ctx);
    await withManager(ctx, turn, async (user) => {
      const stored = await expectManager(ctx, user.id, user.manager, 'a user with manager {"value": id}');
      const { response, resources: found } = await filterUsers(ctx.client, eqFilter('userName', user.userName));
      const listed = storedValue(found[0], MANAGER);
      expectThat(
        listed !== null && typeof listed === 'object' && memberCI(listed, 'value') === user.manager,
        `the filter result shows manager ${show(listed)}; Entra deserialises query results strictly and fails the user on a string manager`,
        { expected: `{"value":"${user.manager}"}`, actual: show(listed), response },
      );
      return stored;
    });
  });
}

// first: X-07 → remove → set → remove → set → X-09 → remove; second: X-07 → remove → set → remove → change → absent.
createTest(0, first);
createTest(1, second);
removeTest(0, first);
removeTest(2, second);
setTest(0, first);
setTest(2, second);
removeTest(1, first);
removeTest(3, second);
setTest(1, first);
changeTest(second);
listedTest(first);
absentTest(second);
removeTest(4, first);
