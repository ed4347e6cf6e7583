// The enterprise extension (catalog X-01…X-05): data nested under its URN on create, the URN listed without data,
// and updates through URN paths (default job), URN keys (flag) and the RFC's extension-object form.
// Three shared users (issue 19, src/harness/shared-writes.ts), each started by a test that creates its own user
// (X-01 and X-02 judge their create, X-05 needs a manager in it); the tests after it write or read that user one at
// a time, each judging what must stay against the user as the test before read it back.
import {
  behaviour,
  verify,
  status,
  resourceWithId,
  createdId,
  expectThat,
  show,
  entraUserBody,
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
  type Created,
} from '#harness';

type Json = Record<string, unknown>;

// Their bodies serve only when the test that starts them failed: then the next test creates the user.
const withData = new WrittenUserSlot('extensions enterprise data', (names) => ({
  [URN.EnterpriseUser]: { employeeNumber: names.token(), department: names.text('Tour Operations') },
}));
const withoutData = new WrittenUserSlot('extensions enterprise none', () => ({}));
const withManager = new WrittenUserSlot('extensions enterprise manager', () => ({}));

const enterprise = (user: unknown) => memberCI(user, URN.EnterpriseUser) as Json | undefined;
const hasData = (state: Json) => Object.keys(enterprise(state) ?? {}).length > 0;
const present = (state: Json, attribute: string) => {
  const value = storedValue(state, enterprisePath(attribute));
  return typeof value === 'string' && value !== '';
};

const storedSlot = withData.plan();
behaviour(
  'X-01',
  'POST with an enterprise object under its URN answers 201 and GET returns it in the same URN-keyed object',
  async ({ client, resources }) => {
    const own = () =>
      resources.createUser({ [URN.EnterpriseUser]: { employeeNumber: '701984', department: 'Tour Operations' } });
    await writeUser(resources, storedSlot, { creates: true, own }, async (user) => {
      const { response, user: stored } = await getUserOk(client, user.id);
      const ext = enterprise(stored);
      expectThat(
        ext?.employeeNumber === '701984' && ext?.department === 'Tour Operations',
        `GET shows the enterprise object ${show(ext)}; expected {"employeeNumber":"701984","department":"Tour Operations"} under "${URN.EnterpriseUser}". Values nested elsewhere or flattened make Entra re-PATCH every cycle`,
        { response },
      );
      expectThat(
        memberCI(stored, 'department') === undefined && memberCI(stored, 'employeeNumber') === undefined,
        `GET shows enterprise attributes flattened to the top level: ${show({ department: memberCI(stored, 'department'), employeeNumber: memberCI(stored, 'employeeNumber') })}`,
        { response },
      );
      return stored;
    });
  },
);

const schemasSlot = withData.plan();
behaviour(
  'X-01',
  'a user carrying enterprise data lists the enterprise URN in schemas',
  { level: 'recommended' },
  async ({ client, resources }) => {
    // Recommended (catalog §0.1 X-01): RFC 7643 §3 asks for it; Entra does not read schemas. It only reads: the
    // shared user serves when it carries enterprise data.
    const own = () =>
      resources.createUser({ [URN.EnterpriseUser]: { employeeNumber: '701984', department: 'Tour Operations' } });
    await writeUser(resources, schemasSlot, { ready: hasData, own }, async (user) => {
      const { response, user: stored } = await getUserOk(client, user.id);
      const schemas = stored.schemas as unknown[];
      expectThat(
        Array.isArray(schemas) && schemas.some((s) => String(s).toLowerCase() === URN.EnterpriseUser.toLowerCase()),
        `schemas is ${show(schemas)}; a resource carrying enterprise data lists the enterprise URN (RFC 7643 §3)`,
        { response },
      );
      return stored;
    });
  },
);

const noDataSlot = withoutData.plan();
behaviour(
  'X-02',
  'POST listing the enterprise URN in schemas without any enterprise object answers 201',
  async ({ client, resources, names }) => {
    const userName = names.userName('x02');
    const own = async (): Promise<Created> => {
      const body = entraUserBody(userName, names.externalId());
      // entraUserBody lists the enterprise URN in schemas and carries no enterprise object, as Entra does (DEV sample).
      const response = await client.post('/Users', body);
      resources.trackCreated('User', response, userName);
      verify(response, status(201, 200), resourceWithId());
      const id = createdId(response, 'POST /Users without an enterprise object');
      return { id, name: userName, sent: body, response, resource: response.json as Json };
    };
    await writeUser(resources, noDataSlot, { creates: true, own }, async (user) => {
      const { response: after, user: stored } = await getUserOk(client, user.id);
      expectThat(sameUserName(stored.userName, userName), `GET shows userName ${show(stored.userName)}`, {
        response: after,
      });
      return stored;
    });
  },
);

const createObjectSlot = withoutData.plan();
behaviour(
  'X-03',
  'default job: Add department and Replace employeeNumber by URN path create the enterprise object on a user without one',
  { tags: ['default-dialect'] },
  async ({ client, resources }) => {
    const ready = (state: Json) => !hasData(state);
    await writeUser(resources, createObjectSlot, { ready, own: () => resources.createUser() }, async (user) => {
      await patchUserOk(client, user.id, [
        { op: 'Add', path: enterprisePath('department'), value: 'Sales' },
        { op: 'Replace', path: enterprisePath('employeeNumber'), value: 'Eqpj' },
      ]);
      const { response, user: stored } = await getUserOk(client, user.id);
      const d = storedValue(stored, enterprisePath('department'));
      const e = storedValue(stored, enterprisePath('employeeNumber'));
      expectThat(
        d === 'Sales' && e === 'Eqpj',
        `after Add department "Sales" and Replace employeeNumber "Eqpj" by URN path, GET shows department ${show(d)} and employeeNumber ${show(e)}. Parse the path by matching the longest schema URN first; splitting at the first "." or every ":" breaks on "2.0"`,
        { response },
      );
      return stored;
    });
  },
);

const departmentSlot = withData.plan();
behaviour(
  'X-03',
  'default job: Replace department by URN path leaves the other enterprise attributes untouched',
  { tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const value = names.text('New');
    const ready = (state: Json) => present(state, 'department') && present(state, 'employeeNumber');
    const own = () =>
      resources.createUser({ [URN.EnterpriseUser]: { department: 'Old', employeeNumber: '42', costCenter: 'CC-1' } });
    await writeUser(resources, departmentSlot, { ready, own }, async (user) => {
      const before = (valueBefore(user, URN.EnterpriseUser) ?? {}) as Json;
      await patchUserOk(client, user.id, [{ op: 'Replace', path: enterprisePath('department'), value }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      const ext = enterprise(stored);
      const changed = Object.keys(before).filter(
        (k) => k.toLowerCase() !== 'department' && JSON.stringify(memberCI(ext, k)) !== JSON.stringify(before[k]),
      );
      expectThat(
        ext?.department === value && changed.length === 0,
        `after Replace department, the enterprise object is ${show(ext)}; expected department ${show(value)} with ${Object.keys(
          before,
        )
          .filter((k) => k.toLowerCase() !== 'department')
          .map((k) => `${k} ${show(before[k])}`)
          .join(' and ')} kept`,
        { response },
      );
      return stored;
    });
  },
);

const flagSlot = withoutData.plan();
behaviour(
  'X-04',
  'flag: a URN key inside a path-less replace updates the enterprise attribute (no literal top-level member)',
  { tags: ['flag-dialect'] },
  async ({ client, resources }) => {
    const ready = (state: Json) =>
      present(state, 'department') &&
      state.displayName !== 'Bjfe' &&
      storedValue(state, enterprisePath('employeeNumber')) !== 'Aklq';
    const own = () => resources.createUser({ [URN.EnterpriseUser]: { department: 'Keep' } });
    await writeUser(resources, flagSlot, { ready, own }, async (user) => {
      const department = valueBefore(user, enterprisePath('department'));
      await patchUserOk(client, user.id, [
        { op: 'replace', value: { displayName: 'Bjfe', [enterprisePath('employeeNumber')]: 'Aklq' } },
      ]);
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        storedValue(stored, enterprisePath('employeeNumber')) === 'Aklq',
        `after replace {"${enterprisePath('employeeNumber')}":"Aklq"}, GET shows employeeNumber ${show(storedValue(stored, enterprisePath('employeeNumber')))} — the silent failure: 200 and nothing stored`,
        { response },
      );
      expectThat(
        memberCI(stored, enterprisePath('employeeNumber')) === undefined,
        'GET shows a top-level member named after the whole URN path: the key was stored literally',
        { response },
      );
      expectThat(
        stored.displayName === 'Bjfe' && storedValue(stored, enterprisePath('department')) === department,
        `displayName ${show(stored.displayName)}, department ${show(storedValue(stored, enterprisePath('department')))}; expected "Bjfe" and ${show(department)}`,
        { response },
      );
      return stored;
    });
  },
);

for (const [index, opName] of (['replace', 'add'] as const).entries()) {
  const slot = withManager.plan();
  behaviour(
    'X-05',
    `${opName} with the extension object as value ({"urn:…:User": {"department": …}}) merges, keeping employeeNumber and manager`,
    async ({ client, resources, names }) => {
      const value = names.text('Finance');
      let managerId = '';
      const own = async () => {
        managerId = (await resources.sharedUser()).id;
        return resources.createUser({
          [URN.EnterpriseUser]: { department: 'Old', employeeNumber: '42', manager: { value: managerId } },
        });
      };
      // The first creates its user (with a manager) and hands it to the second, which needs all three in place.
      const ready = (state: Json) =>
        present(state, 'department') &&
        present(state, 'employeeNumber') &&
        typeof memberCI(storedValue(state, enterprisePath('manager')), 'value') === 'string';
      await writeUser(resources, slot, { ...(index === 0 ? { creates: true } : { ready }), own }, async (user) => {
        const employeeNumber = valueBefore(user, enterprisePath('employeeNumber'));
        const manager = user.shared ? memberCI(storedValue(user.state, enterprisePath('manager')), 'value') : managerId;
        await patchUserOk(client, user.id, [{ op: opName, value: { [URN.EnterpriseUser]: { department: value } } }]);
        const { response, user: stored } = await getUserOk(client, user.id);
        const ext = enterprise(stored);
        expectThat(
          ext?.department === value,
          `after ${opName} with the extension object, department is ${show(ext?.department)}`,
          { response },
        );
        const kept = storedValue(stored, enterprisePath('manager'));
        // The manager's shape is X-09's concern; here it only has to survive the merge.
        expectThat(
          ext?.employeeNumber === employeeNumber && (memberCI(kept, 'value') === manager || kept === manager),
          `after ${opName} {"${URN.EnterpriseUser}":{"department":${show(value)}}}, the enterprise object is ${show(ext)}; employeeNumber and manager were not in the request and must stay (RFC 7644 §3.5.2.3) — replacing the whole object wipes the manager link`,
          { response },
        );
        return stored;
      });
    },
  );
}
