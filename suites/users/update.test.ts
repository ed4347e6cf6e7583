// Updates Entra sends to users (catalog U-20, U-25, U-27, U-28): renames, app roles, clearing values and the
// manager link that follows the create in a later round trip.
import {
  behaviour,
  verify,
  errorStatus,
  expectThat,
  show,
  eqFilter,
  getUserOk,
  patchUserOk,
  filterUsers,
  idsOf,
  memberCI,
  storedValue,
  isCleared,
  enterprisePath,
  patchBody,
  URN,
  sameUserName,
  WrittenUserSlot,
} from '#harness';
import type { BehaviourContext } from '#harness';

type Profile = BehaviourContext['profile'];

/**
 * The two renames share one user, one test at a time (src/harness/shared-writes.ts): each renames it from the name it
 * has now and judges only its own rename; a failed test retires the user, and the other test then renames a fresh
 * one (Resources.changeShared: each test's rename gets the user's id and current name and returns the user as read back).
 */
const renames = new WrittenUserSlot('U-20 renames', () => ({}));

renames.plan();
behaviour(
  'U-20',
  'PATCH Replace userName renames the user: same id, new name filterable, old name not',
  { tags: ['default-dialect'] },
  async (ctx) => {
    const { client, names } = ctx;
    const renamed = names.userName('renamed');
    await ctx.resources.changeShared(renames, async (id, oldName) => {
      const patched = await patchUserOk(client, id, [{ op: 'Replace', path: 'userName', value: renamed }]);
      if (patched.status === 200 && patched.json && typeof patched.json === 'object')
        expectThat(
          (patched.json as { id?: unknown }).id === id,
          `the rename answered id ${show((patched.json as { id?: unknown }).id)}; the id must never change (Entra caches it)`,
          { response: patched },
        );
      const { response, user: stored } = await getUserOk(client, id);
      expectThat(
        sameUserName(stored.userName, renamed),
        `after Replace userName ${show(renamed)}, GET shows ${show(stored.userName)}`,
        { response },
      );
      const byNew = await filterUsers(client, eqFilter('userName', renamed));
      expectThat(
        byNew.resources.length === 1 && byNew.resources[0]!.id === id,
        `filter on the new userName returned ${show(idsOf(byNew.resources))}; expected ${id}`,
        { response: byNew.response },
      );
      const byOld = await filterUsers(client, eqFilter('userName', oldName));
      expectThat(
        byOld.total === 0,
        `filter on the old userName ${show(oldName)} still returns ${show(idsOf(byOld.resources))}`,
        { response: byOld.response },
      );
      return stored;
    });
  },
);

renames.plan();
behaviour(
  'U-20',
  'path-less replace {"userName": …} (the validator\'s form) renames the user',
  { tags: ['flag-dialect'] },
  async (ctx) => {
    const { client, names } = ctx;
    const renamed = names.userName('renamed');
    await ctx.resources.changeShared(renames, async (id) => {
      await patchUserOk(client, id, [{ op: 'replace', value: { userName: renamed } }]);
      const { response, user: stored } = await getUserOk(client, id);
      expectThat(
        sameUserName(stored.userName, renamed) && stored.id === id,
        `after replace {"userName": ${show(renamed)}}, GET shows userName ${show(stored.userName)} (the validator reports "The value of userName is Missing from the fetched Resource")`,
        { response },
      );
      return stored;
    });
  },
);

behaviour(
  'U-20',
  'renaming onto an existing userName is refused (409, or 400 uniqueness) and changes nothing',
  { tags: ['default-dialect'] },
  async ({ client, resources }) => {
    // The run's 'taken' user: no test reads or filters it, so a rename a faulty server accepts disturbs no other test.
    const taken = await resources.sharedTakenUser();
    const user = await resources.createUser();
    const response = await client.patch(
      `/Users/${user.id}`,
      patchBody([{ op: 'Replace', path: 'userName', value: taken.name }]),
    );
    // RFC 7644 §3.12 lists uniqueness for PATCH, and RFC 7643 §7 lets a server reject with 400: both are errors to Entra.
    verify(response, errorStatus(409, 400));
    const { response: after, user: stored } = await getUserOk(client, user.id);
    expectThat(
      sameUserName(stored.userName, user.name),
      `after the refused rename, GET shows userName ${show(stored.userName)}; expected it unchanged (${show(user.name)})`,
      { response: after },
    );
  },
);

function mapsRoles(profile: Profile): boolean {
  return profile.users.mappings.some((m) => /^roles/i.test(m.target));
}

function roleValues(user: unknown): unknown[] {
  const roles = memberCI(user, 'roles');
  return Array.isArray(roles) ? roles.map((r) => memberCI(r, 'value')) : [];
}

behaviour(
  'U-25',
  'POST with a SingleAppRoleAssignment role stores it with a boolean primary',
  async ({ client, resources, profile, skip }) => {
    if (!mapsRoles(profile)) skip(`profile ${profile.name} maps no roles`);
    const user = await resources.createUser({
      roles: [{ primary: true, type: 'WindowsAzureActiveDirectoryRole', value: 'Admin' }],
    });
    const { response, user: stored } = await getUserOk(client, user.id);
    const roles = memberCI(stored, 'roles') as unknown[] | undefined;
    const admin = Array.isArray(roles) ? roles.find((r) => memberCI(r, 'value') === 'Admin') : undefined;
    expectThat(admin !== undefined, `after a create with roles [{"value":"Admin",…}], GET shows roles ${show(roles)}`, {
      response,
    });
    expectThat(
      memberCI(admin, 'primary') === true,
      `the role's primary reads back as ${show(memberCI(admin, 'primary'))}; expected the boolean true`,
      { response },
    );
  },
);

behaviour(
  'U-25',
  'POST with several AppRoleAssignmentsComplex roles (primary false, displayName) stores them all',
  async ({ client, resources, profile, skip }) => {
    if (!mapsRoles(profile)) skip(`profile ${profile.name} maps no roles`);
    const roles = [
      // Entra's AppRoleAssignmentsComplex sends displayName, not RFC 7643's display (catalog §0.1, U-25).
      { primary: false, type: 'WindowsAzureActiveDirectoryRole', displayName: 'Reader', value: 'Reader' },
      { primary: false, type: 'WindowsAzureActiveDirectoryRole', displayName: 'Writer', value: 'Writer' },
    ];
    const user = await resources.createUser({ roles });
    const { response, user: stored } = await getUserOk(client, user.id);
    const values = roleValues(stored);
    expectThat(
      values.includes('Reader') && values.includes('Writer'),
      `after a create with roles Reader and Writer, GET shows role values ${show(values)}`,
      { response },
    );
  },
);

behaviour(
  'U-25',
  'PATCH Add roles with several JSON-encoded role strings in one operation (default job) stores them all',
  { tags: ['default-dialect'] },
  async ({ client, resources, names, profile, skip }) => {
    if (!mapsRoles(profile)) skip(`profile ${profile.name} maps no roles`);
    const user = await resources.createUser();
    const encoded = [
      { id: names.guid(), value: '25', displayName: 'Role1234' },
      { id: names.guid(), value: '26', displayName: 'Role5678' },
    ].map((role) => ({ role, text: JSON.stringify(role) }));
    await patchUserOk(client, user.id, [{ op: 'Add', path: 'roles', value: encoded.map((e) => ({ value: e.text })) }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    const values = roleValues(stored);
    const missing = encoded.filter((e) => !values.includes(e.text) && !values.includes(e.role.value));
    expectThat(
      missing.length === 0,
      `after one Add roles with ${encoded.length} JSON-encoded roles, GET shows role values ${show(values)}; not stored: ${show(missing.map((e) => e.text))} (verbatim, or decoded to its value)`,
      { response },
    );
  },
);

behaviour(
  'U-25',
  'PATCH replace roles (AssertiveAppRoleAssignmentsComplex) leaves exactly the given roles',
  { tags: ['flag-dialect'] },
  async ({ client, resources, profile, skip }) => {
    if (!mapsRoles(profile)) skip(`profile ${profile.name} maps no roles`);
    const user = await resources.createUser({
      roles: [{ primary: true, type: 'WindowsAzureActiveDirectoryRole', value: 'Admin' }],
    });
    const wanted = [
      { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'User', value: 'User' },
      { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'Auditor', value: 'Auditor' },
    ];
    await patchUserOk(client, user.id, [{ op: 'replace', path: 'roles', value: wanted }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    const values = roleValues(stored).map(String).sort();
    expectThat(
      show(values) === show(['Auditor', 'User']),
      `after replace roles with User and Auditor, GET shows ${show(values)}; the replace is a full replacement and Admin must be gone`,
      { expected: '["Auditor","User"]', actual: show(values), response },
    );
  },
);

const CLEARABLE = ['title', 'nickName'];

behaviour(
  'U-27',
  'PATCH replace with "" per path leaves the attributes empty (gallery null-update phase 1)',
  async ({ client, resources }) => {
    const user = await resources.createUser({ title: 'Engineer', nickName: 'Ada' });
    await patchUserOk(
      client,
      user.id,
      CLEARABLE.map((path) => ({ op: 'replace', path, value: '' })),
    );
    const { response, user: stored } = await getUserOk(client, user.id);
    const left = CLEARABLE.filter((p) => !isCleared(storedValue(stored, p)));
    expectThat(
      left.length === 0,
      `after replace with "", GET still shows ${left.map((p) => `${p}=${show(storedValue(stored, p))}`).join(', ')}; expected absent, null or ""`,
      { response },
    );
  },
);

behaviour(
  'U-27',
  'PATCH replace with null per path leaves the attributes empty (gallery null-update phase 2)',
  async ({ client, resources }) => {
    const user = await resources.createUser({ title: 'Engineer', nickName: 'Ada' });
    await patchUserOk(
      client,
      user.id,
      CLEARABLE.map((path) => ({ op: 'replace', path, value: null })),
    );
    const { response, user: stored } = await getUserOk(client, user.id);
    const left = CLEARABLE.filter((p) => !isCleared(storedValue(stored, p)));
    expectThat(
      left.length === 0,
      `after replace with null, GET still shows ${left.map((p) => `${p}=${show(storedValue(stored, p))}`).join(', ')}; expected absent or null`,
      { response },
    );
  },
);

behaviour(
  'U-27',
  'path-less replace {"title": "", "nickName": ""} clears both attributes',
  async ({ client, resources }) => {
    const user = await resources.createUser({ title: 'Engineer', nickName: 'Ada' });
    await patchUserOk(client, user.id, [{ op: 'replace', value: { title: '', nickName: '' } }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    const left = CLEARABLE.filter((p) => !isCleared(storedValue(stored, p)));
    expectThat(
      left.length === 0,
      `after replace {"title":"","nickName":""}, GET still shows ${left.map((p) => `${p}=${show(storedValue(stored, p))}`).join(', ')}`,
      { response },
    );
  },
);

behaviour(
  'U-28',
  "a user created without manager gets its manager in a later PATCH (Entra's second round trip)",
  { tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    if (!profile.users.mappings.some((m) => /manager$/i.test(m.target)))
      skip(`profile ${profile.name} does not map manager`);
    const manager = await resources.sharedUser();
    const user = await resources.createUser({ [URN.EnterpriseUser]: { department: 'Sales' } });
    const before = await getUserOk(client, user.id);
    expectThat(
      isCleared(storedValue(before.user, enterprisePath('manager'))),
      `a user created without manager shows manager ${show(storedValue(before.user, enterprisePath('manager')))}`,
      { response: before.response },
    );
    await patchUserOk(client, user.id, [{ op: 'Add', path: enterprisePath('manager'), value: manager.id }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    const link = storedValue(stored, enterprisePath('manager'));
    // The returned shape ({"value": id}) is judged by X-09; U-28 checks that the later PATCH links the manager.
    expectThat(
      memberCI(link, 'value') === manager.id || link === manager.id,
      `after Add manager ${show(manager.id)}, GET shows manager ${show(storedValue(stored, enterprisePath('manager')))}; expected {"value": "${manager.id}"}`,
      { response },
    );
    expectThat(
      storedValue(stored, enterprisePath('department')) === 'Sales',
      `setting the manager changed department to ${show(storedValue(stored, enterprisePath('department')))}`,
      { response },
    );
  },
);
