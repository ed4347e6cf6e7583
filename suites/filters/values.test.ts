// Filter values (catalog F-05, F-06, F-08): unusual characters escaped per RFC 7644, exact matching only, and the
// multi-valued sub-attribute filter used when the work email is a matching attribute.
import {
  behaviour,
  verify,
  status,
  listResponse,
  resourcesOf,
  expectThat,
  show,
  eqFilter,
  entraUserBody,
  filterUsers,
  idsOf,
  runMarker,
  sameUserName,
  findsOnly,
} from '#harness';
import type { BehaviourContext, Created } from '#harness';

/** POSTs a user with this exact userName; a 400 means the app refuses such names, which is its choice (skip). */
async function createNamed(ctx: BehaviourContext, userName: string): Promise<string> {
  const response = await ctx.client.post('/Users', entraUserBody(userName, ctx.names.externalId()));
  const id = (response.json as { id?: unknown } | undefined)?.id;
  if (typeof id === 'string') ctx.resources.track('User', id, userName);
  if (response.status === 400)
    ctx.skip(
      `the endpoint refuses to create userName ${JSON.stringify(userName)} (400), so filtering on it cannot be exercised`,
    );
  verify(response, status(201, 200));
  return id as string;
}

const SPECIAL: Array<[string, (marker: string) => string]> = [
  ['an escaped double quote', (m) => `${m}-q"uote@conformance.example.com`],
  ['a backslash', (m) => `${m}-back\\slash@conformance.example.com`],
  ['unicode letters', (m) => `${m}-ünïcødé-日本@conformance.example.com`],
  ['spaces', (m) => `${m} with  spaces@conformance.example.com`],
  ['"+" (sent as %2B)', (m) => `${m}-first.last+tag@conformance.example.com`],
  ['an apostrophe', (m) => `${m}-o'neil@conformance.example.com`],
];

for (const [label, make] of SPECIAL) {
  behaviour('F-05', `filter userName eq a value containing ${label} finds exactly that user`, async (ctx) => {
    const userName = make(`${runMarker(ctx.names.runId)}-${ctx.names.token()}`);
    const id = await createNamed(ctx, userName);
    const filter = eqFilter('userName', userName);
    const response = await ctx.client.get('/Users', { query: { filter } });
    expectThat(
      response.status < 500,
      `filter ${filter} answered ${response.status}; a value with ${label} must never crash the filter parser`,
      { response },
    );
    verify(response, status(200), listResponse());
    const found = resourcesOf(response.json);
    expectThat(
      findsOnly(found, id) && sameUserName(found[0]!.userName, userName),
      `filter ${filter} (RFC 7644 escaping: \\" and \\\\) returned ${show(found.map((r) => r.userName))}; expected exactly ${show(userName)}`,
      {
        expected: `totalResults 1, userName ${JSON.stringify(userName)}`,
        actual: show(response.json, 300),
        response,
      },
    );
  });
}

behaviour(
  'F-06',
  'a filter matches exactly: users whose name contains or extends the value are not returned',
  async ({ client, resources, names }) => {
    const base = names.userName('exact');
    const target = await resources.createUser({ userName: base });
    const longer = await resources.createUser({ userName: `${base}.extra` });
    // Still starts with the run marker (so that cleanup can always find it) and ends with the whole base name.
    const wrappedName = `${runMarker(names.runId)}-pre-${base}`;
    const wrapped = await resources.createUser({ userName: wrappedName });
    const { response, resources: found } = await filterUsers(client, eqFilter('userName', base));
    const ids = idsOf(found);
    expectThat(
      ids.length === 1 && ids[0] === target.id,
      `filter userName eq ${show(base)} returned ${show(found.map((r) => r.userName))}; expected only that user, not ${show(`${base}.extra`)} (${longer.id}) or ${show(wrappedName)} (${wrapped.id}). Several hits stop Entra with DuplicateTargetEntries; one wrong hit makes it overwrite another account`,
      {
        expected: `[${target.id}]`,
        actual: show(ids),
        response,
      },
    );
  },
);

behaviour(
  'F-06',
  'a filter on a prefix of an existing userName finds nothing (eq is not sw/co)',
  async ({ client, resources }) => {
    // Only reads: the run's read-only user is the existing userName.
    const user = await resources.sharedReader();
    const prefix = user.name.slice(0, user.name.indexOf('@'));
    const { response, total, resources: found } = await filterUsers(client, eqFilter('userName', prefix));
    expectThat(
      total === 0,
      `filter userName eq ${show(prefix)} returned ${show(found.map((r) => r.userName))}; ${show(user.name)} only starts with that value`,
      { response },
    );
  },
);

// The F-08 tests read the run's 'two-emails' reader (member-pool.ts): a work and an "other" address, both unlike
// its userName, never changed.
const workMail = (user: Created) => String((user.sent.emails as Array<{ value: string }>)[0]!.value);
const otherMail = (user: Created) => String((user.sent.emails as Array<{ value: string }>)[1]!.value);

behaviour(
  'F-08',
  'filter emails[type eq "work"].value eq … finds the user by work email',
  async ({ client, resources }) => {
    const user = await resources.sharedReader('two-emails');
    const filter = `emails[type eq "work"].value eq "${workMail(user)}"`;
    const { response, resources: found } = await filterUsers(client, filter);
    expectThat(
      findsOnly(found, user.id),
      `filter ${filter} returned ${show(idsOf(found))}; expected ${user.id}. Apps matching on work email get a duplicate per cycle`,
      { response },
    );
  },
);

behaviour(
  'F-08',
  'the same filter with brackets percent-encoded (%5B, %5D) finds the user',
  async ({ client, resources }) => {
    const user = await resources.sharedReader('two-emails');
    const raw = `filter=emails%5Btype+eq+%22work%22%5D.value+eq+%22${encodeURIComponent(workMail(user))}%22`;
    const response = await client.get('/Users', { query: raw });
    verify(response, status(200), listResponse());
    const found = resourcesOf(response.json);
    expectThat(findsOnly(found, user.id), `?${raw} returned ${show(idsOf(found))}; expected ${user.id}`, { response });
  },
);

behaviour(
  'F-08',
  'emails[type eq "work"].value eq <the other-typed address> finds nothing (the type condition is honoured)',
  async ({ client, resources }) => {
    const user = await resources.sharedReader('two-emails');
    const filter = `emails[type eq "work"].value eq "${otherMail(user)}"`;
    const { response, total, resources: found } = await filterUsers(client, filter);
    expectThat(
      total === 0,
      `filter ${filter} returned ${show(idsOf(found))}; that address is the user's "other" email, not the work one`,
      { response },
    );
  },
);
