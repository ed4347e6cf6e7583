// What a query answers (catalog F-07, F-09, F-10): always a ListResponse shaped as the SCIM Validator asserts it,
// a clean 400 invalidFilter for a filter the server cannot parse, and Entra's legacy reference check.
import {
  behaviour, verify, status, listResponse, resourcesOf, scimError, matchesSchema, expectThat, show, eqFilter,
  filterUsers, idsOf, patchUserOk, enterprisePath, URN,
} from '#harness';

behaviour('F-07', 'a filter with one match answers a ListResponse as the validator asserts it: URN, totalResults = matches, Resources with the created user', async ({ client, resources }) => {
  const user = await resources.createUser();
  const response = await client.get('/Users', { query: { filter: eqFilter('userName', user.name) } });
  verify(response, status(200), listResponse({ totalResults: 1 }), matchesSchema(URN.ListResponse, 'ListResponse'));
  const body = response.json as Record<string, unknown>;
  expectThat(Array.isArray(body.Resources) && (body.Resources as unknown[]).length === 1, `Resources is ${show(body.Resources)}; with totalResults 1 it holds the match (capital R)`, { response });
  const [hit] = resourcesOf(body);
  verify({ ...response, json: hit }, matchesSchema(URN.User, 'User'));
  expectThat(hit!.id === user.id && hit!.userName === user.name && hit!.externalId === user.sent.externalId, `the listed resource ${show(hit)} does not match the created user (id ${user.id}, userName ${show(user.name)}, externalId ${show(user.sent.externalId)})`, { response });
  const meta = hit!.meta as Record<string, unknown> | undefined;
  expectThat(Array.isArray(hit!.schemas) && (hit!.schemas as unknown[]).includes(URN.User) && meta?.resourceType === 'User', `the listed resource lacks its own schemas or meta.resourceType: ${show({ schemas: hit!.schemas, meta })}`, { response });
});

behaviour('F-07', 'a filter with no match answers totalResults 0 with Resources empty or absent (both allowed)', { tags: ['read-only'] }, async ({ client, names }) => {
  const response = await client.get('/Users', { query: { filter: eqFilter('userName', names.absent()) } });
  verify(response, status(200), listResponse({ totalResults: 0 }), matchesSchema(URN.ListResponse, 'ListResponse'));
  const list = (response.json as { Resources?: unknown }).Resources;
  expectThat(list === undefined || (Array.isArray(list) && list.length === 0), `totalResults is 0 but Resources is ${show(list)}`, { response });
});

behaviour('F-07', 'a filtered ListResponse carries startIndex 1 and itemsPerPage equal to the number returned', { level: 'recommended' }, async ({ client, resources }) => {
  const user = await resources.createUser();
  const { response, resources: found } = await filterUsers(client, eqFilter('userName', user.name));
  const body = response.json as Record<string, unknown>;
  expectThat(body.startIndex === 1, `startIndex is ${show(body.startIndex)}; the first page starts at 1`, { response });
  expectThat(body.itemsPerPage === found.length, `itemsPerPage is ${show(body.itemsPerPage)} for ${found.length} resources`, { response });
});

const MALFORMED = [
  ['a missing value', 'userName eq'],
  ['an unterminated string', 'userName eq "scimc-unterminated'],
  ['an unbalanced parenthesis', '(userName eq "x"'],
  ['an unknown operator', 'userName zz "x"'],
] as const;

for (const [label, filter] of MALFORMED) {
  behaviour('F-09', `a filter with ${label} answers 400 invalidFilter, never 500 or an empty 200`, { tags: ['read-only'] }, async ({ client }) => {
    const response = await client.get('/Users', { query: { filter } });
    expectThat(response.status !== 200, `filter ${show(filter)} answered 200 (${show(response.json, 160)}); a filter that cannot be parsed must not be ignored — an ignored filter returns every user and Entra links to the wrong one`, { response });
    expectThat(response.status < 500, `filter ${show(filter)} answered ${response.status}; Entra counts server errors toward quarantine`, { response });
    verify(response, scimError(400, 'invalidFilter'));
  });
}

behaviour('F-10', 'legacy reference check: filter id eq … and manager eq …&attributes=id finds the user whose manager matches', async ({ client, resources, profile, skip }) => {
  if (!profile.users.mappings.some((m) => /manager$/i.test(m.target))) skip(`profile ${profile.name} does not map manager`);
  const manager = await resources.createUser();
  const user = await resources.createUser();
  await patchUserOk(client, user.id, [{ op: 'Add', path: enterprisePath('manager'), value: manager.id }]);
  const filter = `id eq "${user.id}" and manager eq "${manager.id}"`;
  const { response, resources: found } = await filterUsers(client, filter, { after: { attributes: 'id' } });
  expectThat(found.length === 1 && found[0]!.id === user.id, `?filter=${filter}&attributes=id returned ${show(idsOf(found))}; expected ${user.id} (manager resolves to the enterprise extension's manager.value)`, { response });
  const other = await filterUsers(client, `id eq "${user.id}" and manager eq "${user.id}"`, { after: { attributes: 'id' } });
  expectThat(other.total === 0, `the same check with a manager the user does not have returned ${show(idsOf(other.resources))}; expected none`, { response: other.response });
});
