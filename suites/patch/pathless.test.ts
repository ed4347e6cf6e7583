// Path-less operations (catalog P-05, P-06): with the aadOptscim062020 flag Entra batches scalar changes into one
// replace whose value object uses dotted keys for sub-attributes and URN keys for extension attributes. The silent
// failure — 200, nothing stored, or a literal "name.givenName" member — leaves data stale forever.
import {
  behaviour,
  expectThat,
  show,
  getUserOk,
  patchUserOk,
  storedValue,
  enterprisePath,
  memberCI,
  URN,
  sameUserName,
} from '#harness';

/** Members a server wrongly stored under the literal dotted or URN-qualified key. */
function literalKeys(user: Record<string, unknown>, keys: string[]): string[] {
  return keys.filter((k) => memberCI(user, k) !== undefined);
}

behaviour(
  'P-05',
  "Entra's documented flag request (work email op + path-less replace with dotted and URN keys) stores every value",
  { tags: ['flag-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser({ [URN.EnterpriseUser]: { department: 'Keep' } });
    const email = `TestMhvaes-${user.name}`;
    await patchUserOk(client, user.id, [
      { op: 'replace', path: 'emails[type eq "work"].value', value: email },
      {
        op: 'replace',
        value: {
          displayName: 'Bjfe',
          'name.givenName': 'Kkom',
          'name.familyName': 'Unua',
          [enterprisePath('employeeNumber')]: 'Aklq',
        },
      },
    ]);
    const { response, user: stored } = await getUserOk(client, user.id);
    const expected: Array<[string, string]> = [
      ['emails[type eq "work"].value', email],
      ['displayName', 'Bjfe'],
      ['name.givenName', 'Kkom'],
      ['name.familyName', 'Unua'],
      [enterprisePath('employeeNumber'), 'Aklq'],
      [enterprisePath('department'), 'Keep'],
    ];
    const wrong = expected
      .filter(([p, v]) => storedValue(stored, p) !== v)
      .map(([p, v]) => `${p}: expected ${show(v)}, got ${show(storedValue(stored, p))}`);
    expectThat(
      wrong.length === 0,
      `the path-less replace answered success but ${wrong.join('; ')}. Entra thinks the update applied and never resends it`,
      {
        expected: expected.map(([p, v]) => `${p} = ${v}`).join('\n'),
        actual: wrong.join('\n'),
        response,
        hint: '"name.givenName" addresses the givenName sub-attribute of name; "urn:…:enterprise:2.0:User:employeeNumber" addresses employeeNumber inside the enterprise object (match the longest schema URN first).',
      },
    );
    const literal = literalKeys(stored, ['name.givenName', 'name.familyName', enterprisePath('employeeNumber')]);
    expectThat(
      literal.length === 0,
      `GET shows top-level members named ${show(literal)}: the dotted/URN keys were stored literally instead of being resolved as paths`,
      { response },
    );
  },
);

behaviour(
  'P-05',
  'path-less replace {"name.givenName": …} changes givenName and does not wipe name.familyName',
  { tags: ['flag-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser({
      name: { givenName: 'Ada', familyName: 'Lovelace', formatted: 'Ada Lovelace' },
    });
    await patchUserOk(client, user.id, [{ op: 'replace', value: { 'name.givenName': 'Augusta' } }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    const given = storedValue(stored, 'name.givenName');
    const family = storedValue(stored, 'name.familyName');
    expectThat(
      given === 'Augusta',
      `after replace {"name.givenName":"Augusta"}, GET shows name.givenName ${show(given)}`,
      { response },
    );
    expectThat(
      family === 'Lovelace',
      `after replace {"name.givenName":"Augusta"}, name.familyName is ${show(family)}; it was "Lovelace" and was not part of the request — replacing the whole name object wipes it`,
      { expected: '"Lovelace"', actual: show(family), response },
    );
    expectThat(
      literalKeys(stored, ['name.givenName']).length === 0,
      'GET shows a top-level member literally named "name.givenName"',
      { response },
    );
  },
);

behaviour(
  'P-05',
  'path-less replace {"urn:…:enterprise:2.0:User:employeeNumber": …} updates the enterprise object, keeping department',
  { tags: ['flag-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser({ [URN.EnterpriseUser]: { department: 'Keep', employeeNumber: '1' } });
    await patchUserOk(client, user.id, [{ op: 'replace', value: { [enterprisePath('employeeNumber')]: '2' } }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      storedValue(stored, enterprisePath('employeeNumber')) === '2',
      `employeeNumber reads ${show(storedValue(stored, enterprisePath('employeeNumber')))} after a URN-keyed replace to "2"`,
      { response },
    );
    expectThat(
      storedValue(stored, enterprisePath('department')) === 'Keep',
      `department reads ${show(storedValue(stored, enterprisePath('department')))}; it was "Keep" and not in the request`,
      { response },
    );
    expectThat(
      literalKeys(stored, [enterprisePath('employeeNumber')]).length === 0,
      'GET shows a top-level member named after the full URN path; the key was stored literally',
      { response },
    );
  },
);

behaviour(
  'P-05',
  'path-less replace {"active": false, "userName": …} (2020 sample) applies both',
  { tags: ['flag-dialect'] },
  async ({ client, resources, names }) => {
    const user = await resources.createUser();
    const renamed = names.userName('batched');
    await patchUserOk(client, user.id, [{ op: 'replace', value: { active: false, userName: renamed } }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      stored.active === false && sameUserName(stored.userName, renamed),
      `after replace {"active":false,"userName":${show(renamed)}}, GET shows active ${show(stored.active)} and userName ${show(stored.userName)}`,
      { response },
    );
  },
);

behaviour(
  'P-06',
  'path-less add with a value object (displayName, title, dotted name keys) sets each attribute',
  { tags: ['flag-dialect'] },
  async ({ client, resources, names }) => {
    const user = await resources.createUser();
    const value = {
      displayName: names.text('Foo Bar'),
      title: 'Bar Foo',
      'name.givenName': 'Foo',
      'name.familyName': 'Bar',
      'name.formatted': 'Foo Bar',
    };
    await patchUserOk(client, user.id, [{ op: 'add', value }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    const wrong = Object.entries(value)
      .filter(([p, v]) => storedValue(stored, p) !== v)
      .map(([p, v]) => `${p}: expected ${show(v)}, got ${show(storedValue(stored, p))}`);
    expectThat(
      wrong.length === 0,
      `after a path-less add, ${wrong.join('; ')}; for single-valued attributes add behaves like replace (RFC 7644 §3.5.2.1)`,
      { actual: wrong.join('\n'), response },
    );
    expectThat(
      literalKeys(stored, ['name.givenName', 'name.familyName', 'name.formatted']).length === 0,
      'GET shows top-level members with dotted names',
      { response },
    );
  },
);

behaviour(
  'P-06',
  'path-less add {"externalId": …} (validator preview) sets externalId',
  { tags: ['flag-dialect'] },
  async ({ client, resources, names }) => {
    const user = await resources.createUser();
    const externalId = names.guid();
    await patchUserOk(client, user.id, [{ op: 'add', value: { externalId } }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      stored.externalId === externalId,
      `after add {"externalId":"${externalId}"}, GET shows ${show(stored.externalId)}`,
      { response },
    );
  },
);
