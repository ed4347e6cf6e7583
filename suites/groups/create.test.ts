// Creating groups the way Entra does (catalog G-05) and with initial members the way other clients do (G-06).
import {
  behaviour,
  verify,
  status,
  expectThat,
  show,
  resourceWithId,
  skipUnlessGroups,
  readGroup,
  expectMembers,
} from '#harness';

// Entra accepts 200 or 201 (Microsoft's gallery test does); RFC 7644 §3.3 and the SCIM Validator want exactly 201,
// judged by the validator-level test below so that a 200 fails one test, not every group test.
behaviour(
  'G-05',
  "POST /Groups with Entra's body (core + ADSCIM URN, no members) answers 201 with its id and the values sent",
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const group = await resources.createGroup();
    // Entra needs the id; meta, schemas and JSON Schema validity are judged once, in their own tests (catalog §0.1).
    verify(group.response, status(201, 200), resourceWithId());
    const body = group.resource;
    const sent = group.sent;
    for (const name of ['displayName', 'externalId'] as const)
      expectThat(
        body[name] === sent[name],
        `the 201 body has ${name} ${show(body[name])}; expected ${show(sent[name])} as sent`,
        { response: group.response, expected: String(sent[name]), actual: show(body[name]) },
      );
    const members = body.members;
    expectThat(
      members === undefined || (Array.isArray(members) && members.length === 0),
      `a group created without members has members ${show(members)}; expected [] or no members`,
      { response: group.response },
    );
    // Stored state: the group reads back as created.
    const { response, group: stored } = await readGroup(client, group.id);
    expectThat(
      stored.displayName === sent.displayName && stored.externalId === sent.externalId,
      `GET /Groups/{id} after create shows ${show({ displayName: stored.displayName, externalId: stored.externalId })}; expected ${show({ displayName: sent.displayName, externalId: sent.externalId })}`,
      { response },
    );
  },
);

behaviour(
  'G-05',
  'POST /Groups answers exactly 201 Created (RFC 7644 §3.3; the SCIM Validator fails 200)',
  { level: 'validator' },
  async ({ resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const group = await resources.createGroup();
    verify(group.response, status(201));
  },
);

behaviour(
  'G-06',
  'POST /Groups with initial members [{"value": id, "display": …}] stores them',
  async ({ client, resources, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    // The members are only pointed at: shared users (display is read-only for the server, RFC 7643 §4.2).
    const [a, b] = (await resources.sharedUsers(2)) as [string, string];
    const group = await resources.createGroup({
      members: [
        { value: a, display: 'Member A' },
        { value: b, display: 'Member B' },
      ],
    });
    verify(group.response, status(201, 200), resourceWithId());
    await expectMembers(client, group.id, [a, b], 'after POST /Groups with two initial members', {
      hint: "Entra creates groups empty, but Microsoft's Postman tests and other SCIM clients create them with members (RFC 7643 §4.2).",
    });
  },
);
