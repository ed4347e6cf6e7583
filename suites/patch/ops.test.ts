// PATCH operations with a path (catalog P-01…P-04, P-07, P-11, P-12): op names in both cases, the PatchOp
// envelope as Entra and Microsoft's tools shape it, and several operations applied in order. Every test reads the
// user back: a 200 that stored nothing is the failure Entra never notices.
// The tests write four shared users, one test at a time (issue 19, src/harness/shared-writes.ts): A and B carry the
// nickName chains (an Add needs it absent, a Remove present: each test says what it needs and takes a user of its
// own when the shared one is not so), C and D the tests that overwrite an attribute. Values come from the test's
// names, so a test never finds its own value already there; each judges only what it wrote.
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
  writeUser,
  valueBefore,
  WrittenUserSlot,
} from '#harness';
import type { Dialect } from '#harness';

type Json = Record<string, unknown>;

const slotA = new WrittenUserSlot('patch ops a', () => ({}));
const slotB = new WrittenUserSlot('patch ops b', () => ({}));
const slotC = new WrittenUserSlot('patch ops c', (names) => ({
  addresses: [{ type: 'work', formatted: names.text('Old street') }],
}));
const slotD = new WrittenUserSlot('patch ops d', () => ({}));
const slotsByDialect = { default: { nick: slotA, title: slotC }, flag: { nick: slotB, title: slotD } };

const hasNick = (state: Json) => !isCleared(storedValue(state, 'nickName'));
const noNick = (state: Json) => !hasNick(state);

for (const dialect of ['default', 'flag'] as const satisfies readonly Dialect[]) {
  const add = op('add', dialect);
  const replace = op('replace', dialect);
  const remove = op('remove', dialect);
  const tags = [dialect === 'default' ? ('default-dialect' as const) : ('flag-dialect' as const)];
  const { nick, title } = slotsByDialect[dialect];

  const addSlot = nick.plan();
  behaviour('P-01', `op "${add}" sets an attribute`, { tags }, async ({ client, resources, names }) => {
    const value = names.text('Babs');
    await writeUser(resources, addSlot, { ready: noNick, own: () => resources.createUser() }, async (user) => {
      await patchUserOk(client, user.id, [{ op: add, path: 'nickName', value }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        storedValue(stored, 'nickName') === value,
        `after {"op":"${add}","path":"nickName","value":${show(value)}}, GET shows nickName ${show(storedValue(stored, 'nickName'))}; op names are case-insensitive (Entra's default job sends "Add", the flag "add")`,
        { response },
      );
      return stored;
    });
  });

  const replaceSlot = title.plan();
  behaviour('P-01', `op "${replace}" changes an attribute`, { tags }, async ({ client, resources, names }) => {
    const value = names.text('After');
    const own = () => resources.createUser({ title: 'Before' });
    await writeUser(resources, replaceSlot, { own }, async (user) => {
      await patchUserOk(client, user.id, [{ op: replace, path: 'title', value }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        storedValue(stored, 'title') === value,
        `after {"op":"${replace}","path":"title","value":${show(value)}}, GET shows title ${show(storedValue(stored, 'title'))}; a case-sensitive op match fails every ${dialect === 'default' ? 'default-mode' : 'flag-mode'} update`,
        { response },
      );
      return stored;
    });
  });

  const removeSlot = nick.plan();
  behaviour('P-01', `op "${remove}" removes an attribute`, { tags }, async ({ client, resources }) => {
    const own = () => resources.createUser({ nickName: 'Babs' });
    await writeUser(resources, removeSlot, { ready: hasNick, own }, async (user) => {
      await patchUserOk(client, user.id, [{ op: remove, path: 'nickName' }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        isCleared(storedValue(stored, 'nickName')),
        `after {"op":"${remove}","path":"nickName"} (nickName was ${show(valueBefore(user, 'nickName'))}), GET shows nickName ${show(storedValue(stored, 'nickName'))}`,
        { response },
      );
      return stored;
    });
  });
}

const envelopeSlot = slotC.plan();
behaviour(
  'P-02',
  'PatchOp envelope with Operations before schemas, an extra top-level "id" and per-op "name" members is accepted',
  async ({ client, resources, names }) => {
    const value = names.text('Envelope');
    await writeUser(resources, envelopeSlot, { own: () => resources.createUser() }, async (user) => {
      // Member order matters on the wire, so the body is sent as written (Microsoft's Postman tests add id and name).
      const body = JSON.stringify({
        Operations: [{ name: 'title', op: 'Replace', path: 'title', value }],
        schemas: [URN.PatchOp],
        id: user.id,
      });
      const response = await client.patch(`/Users/${user.id}`, body);
      verify(response, status(200, 204));
      const { response: after, user: stored } = await getUserOk(client, user.id);
      expectThat(
        storedValue(stored, 'title') === value,
        `after a PatchOp with Operations first and extra members, GET shows title ${show(storedValue(stored, 'title'))}; expected ${show(value)}`,
        { response: after },
      );
      return stored;
    });
  },
);

const charsetSlot = slotD.plan();
behaviour(
  'P-02',
  'PATCH with Content-Type "application/scim+json; charset=utf-8" (the validator\'s header) is accepted',
  async ({ client, resources, names }) => {
    const value = names.text('Charset');
    await writeUser(resources, charsetSlot, { own: () => resources.createUser() }, async (user) => {
      await patchUserOk(client, user.id, [{ op: 'replace', path: 'title', value }], {
        headers: { 'Content-Type': 'application/scim+json; charset=utf-8' },
      });
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        storedValue(stored, 'title') === value,
        `GET shows title ${show(storedValue(stored, 'title'))}; expected ${show(value)}`,
        { response },
      );
      return stored;
    });
  },
);

const displayNameSlot = slotC.plan();
behaviour(
  'P-03',
  'Replace displayName with a bare string value is stored verbatim, leading space included',
  { tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const value = ` User ${names.token()}`;
    await writeUser(resources, displayNameSlot, { own: () => resources.createUser() }, async (user) => {
      await patchUserOk(client, user.id, [{ op: 'Replace', path: 'displayName', value }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        storedValue(stored, 'displayName') === value,
        `after Replace displayName ${show(value)} (a bare JSON string, not an array), GET shows ${show(storedValue(stored, 'displayName'))}`,
        { expected: show(value), actual: show(storedValue(stored, 'displayName')), response },
      );
      return stored;
    });
  },
);

/** Every operation of `ops` reads back as sent: the ones that did not, as "path: sent …, got …". */
function notApplied(stored: Json, ops: Array<{ path: string; value: unknown }>): string[] {
  return ops
    .filter((o) => storedValue(stored, o.path) !== o.value)
    .map((o) => `${o.path}: sent ${show(o.value)}, got ${show(storedValue(stored, o.path))}`);
}

const hasWorkEmail = (state: Json) => typeof storedValue(state, 'emails[type eq "work"].value') === 'string';

const sixSlot = slotD.plan();
behaviour(
  'P-04',
  "Entra's documented six-operation default request is applied completely",
  { tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const ops = [
      { op: 'Replace', path: 'displayName', value: names.text('Pvlo') },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: names.email('TestBcwqnm') },
      { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
      { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
      { op: 'Replace', path: 'externalId', value: names.externalId('Eqpj') },
      { op: 'Replace', path: enterprisePath('employeeNumber'), value: 'Eqpj' },
    ];
    // On the shared user: a work e-mail to replace (as Entra's create made it), and no value already in place.
    const ready = (state: Json) => hasWorkEmail(state) && notApplied(state, ops).length === ops.length;
    await writeUser(resources, sixSlot, { ready, own: () => resources.createUser() }, async (user) => {
      await patchUserOk(client, user.id, ops);
      const { response, user: stored } = await getUserOk(client, user.id);
      const wrong = notApplied(stored, ops);
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
      return stored;
    });
  },
);

const mixSlot = slotC.plan();
behaviour(
  'P-04',
  'a default request mixing Replace and Add (email, address, enterprise department) applies every operation',
  { tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const own = () => resources.createUser({ addresses: [{ type: 'work', formatted: 'Old street 1' }] });
    // Replace needs the work e-mail and the work address to exist (a missing one is P-08's case, not this one's).
    const ready = (state: Json) =>
      hasWorkEmail(state) && storedValue(state, 'addresses[type eq "work"].formatted') !== undefined;
    await writeUser(resources, mixSlot, { ready, own }, async (user) => {
      const ops = [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: `mixed-${user.userName}` },
        {
          op: 'Replace',
          path: 'addresses[type eq "work"].formatted',
          value: names.text('New street 2, 1000 Brussels'),
        },
        { op: 'Add', path: enterprisePath('department'), value: names.text('Sales') },
      ];
      await patchUserOk(client, user.id, ops);
      const { response, user: stored } = await getUserOk(client, user.id);
      const wrong = notApplied(stored, ops);
      expectThat(wrong.length === 0, `not applied: ${wrong.join('; ')}`, { actual: wrong.join('\n'), response });
      return stored;
    });
  },
);

const orderSlot = slotD.plan();
behaviour(
  'P-04',
  'operations apply in order: Replace title "A" then Replace title "B" leaves "B"',
  { tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const [a, b] = [names.text('A'), names.text('B')];
    await writeUser(resources, orderSlot, { own: () => resources.createUser() }, async (user) => {
      await patchUserOk(client, user.id, [
        { op: 'Replace', path: 'title', value: a },
        { op: 'Replace', path: 'title', value: b },
      ]);
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        storedValue(stored, 'title') === b,
        `after Replace ${show(a)} then Replace ${show(b)}, GET shows title ${show(storedValue(stored, 'title'))}; operations apply in the order sent (RFC 7644 §3.5.2)`,
        { response },
      );
      return stored;
    });
  },
);

const addAbsentSlot = slotA.plan();
behaviour(
  'P-07',
  'Add nickName on a user without one sets it',
  { tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const value = names.text('Babs');
    await writeUser(resources, addAbsentSlot, { ready: noNick, own: () => resources.createUser() }, async (user) => {
      await patchUserOk(client, user.id, [{ op: 'Add', path: 'nickName', value }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        storedValue(stored, 'nickName') === value,
        `after Add nickName ${show(value)}, GET shows ${show(storedValue(stored, 'nickName'))}`,
        { response },
      );
      return stored;
    });
  },
);

const addOverSlot = slotA.plan();
behaviour(
  'P-07',
  'Add on a single-valued attribute that already has a value overwrites it',
  { tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const value = names.text('Babs');
    const own = () => resources.createUser({ nickName: 'Old' });
    await writeUser(resources, addOverSlot, { ready: hasNick, own }, async (user) => {
      const old = valueBefore(user, 'nickName');
      await patchUserOk(client, user.id, [{ op: 'Add', path: 'nickName', value }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        storedValue(stored, 'nickName') === value,
        `after Add nickName ${show(value)} on a user with nickName ${show(old)}, GET shows ${show(storedValue(stored, 'nickName'))}; Entra sends Add when it believes the value is empty, so Add must overwrite (RFC 7644 §3.5.2.1)`,
        { response },
      );
      return stored;
    });
  },
);

const removeNickSlot = slotA.plan();
behaviour('P-11', 'remove with path nickName clears it', { tags: ['flag-dialect'] }, async ({ client, resources }) => {
  const own = () => resources.createUser({ nickName: 'Babs' });
  await writeUser(resources, removeNickSlot, { ready: hasNick, own }, async (user) => {
    await patchUserOk(client, user.id, [{ op: 'remove', path: 'nickName' }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      isCleared(storedValue(stored, 'nickName')),
      `after remove nickName, GET shows ${show(storedValue(stored, 'nickName'))} (validator: "The value of nickName should not be in the fetched Resource")`,
      { response },
    );
    return stored;
  });
});

const removeExternalIdSlot = slotB.plan();
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
    const ready = (state: Json) => !isCleared(storedValue(state, 'externalId'));
    await writeUser(resources, removeExternalIdSlot, { ready, own: () => resources.createUser() }, async (user) => {
      await patchUserOk(client, user.id, [{ op: 'remove', path: 'externalId' }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        isCleared(storedValue(stored, 'externalId')),
        `after remove externalId, GET shows ${show(storedValue(stored, 'externalId'))}`,
        { response },
      );
      return stored;
    });
  },
);

const lastWinsSlot = slotB.plan();
behaviour(
  'P-12',
  'remove, add and replace of externalId in one request: the last one wins',
  { tags: ['flag-dialect'] },
  async ({ client, resources, names }) => {
    const a = names.externalId('A');
    const b = names.externalId('B');
    await writeUser(resources, lastWinsSlot, { own: () => resources.createUser() }, async (user) => {
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
      return stored;
    });
  },
);
