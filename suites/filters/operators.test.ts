// Filter operators, encodings and case rules (catalog F-01…F-04): Entra sends only `eq` and `and`, form-encoded
// (`+` for spaces, `%22` for quotes); the validator and the gallery suite encode differently; all must work.
import {
  behaviour,
  verify,
  status,
  listResponse,
  resourcesOf,
  expectThat,
  show,
  eqFilter,
  filterUsers,
  idsOf,
  findsOnly,
} from '#harness';
import type { ScimClient, ScimResponse } from '#harness';

/** Sends a raw query string and expects exactly one hit: the given user. */
async function expectOnly(client: ScimClient, rawQuery: string, id: string, why: string): Promise<ScimResponse> {
  const response = await client.get('/Users', { query: rawQuery });
  verify(response, status(200), listResponse());
  const found = resourcesOf(response.json);
  expectThat(
    findsOnly(found, id) && (response.json as { totalResults: number }).totalResults === 1,
    `?${rawQuery} returned ${show(idsOf(found))} (totalResults ${show((response.json as { totalResults?: unknown }).totalResults)}); expected exactly ${id}. ${why}`,
    {
      expected: `totalResults 1, id ${id}`,
      actual: show(response.json, 300),
      response,
    },
  );
  return response;
}

const q = (value: string) => encodeURIComponent(value);

behaviour(
  'F-01',
  'filter userName eq … and externalId eq … (both true) finds the user',
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const filter = `${eqFilter('userName', user.name)} and ${eqFilter('externalId', user.sent.externalId as string)}`;
    const { response, resources: found } = await filterUsers(client, filter);
    expectThat(findsOnly(found, user.id), `filter ${filter} returned ${show(idsOf(found))}; expected ${user.id}`, {
      response,
    });
  },
);

behaviour('F-01', 'filter … and … with one false condition finds nothing', async ({ client, resources, names }) => {
  const user = await resources.sharedReader();
  const filter = `${eqFilter('userName', user.name)} and ${eqFilter('externalId', names.absent())}`;
  const { response, total, resources: found } = await filterUsers(client, filter);
  expectThat(
    total === 0,
    `filter ${filter} returned ${show(idsOf(found))}; the second condition is false, so nothing matches — an "and" read as "or" (or ignored) links Entra to the wrong user`,
    { response },
  );
});

behaviour(
  'F-02',
  'spaces as "+" and quotes as %22 (Entra: ?filter=userName+eq+%22…%22) are decoded',
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    await expectOnly(
      client,
      `filter=userName+eq+%22${q(user.name)}%22`,
      user.id,
      'A server that takes "+" literally sees the attribute "userName+eq+…" and fails Test Connection and every match.',
    );
  },
);

behaviour(
  'F-02',
  'literal quotes with "@" as %40 (the validator: ?filter=userName+eq+"…%40…") are decoded',
  { level: 'validator' },
  async ({ client, resources }) => {
    // Note: the client's URL handling may percent-encode the literal quotes on the wire; the recorded exchange shows what was sent.
    const user = await resources.sharedReader();
    await expectOnly(
      client,
      `filter=userName+eq+"${q(user.name)}"`,
      user.id,
      'This is how the SCIM Validator encodes its filters.',
    );
  },
);

behaviour(
  'F-02',
  'spaces as %20 (the gallery suite: ?filter=userName%20eq%20%22…%22) are decoded',
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    await expectOnly(
      client,
      `filter=userName%20eq%20%22${q(user.name)}%22`,
      user.id,
      "This is how Microsoft's gallery validation Logic App queries users.",
    );
  },
);

behaviour(
  'F-02',
  'another parameter before filter (?excludedAttributes=…&filter=…) does not change the result',
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    await expectOnly(
      client,
      `excludedAttributes=emails&filter=userName+eq+%22${q(user.name)}%22`,
      user.id,
      'Parameters may come in any order (the validator puts excludedAttributes first).',
    );
    await expectOnly(
      client,
      `filter=userName+eq+%22${q(user.name)}%22&excludedAttributes=emails`,
      user.id,
      'Parameters may come in any order.',
    );
  },
);

behaviour(
  'F-02',
  'the un-encoded form of the docs (filter=userName eq "…", spaces as %20, quotes as %22, "@" literal) is decoded',
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    await expectOnly(client, `filter=userName%20eq%20%22${user.name}%22`, user.id, 'An "@" may also arrive unencoded.');
  },
);

behaviour(
  'F-03',
  'attribute names in another case (UserName eq …) match',
  { level: 'recommended' },
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const { response, resources: found } = await filterUsers(client, eqFilter('UserName', user.name));
    expectThat(
      findsOnly(found, user.id),
      `filter ${eqFilter('UserName', user.name)} returned ${show(idsOf(found))}; attribute names are case-insensitive (RFC 7644 §3.4.2.2, Microsoft's own Postman collection sends DisplayName)`,
      { response },
    );
  },
);

behaviour(
  'F-03',
  'operators in another case (userName EQ …, … AND …) match',
  { level: 'recommended' },
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const filter = `userName EQ "${user.name}" AND externalId Eq "${String(user.sent.externalId)}"`;
    const { response, resources: found } = await filterUsers(client, filter);
    expectThat(
      findsOnly(found, user.id),
      `filter ${filter} returned ${show(idsOf(found))}; operators are case-insensitive (RFC 7644 §3.4.2.2)`,
      { response },
    );
  },
);

behaviour(
  'F-04',
  'userName compares case-insensitively: a filter in other case finds the user',
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const other = user.name.replace(/[a-z]/g, (c) => c.toUpperCase());
    const { response, resources: found } = await filterUsers(client, eqFilter('userName', other));
    expectThat(
      findsOnly(found, user.id),
      `filter userName eq ${show(other)} returned ${show(idsOf(found))} for ${show(user.name)}; userName is caseExact=false — a miss makes Entra POST a duplicate and loop on 409`,
      { response },
    );
  },
);

behaviour(
  'F-04',
  'externalId compares exactly or case-insensitively (both allowed); the exact value always matches',
  async ({ client, resources }) => {
    // The run's 'mixed-case' reader (member-pool.ts): its externalId ends in "-MiXeD".
    const user = await resources.sharedReader('mixed-case');
    const externalId = String(user.sent.externalId);
    const exact = await filterUsers(client, eqFilter('externalId', externalId));
    expectThat(
      exact.resources.length === 1 && exact.resources[0]!.id === user.id,
      `filter externalId eq ${show(externalId)} returned ${show(idsOf(exact.resources))}; expected ${user.id}`,
      { response: exact.response },
    );
    const other = await filterUsers(client, eqFilter('externalId', externalId.toUpperCase()));
    const ids = idsOf(other.resources);
    expectThat(
      other.total === 0 || (other.total === 1 && ids[0] === user.id),
      `filter externalId eq ${show(externalId.toUpperCase())} returned ${show(ids)}; externalId is caseExact (0 hits) or tolerated case-insensitively (this user), nothing else`,
      { response: other.response },
    );
  },
);
