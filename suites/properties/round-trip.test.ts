// Create then read (catalog U-12, G-05): whatever the generated values — quotes, backslashes, `+`, apostrophes, any
// script, upper and lower case, line breaks in addresses — GET returns exactly what Entra sent. A value the app
// refuses with 400 is its choice (U-12: reject rather than transform) and that case is discarded. Each runs its
// hand-picked examples first (a userName with spaces; every attribute with a tricky value; a group name with quotes,
// a backslash, an ampersand and other scripts), then its random cases.
import {
  property,
  userResource,
  groupDisplayName,
  externalId,
  fc,
  verify,
  status,
  getUserOk,
  readGroup,
  userDifferences,
  describeDifferences,
  fail,
  entraGroupBody,
  skipUnlessGroups,
  exampleUser,
  markedPrefix,
} from '#harness';

property(
  'U-12',
  'property: a created user reads back exactly as sent, for generated userNames and profile attributes',
  {
    label: 'rt',
    examples: ({ target, profile, label }) => [
      {
        name: 'a userName with spaces inside and at both ends of its local part',
        values: [exampleUser({ runId: target.runId, label, profile, local: ' Ann Lee ' })],
      },
      {
        name: 'every profile attribute with a quote, a backslash, a leading space, two lines or another script',
        values: [exampleUser({ runId: target.runId, label, profile, local: 'Zoë.O\'Neil+"q"\\1', attributes: true })],
      },
    ],
  },
  ({ target, profile, label }) => [userResource({ runId: target.runId, label, profile })],
  async ({ client, resources, profile }, user) => {
    const created = await client.post('/Users', user.body);
    const id = (created.json as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') resources.track('User', id, user.userName);
    fc.pre(created.status !== 400);
    verify(created, status(201, 200));
    const { response, user: stored } = await getUserOk(client, id as string);
    const differences = userDifferences(stored, user.body, Object.keys(user.attributes), profile);
    if (differences.length > 0)
      fail(`GET after POST differs from what was sent: ${describeDifferences(differences)}`, {
        response,
        expected: JSON.stringify(Object.fromEntries(differences.map((d) => [d.path, d.expected]))),
        actual: JSON.stringify(Object.fromEntries(differences.map((d) => [d.path, d.actual]))),
        hint: 'Store and return values as sent: no lower-casing, trimming or reformatting. Entra re-sends every differing value on every cycle (catalog U-12, M-16).',
      });
  },
);

property(
  'G-05',
  'property: a created group reads back with its displayName exactly as sent',
  {
    label: 'rg',
    runsFactor: 0.6,
    examples: ({ target, label }) => [
      {
        name: 'a displayName with quotes, a backslash, an ampersand, a slash and other scripts',
        values: [
          `${markedPrefix({ runId: target.runId, label })}R&D "Core" \\ Team/Ωmega (東京) #1`,
          `${markedPrefix({ runId: target.runId, label })}Ab"\\c`,
        ],
      },
    ],
  },
  ({ target, label, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    return [groupDisplayName({ runId: target.runId, label }), externalId({ runId: target.runId, label })];
  },
  async ({ client, resources }, displayName, external) => {
    const created = await client.post('/Groups', entraGroupBody(displayName, external));
    const id = (created.json as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') resources.track('Group', id, displayName);
    fc.pre(created.status !== 400);
    verify(created, status(201, 200));
    const { response, group } = await readGroup(client, id as string);
    if (group.displayName !== displayName || group.externalId !== external)
      fail(
        `GET after POST shows displayName ${JSON.stringify(group.displayName)} and externalId ${JSON.stringify(group.externalId)}`,
        {
          response,
          expected: JSON.stringify({ displayName, externalId: external }),
          actual: JSON.stringify({ displayName: group.displayName, externalId: group.externalId }),
          hint: 'Entra matches groups on displayName (G-02); a stored name that differs from the sent one is re-sent every cycle.',
        },
      );
  },
);
