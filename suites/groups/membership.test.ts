// Membership diffs exactly as Entra sends them (catalog G-07…G-14, G-20), in both PATCH dialects. Every test checks
// the stored membership through whatever the server offers (GET /Groups/{id}, ?attributes=members, or the members
// filter; G-23): Entra never reads members back (G-18), so a lost diff is permanent.
import {
  behaviour,
  verify,
  fail,
  show,
  expectThat,
  status,
  patchBody,
  eqFilter,
  skipUnlessGroups,
  addMembersOp,
  removeMembersOps,
  memberPatchAnswer,
  patchGroup,
  expectMembers,
  memberEntry,
  readGroup,
  memberFilter,
  listResponse,
  resourcesOf,
  matchesSchema,
  inconclusive,
  URN,
  type MembershipWay,
  type ScimResponse,
} from '#harness';

behaviour(
  'G-07',
  'PATCH Add members [{"$ref": null, "value": id}] (default) adds the member',
  { tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const user = await resources.sharedUser();
    const group = await resources.createGroup();
    await patchGroup(
      client,
      group.id,
      patchBody([{ op: 'Add', path: 'members', value: [{ $ref: null, value: user.id }] }]),
    );
    await expectMembers(
      client,
      group.id,
      [user.id],
      `after {"op":"Add","path":"members","value":[{"$ref":null,"value":"${user.id}"}]}`,
      {
        hint: 'Entra sends "$ref": null next to the member id; ignore it (do not reject it or store it).',
      },
    );
  },
);

behaviour(
  'G-08',
  'PATCH add members [{"value": id}] (flag) adds the member',
  { tags: ['flag-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const user = await resources.sharedUser();
    const group = await resources.createGroup();
    await patchGroup(client, group.id, patchBody([{ op: 'add', path: 'members', value: [{ value: user.id }] }]));
    await expectMembers(
      client,
      group.id,
      [user.id],
      `after {"op":"add","path":"members","value":[{"value":"${user.id}"}]}`,
    );
  },
);

for (const dialect of ['default', 'flag'] as const) {
  behaviour(
    'G-09',
    `several members in one value array and several member ops in one request (${dialect})`,
    { tags: [`${dialect}-dialect`] },
    async ({ client, resources, profile, skip }) => {
      skipUnlessGroups(profile, skip);
      const [u1, u2, u3, u4, u5] = await resources.sharedUsers(5);
      const group = await resources.createGroup();
      await patchGroup(client, group.id, patchBody([addMembersOp([u1!, u2!, u3!], dialect)]));
      await expectMembers(client, group.id, [u1!, u2!, u3!], 'after one Add op with three members in its value array');
      await patchGroup(client, group.id, patchBody([addMembersOp([u4!], dialect), addMembersOp([u5!], dialect)]));
      await expectMembers(
        client,
        group.id,
        [u1!, u2!, u3!, u4!, u5!],
        'after one PATCH with two Add ops of one member each',
        {
          hint: "Microsoft's gallery checklist requires several membership changes in a single PATCH; apply every operation, in order.",
        },
      );
    },
  );

  behaviour(
    'G-09',
    `adding a user who is already a member is not an error and does not duplicate it (${dialect})`,
    { tags: [`${dialect}-dialect`] },
    async ({ client, resources, profile, skip }) => {
      skipUnlessGroups(profile, skip);
      const [u1, u2] = await resources.sharedUsers(2);
      const group = await resources.createGroup();
      await patchGroup(client, group.id, patchBody([addMembersOp([u1!], dialect)]));
      const again = await client.patch(`/Groups/${group.id}`, patchBody([addMembersOp([u1!, u2!], dialect)]));
      const bad = memberPatchAnswer()(again);
      if (bad)
        verify(again, () => ({
          ...bad,
          message: `re-adding existing member ${u1} (with new member ${u2}): ${bad.message}`,
          hint: 'Entra re-sends adds after restarts or when its state is stale; an error here fails the whole membership update every cycle.',
        }));
      await expectMembers(client, group.id, [u1!, u2!], `after adding ${u1} a second time together with ${u2}`, {
        hint: 'Membership is a set: an existing member is listed once, and the new member in the same request must be added.',
      });
    },
  );
}

behaviour(
  'G-10',
  'PATCH Remove path members with a value array (default) removes only the listed members',
  { tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const [keep1, drop1, keep2, drop2] = await resources.sharedUsers(4);
    const group = await resources.createGroup();
    await patchGroup(client, group.id, patchBody([addMembersOp([keep1!, drop1!, keep2!, drop2!], 'default')]));
    await expectMembers(client, group.id, [keep1!, drop1!, keep2!, drop2!], 'after adding four members');
    await patchGroup(client, group.id, patchBody([{ op: 'Remove', path: 'members', value: [{ value: drop1! }] }]));
    await expectMembers(
      client,
      group.id,
      [keep1!, keep2!, drop2!],
      `after {"op":"Remove","path":"members","value":[{"value":"${drop1}"}]}`,
      {
        others: [drop1!],
        hint: 'Entra removes members with a value array on path "members". Read literally, RFC 7644 removes every member for that path; Entra means only the listed ones — an emptied group is never repaired (M-03).',
      },
    );
    // The tutorial's variant: entries carry "$ref": null.
    await patchGroup(
      client,
      group.id,
      patchBody([{ op: 'Remove', path: 'members', value: [{ $ref: null, value: drop2! }] }]),
    );
    await expectMembers(
      client,
      group.id,
      [keep1!, keep2!],
      `after {"op":"Remove","path":"members","value":[{"$ref":null,"value":"${drop2}"}]}`,
      { others: [drop1!, drop2!] },
    );
  },
);

behaviour(
  'G-11',
  'PATCH remove path members[value eq "id"] (flag) removes that member and leaves the others',
  { tags: ['flag-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const [keep, drop, keep2] = await resources.sharedUsers(3);
    const group = await resources.createGroup();
    await patchGroup(client, group.id, patchBody([addMembersOp([keep!, drop!, keep2!], 'flag')]));
    await patchGroup(client, group.id, patchBody(removeMembersOps([drop!], 'flag')));
    await expectMembers(
      client,
      group.id,
      [keep!, keep2!],
      `after {"op":"remove","path":"members[value eq \\"${drop}\\"]"}`,
      { others: [drop!] },
    );
  },
);

behaviour(
  'G-12',
  'removing a user who is not a member (default value array) is not an error and changes nothing',
  { tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const [member, outsider] = await resources.sharedUsers(2);
    const group = await resources.createGroup();
    await patchGroup(client, group.id, patchBody([addMembersOp([member!], 'default')]));
    const response = await client.patch(
      `/Groups/${group.id}`,
      patchBody([{ op: 'Remove', path: 'members', value: [{ value: outsider! }] }]),
    );
    const bad = memberPatchAnswer()(response);
    if (bad)
      verify(response, () => ({
        ...bad,
        message: `removing non-member ${outsider}: ${bad.message}`,
        hint: "Entra's view can lag the app's (out-of-band edits); a 4xx here becomes a reference update that fails every cycle and counts toward quarantine.",
      }));
    await expectMembers(client, group.id, [member!], 'after removing a non-member', { others: [outsider!] });
  },
);

behaviour(
  'G-12',
  'removing a user who is not a member (flag filtered path) answers 200/204 or 400 noTarget, and changes nothing',
  { tags: ['flag-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const [member, outsider] = await resources.sharedUsers(2);
    const group = await resources.createGroup();
    await patchGroup(client, group.id, patchBody([addMembersOp([member!], 'flag')]));
    const response = await client.patch(`/Groups/${group.id}`, patchBody(removeMembersOps([outsider!], 'flag')));
    // RFC 7644 §3.5.2 (Table 9) lets a filter that matches nothing answer 400 noTarget; the Entra-side harm is inference
    // (catalog §0.1 G-12), so 400 passes here and only the stored membership is judged.
    const bad = response.status === 400 ? undefined : memberPatchAnswer()(response);
    if (bad)
      verify(response, () => ({
        ...bad,
        message: `{"op":"remove","path":"members[${eqFilter('value', outsider!)}]"} for a non-member: ${bad.message}`,
        hint: 'Answer 204 (or 400 noTarget, RFC 7644 §3.5.2) and change nothing.',
      }));
    await expectMembers(client, group.id, [member!], 'after removing a non-member by filtered path', {
      others: [outsider!],
    });
  },
);

behaviour(
  'G-13',
  'add then remove the same user in one request is applied in order: the user is not a member afterwards',
  { tags: ['flag-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const [stay, u] = await resources.sharedUsers(2);
    const group = await resources.createGroup();
    await patchGroup(client, group.id, patchBody([addMembersOp([stay!], 'flag')]));
    await patchGroup(
      client,
      group.id,
      patchBody([
        { op: 'add', path: 'members', value: [{ value: u! }] },
        { op: 'remove', path: `members[${eqFilter('value', u!)}]` },
      ]),
    );
    await expectMembers(client, group.id, [stay!], `after [add ${u}, remove members[value eq "${u}"]] in one request`, {
      others: [u!],
      hint: 'RFC 7644 §3.5.2: operations are applied in order; the later remove wins.',
    });
  },
);

behaviour(
  'G-14',
  'PATCH replace path members sets the member list to exactly the given set',
  { tags: ['flag-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const [old1, both, new1] = await resources.sharedUsers(3);
    const group = await resources.createGroup();
    await patchGroup(client, group.id, patchBody([addMembersOp([old1!, both!], 'flag')]));
    await patchGroup(
      client,
      group.id,
      patchBody([{ op: 'replace', path: 'members', value: [{ value: both! }, { value: new1! }] }]),
    );
    await expectMembers(
      client,
      group.id,
      [both!, new1!],
      'after {"op":"replace","path":"members","value":[two users]}',
      {
        others: [old1!],
        hint: "RFC 7644 §3.5.2.3: replace on a multi-valued attribute replaces all its values. Microsoft's validator adds and seeds members this way.",
      },
    );
  },
);

behaviour(
  'G-20',
  'a member PATCH is answered 204, or 200 with the group — never 200 with an empty body',
  { tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    // RFC 7644 §3.5.2 allows 200 with the resource as well as 204; Entra and the gallery accept both (catalog §0.1 G-20).
    // Microsoft advises 204 for large groups; that advice is not a failure. Only an empty 200 is a deviation (P-14, M-23).
    skipUnlessGroups(profile, skip);
    const user = await resources.sharedUser();
    const group = await resources.createGroup();
    const response = await client.patch(
      `/Groups/${group.id}`,
      patchBody([{ op: 'Add', path: 'members', value: [memberEntry(user.id, 'default')] }]),
    );
    verify(response, memberPatchAnswer());
    await expectMembers(client, group.id, [user.id], 'after the Add');
    if (response.status === 204) return;
    if (response.text.trim() === '')
      fail('the member PATCH answered 200 with an empty body; answer 204 No Content, or 200 with the group', {
        response,
        expected: '204 No Content, or 200 with the group',
        actual: '200 with an empty body',
        hint: 'A 200 promises a representation; an empty one is neither RFC 7644 answer and other clients fail to parse it (M-23). Entra tolerates it.',
      });
    const body = response.json as Record<string, unknown> | undefined;
    expectThat(
      body !== undefined && typeof body === 'object' && body !== null && body.id === group.id,
      `the member PATCH answered 200 with ${show(response.text.slice(0, 160))}; a 200 carries the group (RFC 7644 §3.5.2)`,
      {
        response,
        expected: `204, or 200 with the group ${group.id}`,
        actual: show(response.text.slice(0, 160)),
      },
    );
  },
);

/** What one way of reading members shows about `member` (added) and `outsider` (never added), or why it shows nothing. */
async function membershipBy(
  way: MembershipWay,
  client: Parameters<typeof readGroup>[0],
  groupId: string,
  member: string,
  outsider: string,
): Promise<{ shows?: string[]; response: ScimResponse; absent?: string }> {
  if (way !== 'filter members[value eq]') {
    const { response, group, members } = await readGroup(
      client,
      groupId,
      way === 'GET /Groups/{id}' ? undefined : { attributes: 'members' },
    );
    const key = Object.keys(group).find((k) => k.toLowerCase() === 'members');
    return key === undefined ? { response, absent: 'no members key' } : { response, shows: members };
  }
  const shows: string[] = [];
  let last: ScimResponse | undefined;
  for (const id of [member, outsider]) {
    const response = await client.get('/Groups', {
      query: { filter: memberFilter(groupId, id), excludedAttributes: 'members' },
    });
    last = response;
    if (response.status !== 200 || listResponse()(response)) return { response, absent: `answered ${response.status}` };
    if (resourcesOf(response.json).some((r) => r.id === groupId)) shows.push(id);
  }
  return { response: last!, shows };
}

behaviour(
  'G-23',
  'members can be read back one way or another: GET /Groups/{id}, ?attributes=members, or the members filter; each way offered shows the right members',
  { tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const [member, outsider] = await resources.sharedUsers(2);
    const group = await resources.createGroup();
    await patchGroup(client, group.id, patchBody([addMembersOp([member!], 'default')]));
    const ways: MembershipWay[] = [
      'GET /Groups/{id}',
      'GET /Groups/{id}?attributes=members',
      'filter members[value eq]',
    ];
    const offered: string[] = [];
    const notOffered: string[] = [];
    for (const way of ways) {
      const { shows, response, absent } = await membershipBy(way, client, group.id, member!, outsider!);
      if (!shows) {
        notOffered.push(`${way} (${absent})`);
        continue;
      }
      offered.push(way);
      const wrong = shows.length !== 1 || shows[0] !== member;
      if (wrong)
        fail(
          `${way} shows members ${show(shows)} for a group whose only member is ${member}; a way that shows members must show the right ones`,
          {
            response,
            expected: show([member]),
            actual: show(shows),
            hint: 'A server need not return members (Microsoft: "It isn\'t necessary to support returning all the members of the group"), but what it returns must be true.',
          },
        );
    }
    if (offered.length === 0)
      inconclusive(
        `the server returns no members on GET /Groups/{id}, ?attributes=members, or the members filter (${notOffered.join('; ')}), so membership cannot be observed; Entra never reads members back (catalog G-23)`,
      );
  },
);

behaviour(
  'G-03',
  'members a group read returns are well-formed: a string value each, $ref a URI, type "User" or "Group" in any case, each id once',
  { level: 'recommended', tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    // The one test that judges the member object shape (RFC 7643 §4.2); every membership test only needs the ids.
    skipUnlessGroups(profile, skip);
    const [a, b] = await resources.sharedUsers(2);
    const group = await resources.createGroup();
    await patchGroup(client, group.id, patchBody([addMembersOp([a!, b!], 'default')]));
    let response = (await readGroup(client, group.id)).response;
    let members = (response.json as Record<string, unknown>).members;
    if (members === undefined) {
      response = (await readGroup(client, group.id, { attributes: 'members' })).response;
      members = (response.json as Record<string, unknown>).members;
    }
    if (members === undefined)
      skip(
        'the server returns no members on GET /Groups/{id} or ?attributes=members, so there is no member object to judge (catalog G-23)',
      );
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const [i, m] of (Array.isArray(members) ? members : [members]).entries()) {
      const entry = (m ?? {}) as Record<string, unknown>;
      if (typeof entry.value !== 'string' || entry.value === '')
        problems.push(`members[${i}].value is ${show(entry.value)}`);
      if (
        entry.$ref !== undefined &&
        entry.$ref !== null &&
        (typeof entry.$ref !== 'string' || !/^[a-z][a-z0-9+.-]*:|^\/|^[^:]+\//i.test(entry.$ref))
      )
        problems.push(`members[${i}].$ref is ${show(entry.$ref)}, not a URI`);
      if (
        entry.type !== undefined &&
        entry.type !== null &&
        !['user', 'group'].includes(String(entry.type).toLowerCase())
      )
        problems.push(`members[${i}].type is ${show(entry.type)}`);
      if (typeof entry.value === 'string' && seen.has(entry.value))
        problems.push(`member ${show(entry.value)} is listed twice`);
      if (typeof entry.value === 'string') seen.add(entry.value);
    }
    expectThat(
      Array.isArray(members) && problems.length === 0,
      `the members of the group are not well-formed: ${Array.isArray(members) ? problems.join('; ') : `members is ${show(members)}, not an array`}`,
      {
        response,
        expected:
          'members: [{"value": "<id>", "$ref"?: "<uri>", "type"?: "User", "display"?: "…"}, …], each id once (RFC 7643 §4.2)',
        actual: show(members, 300),
      },
    );
  },
);

behaviour(
  'G-03',
  "the group read by id is valid against RFC 7643's Group schema",
  { level: 'recommended' },
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const group = await resources.createGroup();
    const response = await client.get(`/Groups/${group.id}`);
    verify(response, status(200), matchesSchema(URN.Group, 'Group'));
  },
);
