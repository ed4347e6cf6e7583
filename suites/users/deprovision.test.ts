// Disable, re-enable and delete (catalog U-13…U-16, U-18, U-19). Entra disables with PATCH active=false — the
// string "False" in its default job, a boolean with the flag — and deletes only on a hard delete in Entra.
import {
  behaviour,
  verify,
  status,
  errorStatus,
  listResponse,
  expectThat,
  show,
  eqFilter,
  getUserOk,
  patchUserOk,
  filterUsers,
  idsOf,
  memberCI,
  patchBody,
  expectMembers,
  WrittenUserSlot,
  findsOnly,
} from '#harness';
import type { BehaviourContext, ScimClient, ScimResponse } from '#harness';

/** Entra only sends active=false/true when the app deprovisions by disabling (active mapped, catalog U-17). */
function skipUnlessDisables({ profile, skip }: BehaviourContext): void {
  if (!profile.users.deprovision.includes('disable'))
    skip(`profile ${profile.name} deprovisions by DELETE only; Entra sends no active=false`);
}

async function expectActive(
  client: ScimClient,
  id: string,
  wanted: boolean,
  sent: string,
  patched: ScimResponse,
): Promise<void> {
  // A 200 without a body is P-14's concern; when the resource is returned it must already show the change.
  if (patched.status === 200 && patched.json && typeof patched.json === 'object') {
    const inBody = memberCI(patched.json, 'active');
    expectThat(
      inBody === wanted,
      `the PATCH response shows active ${show(inBody)} after ${sent}; expected the JSON boolean ${wanted}`,
      { expected: String(wanted), actual: show(inBody), response: patched },
    );
  }
  const { response, user } = await getUserOk(client, id);
  const active = memberCI(user, 'active');
  expectThat(
    active === wanted,
    `after ${sent}, GET shows active ${show(active)}; expected the JSON boolean ${wanted}`,
    {
      expected: String(wanted),
      actual: show(active),
      response,
      hint: wanted
        ? 'Parse "True"/"true"/true alike; a server that reads only false leaves returning users disabled.'
        : 'Parse "False"/"false"/false case-insensitively as a boolean and always return JSON booleans; a string "False" is not truthy.',
    },
  );
}

/**
 * The two U-13 tests judge how a disabled user is seen, not the disable itself (U-14, U-15 judge that on active users):
 * they share one user, one test at a time (src/harness/shared-writes.ts). Each sends the same boolean disable, so the
 * second finds the user already disabled and its PATCH changes nothing; a failed test retires the user, and the other
 * test then disables a fresh one. `see` gets the user's id and userName and returns the user as it read it.
 */
const disabled = new WrittenUserSlot('U-13 disabled user', () => ({}));

async function onDisabledUser(
  ctx: BehaviourContext,
  see: (id: string, userName: string) => Promise<Record<string, unknown>>,
): Promise<void> {
  const { client, resources } = ctx;
  const disable = async (id: string, userName: string) => {
    await patchUserOk(client, id, [{ op: 'replace', path: 'active', value: false }]);
    return see(id, userName);
  };
  const shared = await resources.sharedWrite(disabled, async (user) => {
    user.state = await disable(user.id, String(user.sent.userName));
  });
  if (shared) return;
  const user = await resources.createUser();
  await disable(user.id, user.name);
}

disabled.plan();
behaviour('U-13', 'a disabled user is still returned by GET /Users/{id} with active false', async (ctx) => {
  skipUnlessDisables(ctx);
  await onDisabledUser(ctx, async (id) => {
    const response = await ctx.client.get(`/Users/${id}`);
    expectThat(
      response.status === 200,
      `GET of a disabled user answered ${response.status}; only a hard DELETE may hide a user — Entra cannot find it to re-enable, or POSTs a duplicate`,
      { response },
    );
    expectThat(
      memberCI(response.json, 'active') === false,
      `GET of the disabled user shows active ${show(memberCI(response.json, 'active'))}`,
      { response },
    );
    return response.json as Record<string, unknown>;
  });
});

disabled.plan();
behaviour('U-13', 'a disabled user is still found by filter userName eq, with active false', async (ctx) => {
  skipUnlessDisables(ctx);
  await onDisabledUser(ctx, async (id, userName) => {
    const { response, resources: found } = await filterUsers(ctx.client, eqFilter('userName', userName));
    expectThat(
      findsOnly(found, id),
      `after disabling, filter userName eq ${show(userName)} returned ${show(idsOf(found))}; Entra's next match finds nothing and POSTs a duplicate (or loops on 409)`,
      { expected: `[${id}]`, actual: show(response.json), response },
    );
    expectThat(
      memberCI(found[0], 'active') === false,
      `the filtered user shows active ${show(memberCI(found[0], 'active'))}`,
      { response },
    );
    return found[0]!;
  });
});

behaviour(
  'U-14',
  'PATCH Replace active "False" (string, Entra default job) disables the user',
  { tags: ['default-dialect'] },
  async (ctx) => {
    const { client, resources } = ctx;
    skipUnlessDisables(ctx);
    const user = await resources.createUser();
    const patched = await patchUserOk(client, user.id, [{ op: 'Replace', path: 'active', value: 'False' }]);
    await expectActive(client, user.id, false, 'Replace active "False"', patched);
  },
);

behaviour(
  'U-14',
  'PATCH Replace active "false" (lower-case string) disables the user',
  { tags: ['default-dialect'] },
  async (ctx) => {
    const { client, resources } = ctx;
    skipUnlessDisables(ctx);
    const user = await resources.createUser();
    const patched = await patchUserOk(client, user.id, [{ op: 'Replace', path: 'active', value: 'false' }]);
    await expectActive(client, user.id, false, 'Replace active "false"', patched);
  },
);

behaviour(
  'U-15',
  'PATCH replace active false (boolean, flag dialect) disables the user',
  { tags: ['flag-dialect'] },
  async (ctx) => {
    const { client, resources } = ctx;
    skipUnlessDisables(ctx);
    const user = await resources.createUser();
    const patched = await patchUserOk(client, user.id, [{ op: 'replace', path: 'active', value: false }]);
    await expectActive(client, user.id, false, 'replace active false', patched);
  },
);

behaviour(
  'U-15',
  "PATCH Replace active false (boolean with a capitalised op, Microsoft's current sample) disables the user",
  async (ctx) => {
    const { client, resources } = ctx;
    skipUnlessDisables(ctx);
    const user = await resources.createUser();
    const patched = await patchUserOk(client, user.id, [{ op: 'Replace', path: 'active', value: false }]);
    await expectActive(client, user.id, false, 'Replace active false', patched);
  },
);

behaviour(
  'U-16',
  'PATCH Replace active "True" re-enables a user disabled with "False", same id',
  { tags: ['default-dialect'] },
  async (ctx) => {
    const { client, resources } = ctx;
    skipUnlessDisables(ctx);
    const user = await resources.createUser();
    await patchUserOk(client, user.id, [{ op: 'Replace', path: 'active', value: 'False' }]);
    const patched = await patchUserOk(client, user.id, [{ op: 'Replace', path: 'active', value: 'True' }]);
    await expectActive(client, user.id, true, 'Replace active "False" then Replace active "True"', patched);
  },
);

behaviour(
  'U-16',
  'PATCH replace active true re-enables a user disabled with false',
  { tags: ['flag-dialect'] },
  async (ctx) => {
    const { client, resources } = ctx;
    skipUnlessDisables(ctx);
    const user = await resources.createUser();
    await patchUserOk(client, user.id, [{ op: 'replace', path: 'active', value: false }]);
    const patched = await patchUserOk(client, user.id, [{ op: 'replace', path: 'active', value: true }]);
    await expectActive(client, user.id, true, 'replace active false then replace active true', patched);
  },
);

behaviour('U-16', 'group memberships survive disable and re-enable (Entra does not re-send them)', async (ctx) => {
  const { client, resources, profile, skip } = ctx;
  skipUnlessDisables(ctx);
  if (profile.resources === 'users') skip(`profile ${profile.name} provisions users only`);
  const user = await resources.createUser();
  const group = await resources.createGroup();
  const added = await client.patch(
    `/Groups/${group.id}`,
    patchBody([{ op: 'Add', path: 'members', value: [{ $ref: null, value: user.id }] }]),
  );
  verify(added, status(204, 200));
  await patchUserOk(client, user.id, [{ op: 'Replace', path: 'active', value: 'False' }]);
  await patchUserOk(client, user.id, [{ op: 'Replace', path: 'active', value: 'True' }]);
  await expectMembers(client, group.id, [user.id], 'after disable and re-enable', {
    hint: 'The user lost its membership, and Entra never re-adds it: it diffs against its own records (G-18).',
  });
});

behaviour(
  'U-18',
  'DELETE /Users/{id} succeeds (204, or 200); GET then answers 404 and the filter finds nothing',
  async ({ client, resources }) => {
    // Entra reads a 2xx as deleted; the exact 204 with no body (RFC 7644 §3.6) is judged by the recommended test below.
    const user = await resources.createUser();
    const deleted = await client.delete(`/Users/${user.id}`);
    verify(deleted, status(204, 200));
    resources.deleted('User', user.id);
    const after = await client.get(`/Users/${user.id}`);
    verify(after, errorStatus(404));
    const list = await client.get('/Users', { query: { filter: eqFilter('userName', user.name) } });
    verify(list, status(200), listResponse({ totalResults: 0 }));
  },
);

behaviour(
  'U-18',
  'DELETE /Users/{id} answers exactly 204 No Content, with no body',
  { level: 'recommended' },
  async ({ client, resources }) => {
    const user = await resources.createUser();
    const deleted = await client.delete(`/Users/${user.id}`);
    if (deleted.status < 300) resources.deleted('User', user.id);
    verify(deleted, status(204));
    expectThat(
      deleted.text.trim() === '',
      `DELETE answered 204 with a body ${show(deleted.text.slice(0, 100))}; 204 has no content (RFC 7644 §3.6)`,
      { response: deleted },
    );
  },
);

behaviour('U-19', 'a second DELETE of the same user answers 404', async ({ client, resources }) => {
  const user = await resources.createUser();
  const first = await client.delete(`/Users/${user.id}`);
  verify(first, status(204, 200));
  resources.deleted('User', user.id);
  const second = await client.delete(`/Users/${user.id}`);
  verify(second, errorStatus(404));
});

behaviour('U-19', 'DELETE /Users/{unknown id} answers 404', async ({ client, names }) => {
  const response = await client.delete(`/Users/${names.absent()}`);
  verify(response, errorStatus(404));
});
