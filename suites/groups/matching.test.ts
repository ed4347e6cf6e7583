// How Entra finds groups (catalog G-01…G-04): a probe, then a displayName (or externalId) match with members
// excluded, reads by id with members excluded, and displayName as a case-insensitive unique key.
import {
  behaviour,
  verify,
  status,
  expectThat,
  fail,
  show,
  errorStatus,
  scimTypeIs,
  listResponse,
  resourceWithId,
  entraGroupBody,
  collectedProfile,
  usersOnly,
  skipUnlessGroups,
  matchGroups,
  expectNoMembersKey,
  type ScimResponse,
  type ScimClient,
} from '#harness';

const usersOnlyProfile = usersOnly(collectedProfile());

behaviour(
  'G-01',
  `Entra's group probe GET /Groups?excludedAttributes=members&filter=displayName eq "<random>" answers 200 with an empty list${usersOnlyProfile ? ' (users-only app)' : ''}`,
  { tags: ['read-only'], ...(usersOnlyProfile ? { level: 'recommended' as const } : {}) },
  async ({ client, names, profile }) => {
    const response = await client.get('/Groups', {
      query: { excludedAttributes: 'members', filter: `displayName eq "${names.absent()}"` },
    });
    const hint = usersOnly(profile)
      ? 'An app that provisions users only should still answer /Groups queries with 200 and an empty list (or the admin must turn group provisioning off): a 404 on /Groups has been reported to make Entra flag the endpoint as incompatible (M-09).'
      : 'Test Connection fetches a random group; anything but 200 with an empty ListResponse fails it, and during sync a 404 is a quarantine cause.';
    for (const check of [status(200), listResponse({ totalResults: 0 })]) {
      const bad = check(response);
      if (bad) verify(response, () => ({ ...bad, hint }));
    }
  },
);

/** One resource of a match answer: the right group, with Entra's link attributes and no members key (schemas and meta are not Entra's business). */
function expectMatched(
  response: ScimResponse,
  resource: Record<string, unknown>,
  id: string,
  displayName: string,
  externalId: string,
): void {
  expectThat(resource.id === id, `the one match has id ${show(resource.id)}; expected the group created as ${id}`, {
    response,
    expected: id,
    actual: show(resource.id),
  });
  for (const [name, want] of [
    ['displayName', displayName],
    ['externalId', externalId],
  ] as const)
    expectThat(
      resource[name] === want,
      `the match's ${name} is ${show(resource[name])}; expected ${show(want)} as sent in POST /Groups`,
      { response, expected: want, actual: show(resource[name]) },
    );
  expectNoMembersKey(resource, response, 'the matched group');
}

behaviour(
  'G-02',
  'match on displayName (members excluded): 0 results for an unknown name, exactly the group for its name, no members key',
  { tags: ['default-dialect'] },
  async ({ client, resources, names, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    // The run's read-only group with two (shared) members: they make the exclusion of members meaningful, as a
    // server that ignores excludedAttributes=members would show them.
    const group = await resources.sharedGroup('members');
    await matchGroups(client, 'displayName', names.absent(), { total: 0 });
    const { response, resources: found } = await matchGroups(client, 'displayName', group.name, { total: 1 });
    expectThat(found.length === 1, `totalResults is 1 but Resources holds ${found.length} items`, { response });
    expectMatched(response, found[0]!, group.id, group.name, String(group.sent.externalId));
  },
);

behaviour(
  'G-02',
  'match on externalId (members excluded): 0 results for an unknown value, exactly the group for its value, no members key',
  async ({ client, resources, names, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const group = await resources.sharedGroup('empty');
    await matchGroups(client, 'externalId', names.absent(), { total: 0 });
    const externalId = String(group.sent.externalId);
    const { response, resources: found } = await matchGroups(client, 'externalId', externalId, { total: 1 });
    expectThat(found.length === 1, `totalResults is 1 but Resources holds ${found.length} items`, { response });
    // An empty group is where servers send "members": [] — which Microsoft's validator fails.
    expectMatched(response, found[0]!, group.id, group.name, externalId);
  },
);

behaviour(
  'G-03',
  'GET /Groups/{id}?excludedAttributes=members returns the group without a members key',
  { tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const group = await resources.sharedGroup('members');
    const response = await client.get(`/Groups/${group.id}`, { query: { excludedAttributes: 'members' } });
    verify(response, status(200), resourceWithId());
    const body = response.json as Record<string, unknown>;
    expectThat(
      body.id === group.id && body.displayName === group.name,
      `GET by id returned ${show({ id: body.id, displayName: body.displayName })}; expected the group ${group.id} "${group.name}"`,
      { response },
    );
    expectNoMembersKey(body, response, 'the group');
  },
);

behaviour(
  'G-03',
  "an empty group read with excludedAttributes=members has no members key at all, not even [] (the SCIM Validator's reading)",
  { level: 'validator' },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const group = await resources.sharedGroup('empty');
    const response = await client.get(`/Groups/${group.id}`, { query: { excludedAttributes: 'members' } });
    verify(response, status(200));
    expectNoMembersKey(response.json as Record<string, unknown>, response, 'the empty group', true);
  },
);

/** POSTs a group named `displayName` next to an existing one; tracks it when the server created it anyway. */
async function postDuplicate(
  client: ScimClient,
  resources: { track(type: 'Group', id: string, name: string): void },
  displayName: string,
  externalId: string,
): Promise<ScimResponse> {
  const response = await client.post('/Groups', entraGroupBody(displayName, externalId));
  const created = (response.json as { id?: unknown } | undefined)?.id;
  if (response.status < 300 && typeof created === 'string') resources.track('Group', created, displayName);
  return response;
}

const duplicateHint =
  'Entra matches groups on displayName, case-insensitively; two groups whose names differ only in case give it two matches (MultipleEntriesInResponse) or link the wrong group (M-25).';

behaviour(
  'G-04',
  'POST /Groups with a displayName that exists answers 409',
  async ({ client, resources, names, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const group = await resources.createGroup();
    const response = await postDuplicate(client, resources, group.name, names.externalId());
    const bad = errorStatus(409)(response);
    if (bad)
      fail(`POST /Groups with the displayName of an existing group ("${group.name}"): ${bad.message}`, {
        response,
        expected: '409',
        actual: bad.actual ?? `${response.status}`,
        hint: duplicateHint,
      });
    const { resources: found, response: match } = await matchGroups(client, 'displayName', group.name, {});
    expectThat(
      found.length === 1,
      `after the rejected duplicate, the displayName filter finds ${found.length} groups; expected only the original`,
      { response: match },
    );
  },
);

behaviour(
  'G-04',
  'a displayName differing only in case is a duplicate too (409), and the 409 names scimType "uniqueness"',
  { level: 'recommended' },
  async ({ client, resources, names, profile, skip }) => {
    // Recommended (catalog §0.1): Entra matches case-insensitively before it POSTs, and scimType is OPTIONAL.
    skipUnlessGroups(profile, skip);
    // The run's 'taken' group: no test reads it, so a duplicate a faulty server creates disturbs no other test.
    const group = await resources.sharedGroup('taken');
    const upper = group.name.toUpperCase();
    const response = await postDuplicate(client, resources, upper, names.externalId());
    const bad = errorStatus(409)(response) ?? scimTypeIs('uniqueness')(response);
    if (bad)
      fail(`POST /Groups with "${upper}", the name of an existing group in upper case: ${bad.message}`, {
        response,
        expected: '409 with scimType "uniqueness"',
        actual: bad.actual ?? `${response.status}`,
        hint: duplicateHint,
      });
  },
);

behaviour(
  'G-04',
  'the displayName match is case-insensitive: the name in other case finds the group',
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const group = await resources.sharedGroup('empty');
    for (const variant of [group.name.toUpperCase(), group.name.toLowerCase()]) {
      const { response, resources: found } = await matchGroups(client, 'displayName', variant, {});
      if (found.length !== 1 || found[0]!.id !== group.id)
        fail(
          `filter displayName eq "${variant}" found ${show(found.map((g) => g.id))}; expected the group "${group.name}" (${group.id})`,
          {
            response,
            expected: `one result, id ${group.id}`,
            actual: `${found.length} result(s)`,
            hint: 'displayName has caseExact false (RFC 7643 §4.2); Entra and the validator filter on it case-insensitively (F-04).',
          },
        );
    }
  },
);

behaviour(
  'F-11',
  'the group match as the SCIM Validator encodes it (excludedAttributes first, literal quotes) finds the group without members',
  { tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const group = await resources.sharedGroup('members');
    // Raw query string: spaces as +, quotes literal (catalog F-02, validator runs).
    const query = `excludedAttributes=members&filter=displayName+eq+"${encodeURIComponent(group.name).replace(/%20/g, '+')}"`;
    const response = await client.get('/Groups', { query });
    verify(response, status(200), listResponse({ totalResults: 1 }));
    const [found] = (response.json as { Resources: Array<Record<string, unknown>> }).Resources;
    expectThat(found && found.id === group.id, `the match returned ${show(found?.id)}; expected ${group.id}`, {
      response,
    });
    expectNoMembersKey(found, response, 'the matched group');
  },
);
