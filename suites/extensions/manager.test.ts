// The manager reference (catalog X-06…X-09): set and changed with a bare id (Entra) or {"value": id} (validator),
// sent as a plain string on create by some tenants, removed in several shapes, and always returned as an object.
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
} from '#harness';
import type { BehaviourContext, BehaviourOptions } from '#harness';

type Level = NonNullable<BehaviourOptions['level']>;

const MANAGER = enterprisePath('manager');

function skipUnlessMapped({ profile, skip }: BehaviourContext): void {
  if (!profile.users.mappings.some((m) => /manager$/i.test(m.target)))
    skip(`profile ${profile.name} does not map manager`);
}

async function expectManager(ctx: BehaviourContext, id: string, wanted: string, sent: string): Promise<void> {
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
}

const SET_SHAPES: Array<[string, string, (id: string) => unknown]> = [
  ['Add with a bare id (Entra default)', 'Add', (id) => id],
  ['add with a bare id (lower-case op)', 'add', (id) => id],
  ['add with {"value": id} (validator, Feb 2026)', 'add', (id) => ({ value: id })],
];

for (const [label, opName, shape] of SET_SHAPES) {
  behaviour('X-06', `manager set: ${label}`, async (ctx) => {
    skipUnlessMapped(ctx);
    const manager = await ctx.resources.sharedUser();
    const user = await ctx.resources.createUser();
    await patchUserOk(ctx.client, user.id, [{ op: opName, path: MANAGER, value: shape(manager.id) }]);
    await expectManager(
      ctx,
      user.id,
      manager.id,
      `{"op":"${opName}","path":"…:manager","value":${show(shape(manager.id))}}`,
    );
  });
}

behaviour(
  'X-06',
  'manager change: Replace with a bare id (default) and replace with {"value": id} (validator) both switch the manager',
  async (ctx) => {
    skipUnlessMapped(ctx);
    const [first, second, third] = (await ctx.resources.sharedUsers(3)).map((id) => ({ id }));
    if (!first || !second || !third) throw new Error('setup: asked for 3 shared users, got fewer');
    const user = await ctx.resources.createUser();
    await patchUserOk(ctx.client, user.id, [{ op: 'Add', path: MANAGER, value: first.id }]);
    await patchUserOk(ctx.client, user.id, [{ op: 'Replace', path: MANAGER, value: second.id }]);
    await expectManager(ctx, user.id, second.id, 'Replace manager with a bare id');
    await patchUserOk(ctx.client, user.id, [{ op: 'replace', path: MANAGER, value: { value: third.id } }]);
    await expectManager(ctx, user.id, third.id, 'replace manager with {"value": id}');
  },
);

behaviour('X-07', 'POST with the enterprise manager as a plain string stores it as {"value": …}', async (ctx) => {
  skipUnlessMapped(ctx);
  const manager = await ctx.resources.sharedUser();
  const user = await ctx.resources.createUser({ [URN.EnterpriseUser]: { manager: manager.id } });
  await expectManager(ctx, user.id, manager.id, `a create with "manager": ${show(manager.id)}`);
});

behaviour(
  'X-07',
  'POST with "Manager" (capital M, older Microsoft example) as a plain string is accepted',
  async (ctx) => {
    skipUnlessMapped(ctx);
    const manager = await ctx.resources.sharedUser();
    const user = await ctx.resources.createUser({ [URN.EnterpriseUser]: { Manager: manager.id } });
    await expectManager(ctx, user.id, manager.id, `a create with "Manager": ${show(manager.id)}`);
  },
);

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

for (const [label, shape, level] of REMOVE_SHAPES) {
  behaviour('X-08', `manager removal: ${label}`, level ? { level } : {}, async (ctx) => {
    skipUnlessMapped(ctx);
    const manager = await ctx.resources.sharedUser();
    const user = await ctx.resources.createUser({
      [URN.EnterpriseUser]: { department: 'Keep', manager: { value: manager.id } },
    });
    const sent = shape(manager.id);
    await patchUserOk(ctx.client, user.id, [sent]);
    const { response, user: stored } = await getUserOk(ctx.client, user.id);
    const value = storedValue(stored, MANAGER);
    expectThat(
      isCleared(value) || isCleared(memberCI(value, 'value')),
      `after ${show(sent)}, GET shows manager ${show(value)}; expected it absent, null or with an empty value — the manager link stays in place although Entra believes it removed`,
      { expected: 'no manager', actual: show(value), response },
    );
    expectThat(
      storedValue(stored, enterprisePath('department')) === 'Keep',
      `removing the manager changed department to ${show(storedValue(stored, enterprisePath('department')))}`,
      { response },
    );
  });
}

behaviour(
  'X-08',
  'after removal the manager is absent rather than {"value": ""}',
  { level: 'recommended' },
  async (ctx) => {
    skipUnlessMapped(ctx);
    const manager = await ctx.resources.sharedUser();
    const user = await ctx.resources.createUser({ [URN.EnterpriseUser]: { manager: { value: manager.id } } });
    await patchUserOk(ctx.client, user.id, [{ op: 'replace', path: MANAGER, value: '' }]);
    const { response, user: stored } = await getUserOk(ctx.client, user.id);
    const value = storedValue(stored, MANAGER);
    expectThat(
      value === undefined || value === null,
      `after replace manager "", GET shows manager ${show(value)}; an empty {"value": ""} passes Microsoft's checks but is an odd state for other readers`,
      { response },
    );
  },
);

behaviour('X-09', 'manager is returned as an object {"value": id} by GET and by a filter query', async (ctx) => {
  skipUnlessMapped(ctx);
  const manager = await ctx.resources.sharedUser();
  const user = await ctx.resources.createUser({ [URN.EnterpriseUser]: { manager: { value: manager.id } } });
  await expectManager(ctx, user.id, manager.id, 'a create with manager {"value": id}');
  const { response, resources: found } = await filterUsers(ctx.client, eqFilter('userName', user.name));
  const listed = storedValue(found[0], MANAGER);
  expectThat(
    listed !== null && typeof listed === 'object' && memberCI(listed, 'value') === manager.id,
    `the filter result shows manager ${show(listed)}; Entra deserialises query results strictly and fails the user on a string manager`,
    { expected: `{"value":"${manager.id}"}`, actual: show(listed), response },
  );
});
