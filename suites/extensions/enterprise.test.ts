// The enterprise extension (catalog X-01…X-05): data nested under its URN on create, the URN listed without data,
// and updates through URN paths (default job), URN keys (flag) and the RFC's extension-object form.
import {
  behaviour,
  verify,
  status,
  resourceWithId,
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
} from '#harness';

behaviour(
  'X-01',
  'POST with an enterprise object under its URN answers 201 and GET returns it in the same URN-keyed object',
  async ({ client, resources }) => {
    const user = await resources.createUser({
      [URN.EnterpriseUser]: { employeeNumber: '701984', department: 'Tour Operations' },
    });
    verify(user.response, status(201, 200), resourceWithId());
    const { response, user: stored } = await getUserOk(client, user.id);
    const ext = memberCI(stored, URN.EnterpriseUser) as Record<string, unknown> | undefined;
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
  },
);

behaviour(
  'X-01',
  'a user carrying enterprise data lists the enterprise URN in schemas',
  { level: 'recommended' },
  async ({ client, resources }) => {
    // Recommended (catalog §0.1 X-01): RFC 7643 §3 asks for it; Entra does not read schemas.
    const user = await resources.createUser({
      [URN.EnterpriseUser]: { employeeNumber: '701984', department: 'Tour Operations' },
    });
    const { response, user: stored } = await getUserOk(client, user.id);
    const schemas = stored.schemas as unknown[];
    expectThat(
      Array.isArray(schemas) && schemas.some((s) => String(s).toLowerCase() === URN.EnterpriseUser.toLowerCase()),
      `schemas is ${show(schemas)}; a resource carrying enterprise data lists the enterprise URN (RFC 7643 §3)`,
      { response },
    );
  },
);

behaviour(
  'X-02',
  'POST listing the enterprise URN in schemas without any enterprise object answers 201',
  async ({ client, resources, names }) => {
    const userName = names.userName('x02');
    const body = entraUserBody(userName, names.externalId());
    // entraUserBody lists the enterprise URN in schemas and carries no enterprise object, as Entra does (DEV sample).
    const response = await client.post('/Users', body);
    const id = resources.trackCreated('User', response, userName);
    verify(response, status(201, 200), resourceWithId());
    const { response: after, user: stored } = await getUserOk(client, id as string);
    expectThat(sameUserName(stored.userName, userName), `GET shows userName ${show(stored.userName)}`, {
      response: after,
    });
  },
);

behaviour(
  'X-03',
  'default job: Add department and Replace employeeNumber by URN path create the enterprise object on a user without one',
  { tags: ['default-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser();
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
  },
);

behaviour(
  'X-03',
  'default job: Replace department by URN path leaves the other enterprise attributes untouched',
  { tags: ['default-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser({
      [URN.EnterpriseUser]: { department: 'Old', employeeNumber: '42', costCenter: 'CC-1' },
    });
    await patchUserOk(client, user.id, [{ op: 'Replace', path: enterprisePath('department'), value: 'New' }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    const ext = memberCI(stored, URN.EnterpriseUser) as Record<string, unknown> | undefined;
    expectThat(
      ext?.department === 'New' && ext?.employeeNumber === '42' && ext?.costCenter === 'CC-1',
      `after Replace department, the enterprise object is ${show(ext)}; expected department "New" with employeeNumber "42" and costCenter "CC-1" kept`,
      { response },
    );
  },
);

behaviour(
  'X-04',
  'flag: a URN key inside a path-less replace updates the enterprise attribute (no literal top-level member)',
  { tags: ['flag-dialect'] },
  async ({ client, resources }) => {
    const user = await resources.createUser({ [URN.EnterpriseUser]: { department: 'Keep' } });
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
      stored.displayName === 'Bjfe' && storedValue(stored, enterprisePath('department')) === 'Keep',
      `displayName ${show(stored.displayName)}, department ${show(storedValue(stored, enterprisePath('department')))}; expected "Bjfe" and "Keep"`,
      { response },
    );
  },
);

for (const opName of ['replace', 'add'] as const) {
  behaviour(
    'X-05',
    `${opName} with the extension object as value ({"urn:…:User": {"department": …}}) merges, keeping employeeNumber and manager`,
    async ({ client, resources }) => {
      const manager = await resources.sharedUser();
      const user = await resources.createUser({
        [URN.EnterpriseUser]: { department: 'Old', employeeNumber: '42', manager: { value: manager.id } },
      });
      await patchUserOk(client, user.id, [{ op: opName, value: { [URN.EnterpriseUser]: { department: 'Finance' } } }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      const ext = memberCI(stored, URN.EnterpriseUser) as Record<string, unknown> | undefined;
      expectThat(
        ext?.department === 'Finance',
        `after ${opName} with the extension object, department is ${show(ext?.department)}`,
        { response },
      );
      const kept = storedValue(stored, enterprisePath('manager'));
      // The manager's shape is X-09's concern; here it only has to survive the merge.
      expectThat(
        ext?.employeeNumber === '42' && (memberCI(kept, 'value') === manager.id || kept === manager.id),
        `after ${opName} {"${URN.EnterpriseUser}":{"department":"Finance"}}, the enterprise object is ${show(ext)}; employeeNumber and manager were not in the request and must stay (RFC 7644 §3.5.2.3) — replacing the whole object wipes the manager link`,
        { response },
      );
    },
  );
}
