// Path-less operations (catalog P-05, P-06): with the aadOptscim062020 flag Entra batches scalar changes into one
// replace whose value object uses dotted keys for sub-attributes and URN keys for extension attributes. The silent
// failure — 200, nothing stored, or a literal "name.givenName" member — leaves data stale forever.
// Two shared users (issue 19, src/harness/shared-writes.ts), written one test at a time; what a test must not touch
// (familyName, department) is judged against the user as the last test read it back. The disable-and-rename test
// takes the last turn and retires its user.
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
  writeUser,
  valueBefore,
  WrittenUserSlot,
  type Names,
} from '#harness';

type Json = Record<string, unknown>;

const enterpriseBody = (names: Names) => ({
  [URN.EnterpriseUser]: { department: names.text('Keep'), employeeNumber: names.token() },
});
const first = new WrittenUserSlot('patch pathless a', enterpriseBody);
const second = new WrittenUserSlot('patch pathless b', enterpriseBody);

/** Members a server wrongly stored under the literal dotted or URN-qualified key. */
function literalKeys(user: Record<string, unknown>, keys: string[]): string[] {
  return keys.filter((k) => memberCI(user, k) !== undefined);
}

const present = (state: Json, path: string) => {
  const value = storedValue(state, path);
  return typeof value === 'string' && value !== '';
};

const documentedSlot = first.plan();
behaviour(
  'P-05',
  "Entra's documented flag request (work email op + path-less replace with dotted and URN keys) stores every value",
  { tags: ['flag-dialect'] },
  async ({ client, resources }) => {
    const values = {
      displayName: 'Bjfe',
      'name.givenName': 'Kkom',
      'name.familyName': 'Unua',
      [enterprisePath('employeeNumber')]: 'Aklq',
    };
    // The shared user needs a work e-mail (replaced, not created) and a department (it must stay), and none of the
    // values already in place.
    const ready = (state: Json) =>
      present(state, 'emails[type eq "work"].value') &&
      present(state, enterprisePath('department')) &&
      Object.entries(values).every(([p, v]) => storedValue(state, p) !== v);
    const own = () => resources.createUser({ [URN.EnterpriseUser]: { department: 'Keep' } });
    await writeUser(resources, documentedSlot, { ready, own }, async (user) => {
      const department = valueBefore(user, enterprisePath('department'));
      const email = `TestMhvaes-${user.userName}`;
      await patchUserOk(client, user.id, [
        { op: 'replace', path: 'emails[type eq "work"].value', value: email },
        { op: 'replace', value: values },
      ]);
      const { response, user: stored } = await getUserOk(client, user.id);
      const expected: Array<[string, unknown]> = [
        ['emails[type eq "work"].value', email],
        ...Object.entries(values),
        [enterprisePath('department'), department],
      ];
      const wrong = expected
        .filter(([p, v]) => storedValue(stored, p) !== v)
        .map(([p, v]) => `${p}: expected ${show(v)}, got ${show(storedValue(stored, p))}`);
      expectThat(
        wrong.length === 0,
        `the path-less replace answered success but ${wrong.join('; ')}. Entra thinks the update applied and never resends it`,
        {
          expected: expected.map(([p, v]) => `${p} = ${String(v)}`).join('\n'),
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
      return stored;
    });
  },
);

const givenNameSlot = second.plan();
behaviour(
  'P-05',
  'path-less replace {"name.givenName": …} changes givenName and does not wipe name.familyName',
  { tags: ['flag-dialect'] },
  async ({ client, resources, names }) => {
    const value = `Augusta-${names.token()}`;
    const ready = (state: Json) => present(state, 'name.familyName');
    const own = () =>
      resources.createUser({ name: { givenName: 'Ada', familyName: 'Lovelace', formatted: 'Ada Lovelace' } });
    await writeUser(resources, givenNameSlot, { ready, own }, async (user) => {
      const familyBefore = valueBefore(user, 'name.familyName');
      await patchUserOk(client, user.id, [{ op: 'replace', value: { 'name.givenName': value } }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      const given = storedValue(stored, 'name.givenName');
      const family = storedValue(stored, 'name.familyName');
      expectThat(
        given === value,
        `after replace {"name.givenName":${show(value)}}, GET shows name.givenName ${show(given)}`,
        { response },
      );
      expectThat(
        family === familyBefore,
        `after replace {"name.givenName":${show(value)}}, name.familyName is ${show(family)}; it was ${show(familyBefore)} and was not part of the request — replacing the whole name object wipes it`,
        { expected: show(familyBefore), actual: show(family), response },
      );
      expectThat(
        literalKeys(stored, ['name.givenName']).length === 0,
        'GET shows a top-level member literally named "name.givenName"',
        { response },
      );
      return stored;
    });
  },
);

const employeeNumberSlot = first.plan();
behaviour(
  'P-05',
  'path-less replace {"urn:…:enterprise:2.0:User:employeeNumber": …} updates the enterprise object, keeping department',
  { tags: ['flag-dialect'] },
  async ({ client, resources, names }) => {
    const value = names.token();
    const ready = (state: Json) => present(state, enterprisePath('department'));
    const own = () => resources.createUser({ [URN.EnterpriseUser]: { department: 'Keep', employeeNumber: '1' } });
    await writeUser(resources, employeeNumberSlot, { ready, own }, async (user) => {
      const department = valueBefore(user, enterprisePath('department'));
      await patchUserOk(client, user.id, [{ op: 'replace', value: { [enterprisePath('employeeNumber')]: value } }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        storedValue(stored, enterprisePath('employeeNumber')) === value,
        `employeeNumber reads ${show(storedValue(stored, enterprisePath('employeeNumber')))} after a URN-keyed replace to ${show(value)}`,
        { response },
      );
      expectThat(
        storedValue(stored, enterprisePath('department')) === department,
        `department reads ${show(storedValue(stored, enterprisePath('department')))}; it was ${show(department)} and not in the request`,
        { response },
      );
      expectThat(
        literalKeys(stored, [enterprisePath('employeeNumber')]).length === 0,
        'GET shows a top-level member named after the full URN path; the key was stored literally',
        { response },
      );
      return stored;
    });
  },
);

const addSlot = first.plan();
behaviour(
  'P-06',
  'path-less add with a value object (displayName, title, dotted name keys) sets each attribute',
  { tags: ['flag-dialect'] },
  async ({ client, resources, names }) => {
    const value = {
      displayName: names.text('Foo Bar'),
      title: names.text('Bar Foo'),
      'name.givenName': 'Foo',
      'name.familyName': 'Bar',
      'name.formatted': 'Foo Bar',
    };
    const ready = (state: Json) => Object.entries(value).every(([p, v]) => storedValue(state, p) !== v);
    await writeUser(resources, addSlot, { ready, own: () => resources.createUser() }, async (user) => {
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
      return stored;
    });
  },
);

const externalIdSlot = second.plan();
behaviour(
  'P-06',
  'path-less add {"externalId": …} (validator preview) sets externalId',
  { tags: ['flag-dialect'] },
  async ({ client, resources, names }) => {
    const externalId = names.guid();
    await writeUser(resources, externalIdSlot, { own: () => resources.createUser() }, async (user) => {
      await patchUserOk(client, user.id, [{ op: 'add', value: { externalId } }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        stored.externalId === externalId,
        `after add {"externalId":"${externalId}"}, GET shows ${show(stored.externalId)}`,
        { response },
      );
      return stored;
    });
  },
);

// It disables and renames the user: the last turn on its shared user, which it retires.
const disableSlot = second.plan();
behaviour(
  'P-05',
  'path-less replace {"active": false, "userName": …} (2020 sample) applies both',
  { tags: ['flag-dialect'] },
  async ({ client, resources, names }) => {
    const renamed = names.userName('batched');
    const ready = (state: Json) => state.active === true;
    await writeUser(
      resources,
      disableSlot,
      { ready, own: () => resources.createUser(), spoils: true },
      async (user) => {
        await patchUserOk(client, user.id, [{ op: 'replace', value: { active: false, userName: renamed } }]);
        const { response, user: stored } = await getUserOk(client, user.id);
        expectThat(
          stored.active === false && sameUserName(stored.userName, renamed),
          `after replace {"active":false,"userName":${show(renamed)}}, GET shows active ${show(stored.active)} and userName ${show(stored.userName)}`,
          { response },
        );
      },
    );
  },
);
