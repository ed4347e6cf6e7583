// Membership diffs exactly as Entra sends them (catalog G-07…G-14), in both PATCH dialects. (The member PATCH's
// answer, the ways to read members and their shape: member-reads.test.ts.) Every test checks
// the stored membership through whatever the server offers (GET /Groups/{id}, ?attributes=members, or the members
// filter; G-23): Entra never reads members back (G-18), so a lost diff is permanent.
import {
  behaviour,
  verify,
  patchBody,
  eqFilter,
  skipUnlessGroups,
  addMembersOp,
  removeMembersOps,
  memberPatchAnswer,
  patchGroup,
  expectMembers,
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
