// Create (catalog U-06…U-09): Entra POSTs when its match found nothing, caches the returned id for every later
// call, and retries a failed create every cycle.
import {
  behaviour,
  verify,
  status,
  resourceWithId,
  errorStatus,
  scimTypeIs,
  expectThat,
  show,
  entraUserBody,
  getUserOk,
  storedValue,
  isCleared,
  URN,
} from '#harness';

behaviour(
  'U-06',
  "POST /Users with Entra's create body answers with the stored user: its id, and userName as sent",
  async ({ resources, names }) => {
    // Entra needs the id (it caches it for every later call) and nothing else from the answer; meta, schemas and
    // the content type are judged once, in their own tests (catalog §0.1).
    const userName = names.userName();
    const created = await resources.createUser({ userName });
    verify(created.response, status(201, 200), resourceWithId());
    const body = created.resource;
    // RFC 7643 §7: the server "MAY alter case" of a caseExact=false attribute; the exact case is U-12's (recommended).
    expectThat(
      typeof body.userName === 'string' && body.userName.toLowerCase() === userName.toLowerCase(),
      `POST answered userName ${show(body.userName)}; sent ${show(userName)}`,
      { expected: userName, actual: show(body.userName), response: created.response },
    );
  },
);

behaviour(
  'U-06',
  'POST /Users answers exactly 201 Created (the SCIM Validator fails 200 and cascades)',
  { level: 'validator' },
  async ({ resources }) => {
    const created = await resources.createUser();
    verify(created.response, status(201));
  },
);

behaviour(
  'U-06',
  'the 201 carries a Location header: the URI of the new user, equal to meta.location when given',
  { level: 'recommended' },
  async ({ resources }) => {
    const created = await resources.createUser();
    const location = created.response.headers['location'];
    expectThat(
      location !== undefined,
      `POST answered without a Location header; RFC 7644 §3.3 asks for it on 201 (Entra reads the id from the body, other clients read the header)`,
      { expected: `…/Users/${created.id}`, actual: 'no Location header', response: created.response },
    );
    // Both may be relative references (RFC 7643 §2.3.7): compare them resolved against the request URL.
    const requestUrl = created.response.exchange.request.url;
    const resolve = (uri: unknown) =>
      typeof uri === 'string' ? new URL(uri, requestUrl).href.replace(/\/+$/, '') : undefined;
    expectThat(
      resolve(location)!.endsWith(`/Users/${encodeURIComponent(created.id)}`) ||
        resolve(location)!.endsWith(`/Users/${created.id}`),
      `Location is ${show(location)}; RFC 7644 §3.3: the URI of the created resource, ending in /Users/${created.id}`,
      { response: created.response },
    );
    const metaLocation = (created.resource.meta as Record<string, unknown> | undefined)?.location;
    if (metaLocation !== undefined)
      expectThat(
        resolve(location) === resolve(metaLocation),
        `Location is ${show(location)} but meta.location is ${show(metaLocation)}; RFC 7644 §3.3 wants them to name the same URI`,
        { expected: show(metaLocation), actual: show(location), response: created.response },
      );
  },
);

behaviour(
  'U-06',
  "POST with core, enterprise and the profile's custom extension object (its URN not in schemas) answers 201 and stores all three",
  async ({ client, resources, names, profile, skip }) => {
    const extension = profile.extensions.find(
      (e) =>
        e.resource === 'User' &&
        e.attributes.some((a) => a.type === 'string' && !a.multiValued && a.returned !== 'never'),
    );
    if (!extension)
      return skip(`profile ${profile.name} declares no custom User extension with a returnable string attribute`);
    const attribute = extension.attributes.find(
      (a) => a.type === 'string' && !a.multiValued && a.returned !== 'never',
    )!;
    const customValue = `cx-${names.externalId()}`;
    const created = await resources.createUser({
      // Entra lists only core and enterprise in schemas; the custom URN object is present but not listed (ATTR).
      [URN.EnterpriseUser]: { department: 'Tour Operations', employeeNumber: '701984' },
      [extension.urn]: { [attribute.name]: customValue },
    });
    verify(created.response, status(201, 200), resourceWithId());
    const { response, user } = await getUserOk(client, created.id);
    const stored = storedValue(user, `${extension.urn}:${attribute.name}`);
    expectThat(
      stored === customValue,
      `after a create with "${extension.urn}": {"${attribute.name}": ${show(customValue)}}, GET shows ${show(stored)}; a custom attribute Entra sends but the app drops is re-sent every cycle`,
      { expected: show(customValue), actual: show(stored), response },
    );
    expectThat(
      storedValue(user, `${URN.EnterpriseUser}:department`) === 'Tour Operations',
      `the enterprise department sent with the create reads back as ${show(storedValue(user, `${URN.EnterpriseUser}:department`))}`,
      { response },
    );
  },
);

behaviour(
  'U-07',
  "POST with null attributes, null enterprise keys and the legacy typo'd URN answers 201 and treats null as not supplied",
  async ({ client, resources, names }) => {
    const userName = names.userName('legacy');
    const body = {
      ...entraUserBody(userName, names.externalId()),
      schemas: [URN.User, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User'],
      addresses: null,
      phoneNumbers: null,
      title: null,
      preferredLanguage: null,
      department: null,
      manager: null,
    };
    const response = await client.post('/Users', body);
    const id = resources.trackCreated('User', response, userName);
    verify(response, status(201, 200), resourceWithId());
    const { response: after, user } = await getUserOk(client, id as string);
    for (const name of ['title', 'preferredLanguage', 'addresses', 'phoneNumbers'])
      expectThat(
        isCleared(storedValue(user, name)) && storedValue(user, name) !== '',
        `"${name}": null was sent on create but GET shows ${show(storedValue(user, name))}; null means "not supplied"`,
        { response: after },
      );
  },
);

// The U-08 tests point at the run's 'taken' user (member-pool.ts): no test reads or filters it, so a duplicate a
// faulty server creates (tracked here and deleted when the test ends) disturbs no other test.
behaviour('U-08', 'POST with a userName that already exists answers 409', async ({ client, resources, names }) => {
  const first = await resources.sharedTakenUser();
  const duplicate = await client.post('/Users', entraUserBody(first.name, names.externalId()));
  const id = (duplicate.json as { id?: unknown } | undefined)?.id;
  if (duplicate.status < 300 && typeof id === 'string') resources.track('User', id, first.name);
  const bad = errorStatus(409)(duplicate);
  if (bad)
    verify(duplicate, () => ({
      ...bad,
      hint: 'Entra reads 409 as "already exists" and matches the existing user; any other answer fails the create every cycle (catalog U-08, RFC 7644 §3.3).',
    }));
});

behaviour(
  'U-08',
  'the 409 for a duplicate userName names scimType "uniqueness"',
  { level: 'recommended' },
  async ({ client, resources, names }) => {
    const first = await resources.sharedTakenUser();
    const duplicate = await client.post('/Users', entraUserBody(first.name, names.externalId()));
    const id = (duplicate.json as { id?: unknown } | undefined)?.id;
    if (duplicate.status < 300 && typeof id === 'string') resources.track('User', id, first.name);
    verify(duplicate, errorStatus(409), scimTypeIs('uniqueness'));
  },
);

behaviour(
  'U-08',
  'POST with a userName differing only in case from an existing one answers 409 (userName is caseExact=false)',
  { level: 'recommended' },
  async ({ client, resources, names }) => {
    // Recommended (catalog §0.1): Entra matches case-insensitively before it POSTs, so it never sends this create.
    const first = await resources.sharedTakenUser();
    const upper = first.name.toUpperCase();
    const duplicate = await client.post('/Users', entraUserBody(upper, names.externalId()));
    const id = (duplicate.json as { id?: unknown } | undefined)?.id;
    if (duplicate.status < 300 && typeof id === 'string') resources.track('User', id, upper);
    expectThat(
      duplicate.status !== 201 && duplicate.status !== 200,
      `POST with userName ${show(upper)} created a second user next to ${show(first.name)}; two accounts for one person, and a case-insensitive match then finds two`,
      {
        expected: '409',
        actual: `${duplicate.status}`,
        response: duplicate,
      },
    );
    verify(duplicate, errorStatus(409));
  },
);

behaviour('U-09', 'POST without userName answers 400, never 500 or 201', async ({ client, resources, names }) => {
  const body = entraUserBody('x', names.externalId());
  delete body.userName;
  const response = await client.post('/Users', body);
  const id = (response.json as { id?: unknown } | undefined)?.id;
  if (response.status < 300 && typeof id === 'string') resources.track('User', id);
  verify(response, errorStatus(400));
});

behaviour(
  'U-09',
  'the 400 for a missing userName has an actionable detail',
  { level: 'recommended' },
  async ({ client, resources, names }) => {
    const body = entraUserBody('x', names.externalId());
    delete body.userName;
    const response = await client.post('/Users', body);
    const id = (response.json as { id?: unknown } | undefined)?.id;
    if (response.status < 300 && typeof id === 'string') resources.track('User', id);
    verify(response, errorStatus(400));
    const detail = (response.json as { detail?: unknown }).detail;
    expectThat(
      typeof detail === 'string' && /username/i.test(detail),
      `the 400 detail is ${show(detail)}; it should name the missing attribute (userName) — Entra copies it into the provisioning log, where an admin has to act on it`,
      { expected: 'a detail naming userName', actual: show(detail), response },
    );
  },
);

behaviour('U-09', 'POST with malformed JSON answers 400, never 500', async ({ client, names }) => {
  const broken = `{"schemas":["${URN.User}"],"userName":"${names.userName('junk')}","active":tru`;
  const response = await client.post('/Users', broken);
  verify(response, errorStatus(400));
});
