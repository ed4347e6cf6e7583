// What a query answers (catalog F-07, F-09, F-10): always a ListResponse shaped as the SCIM Validator asserts it,
// a clean 400 invalidFilter for a filter the server cannot parse, and Entra's legacy reference check.
import {
  behaviour,
  verify,
  status,
  listResponse,
  resourcesOf,
  errorStatus,
  matchesSchema,
  expectThat,
  show,
  eqFilter,
  filterUsers,
  idsOf,
  patchUserOk,
  enterprisePath,
  URN,
  findsOnly,
} from '#harness';

behaviour(
  'F-07',
  'a filter with one match answers a ListResponse: totalResults = matches, Resources with the created user',
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const response = await client.get('/Users', { query: { filter: eqFilter('userName', user.name) } });
    verify(response, status(200), listResponse({ totalResults: 1 }));
    const body = response.json as Record<string, unknown>;
    expectThat(
      Array.isArray(body.Resources) && (body.Resources as unknown[]).length === 1,
      `Resources is ${show(body.Resources)}; with totalResults 1 it holds the match (capital R)`,
      { response },
    );
    const [hit] = resourcesOf(body);
    // userName may differ in case only (RFC 7643 §7: the server "MAY alter case"; judged by U-21, recommended).
    expectThat(
      hit!.id === user.id &&
        String(hit!.userName).toLowerCase() === user.name.toLowerCase() &&
        hit!.externalId === user.sent.externalId,
      `the listed resource ${show(hit)} does not match the created user (id ${user.id}, userName ${show(user.name)}, externalId ${show(user.sent.externalId)})`,
      { response },
    );
  },
);

behaviour(
  'F-07',
  'the ListResponse and the user it lists are valid against the RFC schemas, as the SCIM Validator asserts them',
  { level: 'validator' },
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const response = await client.get('/Users', { query: { filter: eqFilter('userName', user.name) } });
    verify(response, status(200), listResponse({ totalResults: 1 }), matchesSchema(URN.ListResponse, 'ListResponse'));
    const [hit] = resourcesOf(response.json);
    verify({ ...response, json: hit }, matchesSchema(URN.User, 'User'));
  },
);

behaviour(
  'F-07',
  'a filter with no match answers totalResults 0 with Resources empty or absent (both allowed)',
  { tags: ['read-only'] },
  async ({ client, names }) => {
    const response = await client.get('/Users', { query: { filter: eqFilter('userName', names.absent()) } });
    verify(response, status(200), listResponse({ totalResults: 0 }));
    const list = (response.json as { Resources?: unknown }).Resources;
    expectThat(
      list === undefined || (Array.isArray(list) && list.length === 0),
      `totalResults is 0 but Resources is ${show(list)}`,
      { response },
    );
  },
);

behaviour(
  'F-07',
  'a filtered ListResponse carries startIndex 1 and itemsPerPage equal to the number returned',
  { level: 'recommended' },
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const { response, resources: found } = await filterUsers(client, eqFilter('userName', user.name));
    const body = response.json as Record<string, unknown>;
    expectThat(body.startIndex === 1, `startIndex is ${show(body.startIndex)}; the first page starts at 1`, {
      response,
    });
    expectThat(
      body.itemsPerPage === found.length,
      `itemsPerPage is ${show(body.itemsPerPage)} for ${found.length} resources`,
      { response },
    );
  },
);

const MALFORMED = [
  ['a missing value', 'userName eq'],
  ['an unterminated string', 'userName eq "scimc-unterminated'],
  ['an unbalanced parenthesis', '(userName eq "x"'],
  ['an unknown operator', 'userName zz "x"'],
] as const;

for (const [label, filter] of MALFORMED) {
  behaviour(
    'F-09',
    `a filter with ${label} answers 400, never 500 or an empty 200`,
    { tags: ['read-only'] },
    async ({ client }) => {
      const response = await client.get('/Users', { query: { filter } });
      expectThat(
        response.status !== 200,
        `filter ${show(filter)} answered 200 (${show(response.json, 160)}); a filter that cannot be parsed must not be ignored — an ignored filter returns every user and Entra links to the wrong one`,
        { response },
      );
      expectThat(
        response.status < 500,
        `filter ${show(filter)} answered ${response.status}; Entra counts server errors toward quarantine`,
        { response },
      );
      // 400 is the answer; the scimType (invalidFilter) is OPTIONAL and judged with the error body, by D-09.
      verify(response, errorStatus(400));
    },
  );
}

behaviour(
  'F-10',
  'legacy reference check: filter id eq … and manager eq …&attributes=id finds the user whose manager matches',
  async ({ client, resources, profile, skip }) => {
    if (!profile.users.mappings.some((m) => /manager$/i.test(m.target)))
      skip(`profile ${profile.name} does not map manager`);
    const manager = await resources.sharedUser();
    const user = await resources.createUser();
    await patchUserOk(client, user.id, [{ op: 'Add', path: enterprisePath('manager'), value: manager.id }]);
    const filter = `id eq "${user.id}" and manager eq "${manager.id}"`;
    const { response, resources: found } = await filterUsers(client, filter, { after: { attributes: 'id' } });
    expectThat(
      findsOnly(found, user.id),
      `?filter=${filter}&attributes=id returned ${show(idsOf(found))}; expected ${user.id} (manager resolves to the enterprise extension's manager.value)`,
      { response },
    );
    const other = await filterUsers(client, `id eq "${user.id}" and manager eq "${user.id}"`, {
      after: { attributes: 'id' },
    });
    expectThat(
      other.total === 0,
      `the same check with a manager the user does not have returned ${show(idsOf(other.resources))}; expected none`,
      { response: other.response },
    );
  },
);
