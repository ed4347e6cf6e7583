// PATCH operations with a path (catalog P-01…P-04, P-07, P-11, P-12): op names in both cases, the PatchOp
// envelope as Entra and Microsoft's tools shape it, and several operations applied in order. Every test reads the
// user back: a 200 that stored nothing is the failure Entra never notices.
import {
  behaviour,
  verify,
  status,
  expectThat,
  show,
  getUserOk,
  patchUserOk,
  storedValue,
  isCleared,
  enterprisePath,
  URN,
  op,
} from '#harness';
import type { Dialect } from '#harness';

for (const dialect of ['default', 'flag'] as const satisfies readonly Dialect[]) {
  const add = op('add', dialect);
  const replace = op('replace', dialect);
  const remove = op('remove', dialect);
  const tags = [dialect === 'default' ? ('default-dialect' as const) : ('flag-dialect' as const)];

  behaviour('P-01', `op "${add}" sets an attribute`, { tags }, async ({ client, resources }) => {
    const user = await resources.createUser();
    await patchUserOk(client, user.id, [{ op: add, path: 'nickName', value: 'Babs' }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      storedValue(stored, 'nickName') === 'Babs',
      `after {"op":"${add}","path":"nickName","value":"Babs"}, GET shows nickName ${show(storedValue(stored, 'nickName'))}; op names are case-insensitive (Entra's default job sends "Add", the flag "add")`,
      { response },
    );
  });

  behaviour('P-01', `op "${replace}" changes an attribute`, { tags }, async ({ client, resources }) => {
    const user = await resources.createUser({ title: 'Before' });
    await patchUserOk(client, user.id, [{ op: replace, path: 'title', value: 'After' }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      storedValue(stored, 'title') === 'After',
      `after {"op":"${replace}","path":"title","value":"After"}, GET shows title ${show(storedValue(stored, 'title'))}; a case-sensitive op match fails every ${dialect === 'default' ? 'default-mode' : 'flag-mode'} update`,
      { response },
    );
  });

  behaviour('P-01', `op "${remove}" removes an attribute`, { tags }, async ({ client, resources }) => {
    const user = await resources.createUser({ nickName: 'Babs' });
    await patchUserOk(client, user.id, [{ op: remove, path: 'nickName' }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      isCleared(storedValue(stored, 'nickName')),
      `after {"op":"${remove}","path":"nickName"}, GET shows nickName ${show(storedValue(stored, 'nickName'))}`,
      { response },
    );
  });
}

behaviour(
  'P-02',
  'PatchOp envelope with Operations before schemas, an extra top-level "id" and per-op "name" members is accepted',
  async ({ client, resources }) => {
    const user = await resources.createUser();
    // Member order matters on the wire, so the body is sent as written (Microsoft's Postman tests add id and name).
    const body = JSON.stringify({
      Operations: [{ name: 'title', op: 'Replace', path: 'title', value: 'Envelope' }],
      schemas: [URN.PatchOp],
      id: user.id,
    });
    const response = await client.patch(`/Users/${user.id}`, body);
    verify(response, status(200, 204));
    const { response: after, user: stored } = await getUserOk(client, user.id);
    expectThat(
      storedValue(stored, 'title') === 'Envelope',
      `after a PatchOp with Operations first and extra members, GET shows title ${show(storedValue(stored, 'title'))}`,
      { response: after },
    );
  },
);

behaviour(
  'P-02',
  'PATCH with Content-Type "application/scim+json; charset=utf-8" (the validator\'s header) is accepted',
  async ({ client, resources }) => {
    const user = await resources.createUser();
    await patchUserOk(client, user.id, [{ op: 'replace', path: 'title', value: 'Charset' }], {
      headers: { 'Content-Type': 'application/scim+json; charset=utf-8' },
    });
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(storedValue(stored, 'title') === 'Charset', `GET shows title ${show(storedValue(stored, 'title'))}`, {
      response,
    });
  },
);

behaviour(
  'P-03',
  'Replace displayName with a bare string value is stored verbatim, leading space included',
  { tags: ['default-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser();
    const value = ' User X';
    await patchUserOk(client, user.id, [{ op: 'Replace', path: 'displayName', value }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      storedValue(stored, 'displayName') === value,
      `after Replace displayName ${show(value)} (a bare JSON string, not an array), GET shows ${show(storedValue(stored, 'displayName'))}`,
      { expected: show(value), actual: show(storedValue(stored, 'displayName')), response },
    );
  },
);

behaviour(
  'P-04',
  "Entra's documented six-operation default request is applied completely",
  { tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const user = await resources.createUser();
    const ops = [
      { op: 'Replace', path: 'displayName', value: names.text('Pvlo') },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: names.email('TestBcwqnm') },
      { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
      { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
      { op: 'Replace', path: 'externalId', value: names.externalId('Eqpj') },
      { op: 'Replace', path: enterprisePath('employeeNumber'), value: 'Eqpj' },
    ];
    await patchUserOk(client, user.id, ops);
    const { response, user: stored } = await getUserOk(client, user.id);
    const wrong = ops
      .filter((o) => storedValue(stored, o.path) !== o.value)
      .map((o) => `${o.path}: sent ${show(o.value)}, got ${show(storedValue(stored, o.path))}`);
    expectThat(
      wrong.length === 0,
      `after the six Replace operations, ${wrong.join('; ')}; Entra believes all of them applied and will not resend until the source changes`,
      { actual: wrong.join('\n'), response },
    );
    const works =
      (stored.emails as Array<Record<string, unknown>> | undefined)?.filter(
        (e) => String(e.type).toLowerCase() === 'work',
      ) ?? [];
    expectThat(
      works.length === 1,
      `after replacing the work email, the user has ${works.length} work emails: ${show(stored.emails)}`,
      { response },
    );
  },
);

behaviour(
  'P-04',
  'a default request mixing Replace and Add (email, address, enterprise department) applies every operation',
  { tags: ['default-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser({ addresses: [{ type: 'work', formatted: 'Old street 1' }] });
    const ops = [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: `mixed-${user.name}` },
      { op: 'Replace', path: 'addresses[type eq "work"].formatted', value: 'New street 2, 1000 Brussels' },
      { op: 'Add', path: enterprisePath('department'), value: 'Sales' },
    ];
    await patchUserOk(client, user.id, ops);
    const { response, user: stored } = await getUserOk(client, user.id);
    const wrong = ops
      .filter((o) => storedValue(stored, o.path) !== o.value)
      .map((o) => `${o.path}: sent ${show(o.value)}, got ${show(storedValue(stored, o.path))}`);
    expectThat(wrong.length === 0, `not applied: ${wrong.join('; ')}`, { actual: wrong.join('\n'), response });
  },
);

behaviour(
  'P-04',
  'operations apply in order: Replace title "A" then Replace title "B" leaves "B"',
  { tags: ['default-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser();
    await patchUserOk(client, user.id, [
      { op: 'Replace', path: 'title', value: 'A' },
      { op: 'Replace', path: 'title', value: 'B' },
    ]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      storedValue(stored, 'title') === 'B',
      `after Replace "A" then Replace "B", GET shows title ${show(storedValue(stored, 'title'))}; operations apply in the order sent (RFC 7644 §3.5.2)`,
      { response },
    );
  },
);

behaviour(
  'P-07',
  'Add nickName on a user without one sets it',
  { tags: ['default-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser();
    await patchUserOk(client, user.id, [{ op: 'Add', path: 'nickName', value: 'Babs' }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      storedValue(stored, 'nickName') === 'Babs',
      `after Add nickName "Babs", GET shows ${show(storedValue(stored, 'nickName'))}`,
      { response },
    );
  },
);

behaviour(
  'P-07',
  'Add on a single-valued attribute that already has a value overwrites it',
  { tags: ['default-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser({ nickName: 'Old' });
    await patchUserOk(client, user.id, [{ op: 'Add', path: 'nickName', value: 'Babs' }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      storedValue(stored, 'nickName') === 'Babs',
      `after Add nickName "Babs" on a user with nickName "Old", GET shows ${show(storedValue(stored, 'nickName'))}; Entra sends Add when it believes the value is empty, so Add must overwrite (RFC 7644 §3.5.2.1)`,
      { response },
    );
  },
);

behaviour('P-11', 'remove with path nickName clears it', { tags: ['flag-dialect'] }, async ({ client, resources }) => {
  const user = await resources.createUser({ nickName: 'Babs' });
  await patchUserOk(client, user.id, [{ op: 'remove', path: 'nickName' }]);
  const { response, user: stored } = await getUserOk(client, user.id);
  expectThat(
    isCleared(storedValue(stored, 'nickName')),
    `after remove nickName, GET shows ${show(storedValue(stored, 'nickName'))} (validator: "The value of nickName should not be in the fetched Resource")`,
    { response },
  );
});

behaviour(
  'P-11',
  'remove with path externalId clears it',
  { tags: ['flag-dialect'] },
  async ({ client, resources, profile, skip }) => {
    // An app that requires externalId may refuse its removal (RFC 7644 §3.5.2.2); Entra never removes it.
    if (profile.users.mappings.some((m) => m.required && m.target.toLowerCase() === 'externalid'))
      skip(
        `profile ${profile.name} marks externalId required, so removing it may be refused (400 mutability); Entra never sends this removal`,
      );
    const user = await resources.createUser();
    await patchUserOk(client, user.id, [{ op: 'remove', path: 'externalId' }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      isCleared(storedValue(stored, 'externalId')),
      `after remove externalId, GET shows ${show(storedValue(stored, 'externalId'))}`,
      { response },
    );
  },
);

behaviour(
  'P-12',
  'remove, add and replace of externalId in one request: the last one wins',
  { tags: ['flag-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser();
    const a = `A-${user.id}`;
    const b = `B-${user.id}`;
    await patchUserOk(client, user.id, [
      { op: 'remove', path: 'externalId' },
      { op: 'add', value: { externalId: a } },
      { op: 'replace', value: { externalId: b } },
    ]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      storedValue(stored, 'externalId') === b,
      `after remove, add ${show(a)}, replace ${show(b)}, GET shows externalId ${show(storedValue(stored, 'externalId'))}; expected ${show(b)}`,
      { response },
    );
  },
);
