// Non-member group updates and deletes (catalog G-15, G-16, G-17, G-21, G-22): renames must keep displayName a
// unique, filterable key; DELETE must make the group disappear everywhere; deleted users must leave memberships.
import {
  behaviour,
  verify,
  status,
  fail,
  expectThat,
  show,
  errorStatus,
  patchBody,
  skipUnlessGroups,
  patchGroup,
  readGroup,
  matchGroups,
  addMembersOp,
  expectMembers,
  memberPatchAnswer,
  WrittenGroupSlot,
  type ScimClient,
} from '#harness';

async function expectRenamed(
  client: ScimClient,
  id: string,
  oldName: string,
  newName: string,
  sent: string,
): Promise<Record<string, unknown>> {
  const { response, group } = await readGroup(client, id);
  expectThat(
    group.displayName === newName,
    `after ${sent}, GET /Groups/{id} shows displayName ${show(group.displayName)}; expected ${show(newName)}`,
    { response, expected: newName, actual: show(group.displayName) },
  );
  const found = await matchGroups(client, 'displayName', newName, {});
  expectThat(
    found.resources.length === 1 && found.resources[0]!.id === id,
    `after the rename, filter displayName eq "${newName}" finds ${show(found.resources.map((g) => g.id))}; expected exactly ${id}`,
    {
      response: found.response,
      hint: 'Entra finds the group by its new name in the next cycle; if the filter misses it, Entra creates a duplicate.',
    },
  );
  const old = await matchGroups(client, 'displayName', oldName, {});
  expectThat(
    old.resources.length === 0,
    `after the rename, filter displayName eq "${oldName}" (the old name) still finds ${show(old.resources.map((g) => g.id))}; expected 0 results`,
    { response: old.response },
  );
  return group;
}

/**
 * The renames and externalId changes (G-15's two renames, G-16, G-22) share one group, one test at a time
 * (src/harness/shared-writes.ts): each changes one attribute from the value it has now and judges only that change;
 * a failed test retires the group and the next test of the slot gets a fresh one (Resources.changeShared: each test's
 * change gets the group's id and current displayName and returns the group as read back afterwards).
 */
const writes = new WrittenGroupSlot('group updates', () => ({}));

writes.plan();
behaviour(
  'G-15',
  'rename with {"op":"Replace","path":"displayName"} (default): new name filterable, old name not',
  { tags: ['default-dialect'] },
  async (ctx) => {
    const { client, names, profile, skip } = ctx;
    skipUnlessGroups(profile, skip);
    const newName = names.groupName('renamed');
    await ctx.resources.changeShared(writes, async (id, oldName) => {
      await patchGroup(client, id, patchBody([{ op: 'Replace', path: 'displayName', value: newName }]));
      return expectRenamed(client, id, oldName, newName, `{"op":"Replace","path":"displayName","value":"${newName}"}`);
    });
  },
);

writes.plan();
behaviour(
  'G-15',
  'rename with a path-less {"op":"replace","value":{"displayName":…}}: new name filterable, old name not',
  { tags: ['flag-dialect'] },
  async (ctx) => {
    const { client, names, profile, skip } = ctx;
    skipUnlessGroups(profile, skip);
    const newName = names.groupName('renamed');
    await ctx.resources.changeShared(writes, async (id, oldName) => {
      await patchGroup(client, id, patchBody([{ op: 'replace', value: { displayName: newName } }]));
      return expectRenamed(client, id, oldName, newName, `{"op":"replace","value":{"displayName":"${newName}"}}`);
    });
  },
);

behaviour(
  'G-15',
  'rename onto the displayName of another group is refused (409, or 400 uniqueness) and keeps the old name',
  { tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    // The run's 'taken' group: no test reads it, so a faulty server's accepted rename disturbs no other test.
    const taken = await resources.sharedGroup('taken');
    const group = await resources.createGroup();
    const response = await client.patch(
      `/Groups/${group.id}`,
      patchBody([{ op: 'Replace', path: 'displayName', value: taken.name }]),
    );
    // RFC 7643 §7 lets a server reject with 400 (scimType uniqueness, RFC 7644 §3.12) as well as 409 (catalog §0.1).
    const bad = errorStatus(409, 400)(response);
    if (bad)
      fail(`renaming a group onto the existing name "${taken.name}": ${bad.message}`, {
        response,
        expected: '409, or 400 uniqueness',
        actual: bad.actual ?? String(response.status),
        hint: 'Two groups with one displayName give Entra two matches (MultipleEntriesInResponse) or make it link the wrong group (G-04).',
      });
    const { response: after, group: stored } = await readGroup(client, group.id);
    expectThat(
      stored.displayName === group.name,
      `after the rejected rename, the group's displayName is ${show(stored.displayName)}; expected it unchanged, ${show(group.name)}`,
      { response: after },
    );
  },
);

writes.plan();
behaviour(
  'G-16',
  'path-less {"op":"replace","value":{"externalId":…}} stores the new externalId',
  { tags: ['flag-dialect'] },
  async (ctx) => {
    const { client, names, profile, skip } = ctx;
    skipUnlessGroups(profile, skip);
    const externalId = names.externalId();
    await ctx.resources.changeShared(writes, async (id) => {
      await patchGroup(client, id, patchBody([{ op: 'replace', value: { externalId } }]));
      const { response, group: stored } = await readGroup(client, id);
      expectThat(
        stored.externalId === externalId,
        `after {"op":"replace","value":{"externalId":"${externalId}"}}, GET shows externalId ${show(stored.externalId)}`,
        { response, expected: externalId, actual: show(stored.externalId) },
      );
      const found = await matchGroups(client, 'externalId', externalId, {});
      expectThat(
        found.resources.length === 1 && found.resources[0]!.id === id,
        `filter externalId eq "${externalId}" finds ${show(found.resources.map((g) => g.id))}; expected exactly ${id}`,
        { response: found.response },
      );
      return stored;
    });
  },
);

behaviour(
  'G-17',
  'DELETE /Groups/{id} succeeds (204, or 200); then GET 404 and the displayName filter finds nothing',
  async ({ client, resources, profile, skip }) => {
    // Entra reads a 2xx as deleted; the exact 204 and the 404 on a second DELETE (RFC 7644 §3.6) are judged below,
    // recommended, as U-18 and U-19 are for users.
    skipUnlessGroups(profile, skip);
    const group = await resources.createGroup();
    const deleted = await client.delete(`/Groups/${group.id}`);
    verify(deleted, status(204, 200));
    resources.deleted('Group', group.id);
    const get = await client.get(`/Groups/${group.id}`);
    verify(get, errorStatus(404));
    await matchGroups(client, 'displayName', group.name, { total: 0 });
  },
);

behaviour(
  'G-17',
  'DELETE /Groups/{id} answers exactly 204, and a second DELETE of the group answers 404',
  { level: 'recommended' },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const group = await resources.createGroup();
    const deleted = await client.delete(`/Groups/${group.id}`);
    if (deleted.status < 300) resources.deleted('Group', group.id);
    verify(deleted, status(204));
    const again = await client.delete(`/Groups/${group.id}`);
    const bad = errorStatus(404)(again);
    if (bad)
      verify(again, () => ({
        ...bad,
        message: `a second DELETE of the deleted group: ${bad.message}`,
        hint: 'An unknown id is 404 (RFC 7644 §3.6); Microsoft\'s validator checks "Delete the same Group twice".',
      }));
  },
);

behaviour(
  'G-21',
  'a deleted user no longer appears in the members of its group',
  { tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const stay = await resources.sharedUser(); // only pointed at; the deleted one is the test's own
    const gone = await resources.createUser();
    const group = await resources.createGroup();
    await patchGroup(client, group.id, patchBody([addMembersOp([stay.id, gone.id], 'default')]));
    await expectMembers(client, group.id, [stay.id, gone.id], 'after adding two members');
    const deleted = await client.delete(`/Users/${gone.id}`);
    verify(deleted, status(204, 200));
    resources.deleted('User', gone.id);
    await expectMembers(client, group.id, [stay.id], `after DELETE /Users/${gone.id}`, {
      others: [gone.id],
      hint: 'A member reference to a deleted user is dangling; clients that follow it get 404.',
    });
  },
);

writes.plan();
behaviour(
  'G-22',
  'PATCH is supported on /Groups: a Replace externalId is applied (not 405/501)',
  { tags: ['default-dialect'] },
  async (ctx) => {
    const { client, names, profile, skip } = ctx;
    skipUnlessGroups(profile, skip);
    const externalId = names.externalId();
    await ctx.resources.changeShared(writes, async (id) => {
      const response = await client.patch(
        `/Groups/${id}`,
        patchBody([{ op: 'Replace', path: 'externalId', value: externalId }]),
      );
      if (response.status === 405 || response.status === 501)
        fail(`PATCH /Groups/{id} answered ${response.status}: the endpoint does not support PATCH on groups`, {
          response,
          expected: '204 (or 200)',
          actual: String(response.status),
          hint: 'Microsoft supports group provisioning only to endpoints that support PATCH; Entra never sends PUT, so memberships can never arrive.',
        });
      verify(response, memberPatchAnswer());
      const { response: after, group: stored } = await readGroup(client, id);
      expectThat(
        stored.externalId === externalId,
        `after {"op":"Replace","path":"externalId"}, GET shows ${show(stored.externalId)}; expected ${show(externalId)}`,
        { response: after },
      );
      return stored;
    });
  },
);
