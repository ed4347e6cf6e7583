// Reading users (catalog U-10…U-12, U-22): Entra reads the current state by id before it computes an update, and
// compares it with its own values; anything the endpoint reformats is re-sent on every cycle.
import {
  behaviour,
  verify,
  status,
  resourceWithId,
  resourceMeta,
  errorStatus,
  matchesSchema,
  expectThat,
  show,
  eqFilter,
  getUserOk,
  patchUserOk,
  storedValue,
  filterUsers,
  memberCI,
  URN,
  sameUserName,
  withExamples,
} from '#harness';

behaviour('U-10', 'GET /Users/{id} answers 200 with the same user the POST returned', async ({ client, resources }) => {
  // The run's read-only user: created with Entra's body like any test user, never changed (member-pool.ts).
  const user = await resources.sharedReader();
  const response = await client.get(`/Users/${user.id}`);
  verify(response, status(200), resourceWithId());
  const body = response.json as Record<string, unknown>;
  expectThat(body.id === user.id, `GET /Users/${user.id} returned id ${show(body.id)}`, { response });
  for (const name of ['userName', 'externalId'] as const)
    expectThat(
      body[name] === user.resource[name],
      `GET shows ${name} ${show(body[name])}; the POST response had ${show(user.resource[name])}. Entra compares the two representations`,
      { response },
    );
});

behaviour(
  'U-10',
  'users carry meta: resourceType, created ≤ lastModified, location (absolute or relative), the same on POST and GET',
  { level: 'recommended' },
  async ({ client, resources }) => {
    // The one test that judges meta (catalog §0.1): Entra never reads it. RFC 7643 §2.3.7 allows a relative location,
    // and Microsoft's own sample answers resourceType "Users"; both pass.
    // The run's read-only user (never changed). Its GET is judged first: the POST that created it may be another
    // test's request, so a meta missing everywhere is shown on this test's own exchange.
    const user = await resources.sharedReader();
    const response = await client.get(`/Users/${user.id}`);
    verify(response, status(200), resourceMeta('User'));
    verify(user.response, resourceMeta('User'));
    const created = ((response.json as Record<string, unknown>).meta as Record<string, unknown>).created;
    const posted = (user.resource.meta as Record<string, unknown>).created;
    expectThat(
      created === posted,
      `meta.created differs between POST (${show(posted)}) and GET (${show(created)}); RFC 7643 §3.1: the time the resource was added`,
      { response },
    );
  },
);

behaviour(
  'U-10',
  "the user read by id is valid against RFC 7643's User schema (schemas lists the core URN, attributes typed as defined)",
  { level: 'recommended' },
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const response = await client.get(`/Users/${user.id}`);
    verify(response, status(200), matchesSchema(URN.User, 'User'));
  },
);

behaviour('U-11', 'GET /Users/{unknown id} answers 404', { tags: ['read-only'] }, async ({ client, names }) => {
  const response = await client.get(`/Users/${names.absent()}`);
  verify(response, errorStatus(404));
});

behaviour(
  'U-12',
  'every attribute sent on create reads back exactly as sent (no reformatting, no lower-casing, no trimming)',
  async ({ client, resources, names }) => {
    const userName = names.userName('RoundTrip');
    const sent = {
      userName,
      displayName: '  Ada  Lovelace (Analytical) ',
      title: 'Head of Engines',
      emails: [{ primary: true, type: 'work', value: userName.replace('RoundTrip', 'Ada.LOVELACE') }],
      phoneNumbers: [
        { type: 'work', value: '55555555555' },
        { type: 'mobile', value: '+44 (20) 7946-0958' },
      ],
      addresses: [{ type: 'work', streetAddress: "12 St. James's Square", postalCode: 'SW1Y 4JH' }],
      name: { formatted: 'Ada Lovelace', familyName: 'Lovelace', givenName: 'Ada' },
      [URN.EnterpriseUser]: { department: 'R&D / Engines', employeeNumber: '007' },
    };
    const user = await resources.createUser(sent);
    const { response, user: stored } = await getUserOk(client, user.id);
    const paths: Array<[string, unknown]> = [
      ['userName', sent.userName],
      ['displayName', sent.displayName],
      ['title', sent.title],
      ['emails[type eq "work"].value', sent.emails[0]!.value],
      ['phoneNumbers[type eq "work"].value', '55555555555'],
      ['phoneNumbers[type eq "mobile"].value', '+44 (20) 7946-0958'],
      ['addresses[type eq "work"].streetAddress', sent.addresses[0]!.streetAddress],
      ['addresses[type eq "work"].postalCode', 'SW1Y 4JH'],
      ['name.givenName', 'Ada'],
      ['name.familyName', 'Lovelace'],
      [`${URN.EnterpriseUser}:department`, 'R&D / Engines'],
      [`${URN.EnterpriseUser}:employeeNumber`, '007'],
    ];
    // userName and emails.value are caseExact=false: RFC 7643 §7 lets the server alter their case, so a case-only
    // change is judged by the recommended test below, not here (catalog §0.1 U-12, U-21).
    const caseFree = new Set(['userName', 'emails[type eq "work"].value']);
    const same = (path: string, got: unknown, sent: unknown) =>
      got === sent ||
      (caseFree.has(path) &&
        typeof got === 'string' &&
        typeof sent === 'string' &&
        got.toLowerCase() === sent.toLowerCase());
    const wrong = paths
      .filter(([path, value]) => !same(path, storedValue(stored, path), value))
      .map(([path, value]) => `${path}: sent ${show(value)}, got ${show(storedValue(stored, path))}`);
    expectThat(
      wrong.length === 0,
      `values did not round-trip: ${wrong.join('; ')}. Entra sees a difference on every evaluation and re-sends a PATCH every cycle`,
      {
        expected: 'every value exactly as sent',
        actual: wrong.join('\n'),
        response,
        hint: 'Store and return what Entra sent; reject invalid values with a 400 instead of transforming them.',
      },
    );
  },
);

behaviour(
  'U-12',
  'userName and e-mail addresses read back in the case they were sent',
  { level: 'recommended' },
  async ({ client, resources }) => {
    // Recommended (catalog §0.1): RFC 7643 §7 lets a server "alter case" of caseExact=false attributes; Entra then sees
    // a difference and re-sends the value every cycle, which costs requests but breaks nothing.
    // The run's 'mixed-case' reader (member-pool.ts): capitals in the name and the domain of its userName and e-mail.
    const user = await resources.sharedReader('mixed-case');
    const userName = user.name;
    const email = storedValue(user.sent, 'emails[type eq "work"].value');
    const { response, user: stored } = await getUserOk(client, user.id);
    const got = {
      userName: storedValue(stored, 'userName'),
      email: storedValue(stored, 'emails[type eq "work"].value'),
    };
    expectThat(
      got.userName === userName && got.email === email,
      `sent userName ${show(userName)} and e-mail ${show(email)}, GET shows ${show(got.userName)} and ${show(got.email)}; Entra compares exactly and re-sends a changed case every cycle`,
      { response },
    );
  },
);

behaviour(
  'U-12',
  'a value set by PATCH reads back exactly (phone 55555555555 is not reformatted)',
  { tags: ['default-dialect'] },
  async (ctx) => {
    const { client, resources, names } = ctx;
    // The number the user starts with is example data; the one the PATCH writes is Microsoft's and the point.
    const before = { phoneNumbers: [{ type: 'work', value: names.phone() }] };
    const user = await withExamples(ctx, { what: 'phone number', attributes: before }, () =>
      resources.createUser(before),
    );
    await patchUserOk(client, user.id, [
      { op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: '55555555555' },
      { op: 'Replace', path: 'title', value: 'Vice President, EMEA ' },
    ]);
    const { response, user: stored } = await getUserOk(client, user.id);
    const phone = storedValue(stored, 'phoneNumbers[type eq "work"].value');
    const title = storedValue(stored, 'title');
    expectThat(
      phone === '55555555555' && title === 'Vice President, EMEA ',
      `after PATCH phone "55555555555" and title "Vice President, EMEA ", GET shows ${show(phone)} and ${show(title)}; Entra re-patches values that do not read back as sent`,
      { response },
    );
  },
);

behaviour(
  'U-22',
  'GET /Users/{id}?attributes=userName returns id, schemas and userName but not the other attributes',
  { level: 'recommended' },
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const response = await client.get(`/Users/${user.id}`, { query: { attributes: 'userName' } });
    verify(response, status(200));
    const body = response.json as Record<string, unknown>;
    expectThat(
      body.id === user.id && Array.isArray(body.schemas),
      `with attributes=userName the resource lost id or schemas (${show(body)}); RFC 7644 §3.9: id and schemas are always returned`,
      { response },
    );
    expectThat(
      sameUserName(body.userName, user.name),
      `with attributes=userName, userName came back as ${show(body.userName)}`,
      { response },
    );
    const extra = ['emails', 'name', 'displayName', 'externalId'].filter((k) => memberCI(body, k) !== undefined);
    expectThat(
      extra.length === 0,
      `attributes=userName still returned ${extra.join(', ')}; attributes limits the response (RFC 7644 §3.9)`,
      { expected: 'id, schemas, userName (and meta)', actual: Object.keys(body).join(', '), response },
    );
  },
);

behaviour(
  'U-22',
  'GET /Users/{id}?excludedAttributes=emails drops emails and keeps id, schemas, userName',
  { level: 'recommended' },
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const response = await client.get(`/Users/${user.id}`, { query: { excludedAttributes: 'emails' } });
    verify(response, status(200));
    const body = response.json as Record<string, unknown>;
    expectThat(
      memberCI(body, 'emails') === undefined,
      `excludedAttributes=emails still returned emails ${show(memberCI(body, 'emails'))}`,
      { response },
    );
    expectThat(
      body.id === user.id && Array.isArray(body.schemas) && sameUserName(body.userName, user.name),
      `excludedAttributes=emails also dropped id, schemas or userName: ${show(body)}`,
      { response },
    );
  },
);

behaviour(
  'U-22',
  "filter with attributes=userName,emails (Microsoft's Postman form) keeps id and schemas on each resource",
  { level: 'recommended' },
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const { response, resources: found } = await filterUsers(client, eqFilter('userName', user.name), {
      after: { attributes: 'userName,emails' },
    });
    const hit = found[0];
    expectThat(
      hit?.id === user.id && Array.isArray(hit?.schemas),
      `attributes=userName,emails returned ${show(hit)}; each resource keeps id and schemas`,
      { response },
    );
    expectThat(
      memberCI(hit, 'name') === undefined && memberCI(hit, 'externalId') === undefined,
      `attributes=userName,emails still returned name/externalId: ${show(hit)}`,
      { response },
    );
  },
);

behaviour(
  'U-22',
  'an unknown query parameter does not cause a 400 (on GET by id and on a filter)',
  { level: 'recommended' },
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const byId = await client.get(`/Users/${user.id}`, { query: { scimcUnknown: '1' } });
    verify(byId, status(200));
    const list = await client.get('/Users', { query: { filter: eqFilter('userName', user.name), scimcUnknown: '1' } });
    verify(list, status(200));
  },
);
