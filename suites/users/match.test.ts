// Matching before create (catalog U-01…U-05, U-21): before every create Entra queries the target with one `eq`
// filter per matching attribute and links to the single hit, or POSTs when there is none.
import {
  behaviour,
  verify,
  status,
  listResponse,
  expectThat,
  show,
  eqFilter,
  filterUsers,
  idsOf,
  setInCreateBody,
  collectedProfile,
  storedValue,
  type BehaviourContext,
  findsOnly,
} from '#harness';

// U-04 is required only when the profile matches on externalId; otherwise Entra never filters on it (catalog §0.1).
const externalIdMatching = collectedProfile().users.mappings.some((m) => m.target === 'externalId' && m.matching);
const u04 = externalIdMatching ? {} : { level: 'recommended' as const };

behaviour(
  'U-01',
  'Test Connection: filter on the matching attribute with a random GUID answers an empty ListResponse',
  { tags: ['read-only'] },
  async ({ client, names, profile }) => {
    const matching = profile.users.mappings
      .filter((m) => m.matching)
      .sort((a, b) => (a.matchingPrecedence ?? 99) - (b.matchingPrecedence ?? 99));
    const attribute = matching[0]?.target ?? 'userName';
    const guid = names.guid();
    // On the wire: ?filter=userName+eq+%22cf4d78e8-…%22 (catalog U-01).
    const response = await client.get('/Users', { query: { filter: eqFilter(attribute, guid) } });
    expectThat(
      response.status !== 404,
      `Test Connection's probe for a user that does not exist answered 404; Entra reports the connection as failed and, during sync, 404 on a query is a quarantine cause`,
      {
        expected: '200 with {"schemas":["…ListResponse"],"totalResults":0,"Resources":[]}',
        actual: `404 ${response.text.slice(0, 200)}`,
        response,
      },
    );
    verify(response, status(200), listResponse({ totalResults: 0 }));
    const resources = (response.json as { Resources?: unknown }).Resources;
    expectThat(
      resources === undefined || (Array.isArray(resources) && resources.length === 0),
      `totalResults is 0 but Resources is ${show(resources)}`,
      { response },
    );
  },
);

behaviour(
  'U-02',
  'match-before-create: filter userName eq an unknown name answers 200 with totalResults 0, not 404',
  { tags: ['read-only'] },
  async ({ client, names }) => {
    const userName = `Test_User_${names.absent()}@testuser.com`;
    const response = await client.get('/Users', { query: { filter: eqFilter('userName', userName) } });
    expectThat(
      response.status === 200,
      `a filter that matches nothing answered ${response.status}; Entra expects 200 with an empty ListResponse and otherwise fails the user (escrow) before it can create it`,
      {
        expected: '200, totalResults 0',
        actual: `${response.status} ${response.text.slice(0, 200)}`,
        response,
      },
    );
    verify(response, listResponse({ totalResults: 0 }));
  },
);

behaviour(
  'U-03',
  'match-before-create: filter userName eq an existing name answers exactly that user, with its id and userName',
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const { response, resources: found } = await filterUsers(client, eqFilter('userName', user.name));
    verify(response, listResponse({ totalResults: 1 }));
    expectThat(
      found.length === 1,
      `totalResults is 1 but Resources holds ${found.length} entries; Entra links to Resources[0]`,
      { response },
    );
    const hit = found[0]!;
    expectThat(
      hit.id === user.id,
      `the match has id ${show(hit.id)}; the created user has ${show(user.id)}; Entra would update the wrong account`,
      { expected: user.id, actual: show(hit.id), response },
    );
    // Case only may differ (RFC 7643 §7: the server "MAY alter case"; U-21 judges the casing, recommended).
    expectThat(
      String(hit.userName).toLowerCase() === user.name.toLowerCase(),
      `the match has userName ${show(hit.userName)}; expected ${show(user.name)}`,
      { response },
    );
  },
);

behaviour(
  'U-04',
  'match on externalId: filter externalId eq the sent value finds the user (quoted, as Entra sends it since 2018)',
  u04,
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const externalId = user.sent.externalId as string;
    const { response, resources: found } = await filterUsers(client, eqFilter('externalId', externalId));
    verify(response, listResponse({ totalResults: 1 }));
    expectThat(
      found[0]?.id === user.id,
      `filter externalId eq ${show(externalId)} returned ${show(idsOf(found))}; expected ${show(user.id)}. Apps matching on externalId would get a duplicate user on every cycle`,
      { response },
    );
  },
);

behaviour(
  'U-04',
  'match on externalId holding an objectId GUID (admins remap externalId to objectId)',
  u04,
  async ({ client, resources, names }) => {
    const guid = names.guid();
    const user = await resources.createUser({ externalId: guid });
    const { response, resources: found } = await filterUsers(client, eqFilter('externalId', guid));
    verify(response, listResponse({ totalResults: 1 }));
    expectThat(
      found[0]?.id === user.id,
      `filter externalId eq "${guid}" returned ${show(idsOf(found))}; expected ${show(user.id)}`,
      { response },
    );
    const none = await filterUsers(client, eqFilter('externalId', names.guid()));
    verify(none.response, listResponse({ totalResults: 0 }));
  },
);

/** The matching attributes for which the 'two-emails' reader holds a value no other user has. */
const READER_HOLDS = /^(userName|externalId|emails\[type eq "work"\]\.value)$/i;

/** A user with a value of its own for each of `mapped` (e-mail-like targets get an address unlike the userName). */
async function createMatchable(
  resources: BehaviourContext['resources'],
  names: BehaviourContext['names'],
  mapped: Array<{ target: string }>,
) {
  const extra: Record<string, unknown> = { userName: names.userName('match') };
  for (const m of mapped)
    if (m.target !== 'userName')
      setInCreateBody(extra, m.target, /email|mail/i.test(m.target) ? names.userName('m') : names.externalId());
  return resources.createUser(extra);
}

behaviour(
  'U-05',
  'every matching/filterable attribute of the profile answers its own eq filter, one attribute at a time',
  async ({ client, resources, names, profile, skip }) => {
    const mapped = profile.users.mappings.filter(
      (m) => (m.matching || m.filterable) && m.type !== 'reference' && m.type !== 'boolean',
    );
    if (mapped.length === 0) skip(`profile ${profile.name} declares no matching or filterable user attribute`);
    // Only reads: when every attribute is one the run's 'two-emails' reader holds a value of its own for (member-pool.ts:
    // userName, externalId, and a work e-mail unlike its userName), the reader is the user; otherwise the test creates one.
    const user = mapped.every((m) => READER_HOLDS.test(m.target))
      ? await resources.sharedReader('two-emails')
      : await createMatchable(resources, names, mapped);
    const values = new Map(mapped.map((m) => [m.target, String(storedValue(user.sent, m.target))]));
    for (const [target, value] of values) {
      // Entra never combines matching attributes: one eq filter per request (catalog U-05).
      const { response, resources: found } = await filterUsers(client, eqFilter(target, value));
      expectThat(
        found.length === 1 &&
          found[0]!.id === user.id &&
          response.json &&
          (response.json as { totalResults: number }).totalResults === 1,
        `matching attribute ${target}: filter ${eqFilter(target, value)} returned totalResults ${show((response.json as { totalResults?: unknown }).totalResults)} and ids ${show(idsOf(found))}; expected exactly ${show(user.id)}. With ${target} as a matching attribute Entra would create a duplicate (0 hits) or stop with DuplicateTargetEntries (several)`,
        {
          expected: `totalResults 1, id ${user.id}`,
          actual: show(response.json),
          response,
        },
      );
      const absent = await filterUsers(client, eqFilter(target, `${names.absent()}@absent.example.com`));
      verify(absent.response, listResponse({ totalResults: 0 }));
    }
  },
);

// The U-21 tests read the run's 'mixed-case' reader (member-pool.ts): a user created with capitals in the name and
// the domain, never changed.
behaviour('U-21', 'filter userName eq the name in UPPER case finds the user', async ({ client, resources }) => {
  const user = await resources.sharedReader('mixed-case');
  const userName = user.name;
  const { response, resources: found } = await filterUsers(client, eqFilter('userName', userName.toUpperCase()));
  expectThat(
    findsOnly(found, user.id),
    `filter userName eq ${show(userName.toUpperCase())} returned ${show(idsOf(found))} for a user stored as ${show(userName)}; userName is caseExact=false, and a case-sensitive match makes Entra POST a duplicate and loop on 409`,
    {
      expected: `totalResults 1, id ${user.id}`,
      actual: show(response.json),
      response,
    },
  );
});

behaviour(
  'U-21',
  'a case-insensitive match returns userName in the casing it was created with',
  { level: 'recommended' },
  async ({ client, resources }) => {
    // Recommended (catalog §0.1): RFC 7643 §7 lets the server "alter case" of a caseExact=false attribute; Entra then
    // sees a difference and re-sends userName, which costs a PATCH per cycle but breaks nothing.
    const user = await resources.sharedReader('mixed-case');
    const userName = user.name;
    const { response, resources: found } = await filterUsers(client, eqFilter('userName', userName.toUpperCase()));
    expectThat(
      found[0]?.id === user.id,
      `filter userName eq ${show(userName.toUpperCase())} returned ${show(idsOf(found))}`,
      { response },
    );
    expectThat(
      found[0].userName === userName,
      `the match returned userName ${show(found[0].userName)}; the casing it was created with, ${show(userName)}, avoids a re-sent PATCH every cycle`,
      { response },
    );
  },
);

behaviour(
  'U-21',
  'filter userName eq the name in lower case finds a user created with capitals',
  async ({ client, resources }) => {
    const user = await resources.sharedReader('mixed-case');
    const userName = user.name;
    const { response, resources: found } = await filterUsers(client, eqFilter('userName', userName.toLowerCase()));
    expectThat(
      findsOnly(found, user.id),
      `filter userName eq ${show(userName.toLowerCase())} returned ${show(idsOf(found))} for a user stored as ${show(userName)}; UPN casing changes in Entra would create duplicates`,
      {
        expected: `totalResults 1, id ${user.id}`,
        actual: show(response.json),
        response,
      },
    );
  },
);
