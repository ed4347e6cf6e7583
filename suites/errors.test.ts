// Responses Entra must be able to parse, and protocol edges (catalog D-01, D-08, D-09, D-13, D-14, D-15, D-19, D-21):
// SCIM content type and error bodies everywhere, clean answers for routes and methods Entra never uses, throttling
// with Retry-After, and read-after-write consistency.
import {
  behaviour,
  verify,
  status,
  errorStatus,
  scimErrorBody,
  scimContentType,
  expectThat,
  fail,
  show,
  entraUserBody,
  patchBody,
  eqFilter,
  filterUsers,
  throttled,
  retryAfterProblem,
  runExchanges,
  type ScimResponse,
  type ScimClient,
  type Created,
} from '#harness';

/**
 * A 404, a 409 and a 400 as Entra can provoke them: unknown id, duplicate userName, and a malformed body. `user` is
 * the run's 'taken' user (member-pool.ts), whose name no test reads or filters.
 */
async function errorAnswers(
  client: ScimClient,
  user: Created,
  names: { externalId(): string; absent(): string },
): Promise<Array<[string, number, ScimResponse]>> {
  const notFound = await client.get(`/Users/${names.absent()}`);
  const conflict = await client.post('/Users', entraUserBody(String(user.sent.userName), names.externalId()));
  const invalid = await client.post('/Users', '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":');
  return [
    ['GET /Users/<unknown id>', 404, notFound],
    ['POST /Users with an existing userName', 409, conflict],
    ['POST /Users with a truncated JSON body', 400, invalid],
  ];
}

behaviour(
  'D-08',
  'successful responses say Content-Type: application/scim+json (list, read, create, PATCH with a body)',
  async ({ client, resources, names }) => {
    const list = await client.get('/Users', { query: { filter: eqFilter('userName', names.absent()) } });
    verify(list, status(200), scimContentType());
    const user = await resources.createUser();
    verify(user.response, scimContentType());
    verify(await client.get(`/Users/${user.id}`), status(200), scimContentType());
    const patched = await client.patch(
      `/Users/${user.id}`,
      patchBody([{ op: 'Replace', path: 'displayName', value: 'Content Type' }]),
    );
    verify(patched, status(200, 204), scimContentType());
  },
);

behaviour(
  'D-08',
  'error responses (404, 409, 400) say Content-Type: application/scim+json too',
  async ({ client, resources, names }) => {
    const user = await resources.sharedTakenUser();
    for (const [what, code, response] of await errorAnswers(client, user, names)) {
      if (response.status === 201) resources.track('User', String((response.json as { id?: unknown }).id), 'duplicate');
      const bad = scimContentType()(response);
      if (bad)
        verify(response, () => ({
          ...bad,
          message: `${what} (expected ${code}): ${bad.message}`,
          hint: 'Microsoft: "The header for all the responses should be of content-Type: application/scim+json" — errors included; the validator does not check error responses.',
        }));
    }
  },
);

behaviour(
  'D-09',
  'error answers carry a SCIM error body (Error URN, status equal to the HTTP status): 404 unknown id, 409 duplicate, 400 invalid body',
  async ({ client, resources, names }) => {
    // The body shape of errors is judged here only (catalog §0.1): `status` as a JSON number and no scimType are
    // tolerated (scimType is OPTIONAL, RFC 7644 §3.12); whether the status code is right is U-11's, U-08's, U-09's.
    const user = await resources.sharedTakenUser();
    for (const [what, , response] of await errorAnswers(client, user, names)) {
      if (response.status === 201) resources.track('User', String((response.json as { id?: unknown }).id), 'duplicate');
      if (response.status < 400) continue;
      const bad = scimErrorBody()(response);
      if (bad)
        verify(response, () => ({
          ...bad,
          message: `${what}: ${bad.message}`,
          hint: 'Entra copies the detail of a SCIM error body into its provisioning log; HTML, problem+json or framework JSON is logged as ServiceIncompatible instead of the real cause (M-17).',
        }));
    }
  },
);

// D-01: a doubled slash (`//Users`) is not tested: no capture shows Entra sending it, and RFC 3986 makes it a
// different path (catalog §0.1). What is tested: the resources live directly under the configured base.
behaviour(
  'D-01',
  'resources live directly under the Tenant URL: {base}/Users (and {base}/Groups) answer a query',
  { tags: ['read-only'] },
  async ({ client, names, profile }) => {
    // DEV: "Entra appends /Users, /Groups" to the Tenant URL as entered; a server that expects another prefix
    // (a /scim root, a version segment) fails Test Connection.
    const paths = profile.resources === 'users' ? ['/Users'] : ['/Users', '/Groups'];
    for (const path of paths) {
      const response = await client.get(path, {
        query: { filter: eqFilter(path === '/Users' ? 'userName' : 'displayName', names.absent()) },
      });
      const bad = status(200)(response);
      if (bad)
        verify(response, () => ({
          ...bad,
          message: `GET {Tenant URL}${path}?filter=…: ${bad.message}`,
          hint: 'Entra appends /Users and /Groups to the Tenant URL exactly as the admin entered it (catalog D-01); serve them directly under that base.',
        }));
    }
  },
);

/** A JSON object body, not an HTML page: Entra parses every answer as JSON (the Error URN is D-09's). */
function jsonBody(response: ScimResponse): ReturnType<typeof status> {
  return () =>
    response.json !== undefined && typeof response.json === 'object' && response.json !== null
      ? undefined
      : {
          message: `the ${response.status} has no JSON body (${response.headers['content-type'] ?? 'no content type'}: ${show(response.text.slice(0, 120))}); Entra parses every answer as SCIM JSON`,
          expected: 'a JSON error body',
          actual: show(response.text.slice(0, 200)),
        };
}

behaviour(
  'D-13',
  'an unknown route answers 404 with a JSON error, not an HTML page',
  { tags: ['read-only'] },
  async ({ client, target }) => {
    const response = await client.get(`/NoSuchResource${target.runId.replace(/[^a-z0-9]/gi, '')}`);
    verify(response, errorStatus(404), jsonBody(response));
  },
);

behaviour('D-13', 'a method a route does not support answers 405, 501 or 404 with a JSON error', async ({ client }) => {
  // RFC 7644 does not list 405; a 404 for a method a route does not offer is fine, Entra never sends one (§0.1).
  const response = await client.delete('/ServiceProviderConfig');
  verify(response, errorStatus(405, 501, 404), jsonBody(response));
});

behaviour(
  'D-13',
  'a body in an unsupported media type answers 415 (or 400), and creates nothing',
  async ({ client, resources, names }) => {
    const userName = names.userName('xml');
    const response = await client.post('/Users', `<User><userName>${userName}</userName></User>`, {
      headers: { 'Content-Type': 'application/xml' },
    });
    const id = (response.json as { id?: unknown } | undefined)?.id;
    if (response.status < 300 && typeof id === 'string') resources.track('User', id, userName);
    verify(response, errorStatus(415, 400));
  },
);

behaviour(
  'D-14',
  'a burst of 25 concurrent Entra probe queries (the gallery capacity target is 25 per second) is answered 200 or 429, never 503 or 400',
  { tags: ['read-only'] },
  async ({ client, names }) => {
    // The gallery capacity target is 25 requests per second per tenant; the client's concurrency limit still applies.
    const answers = await Promise.all(
      Array.from({ length: 25 }, () =>
        client.get('/Users', { query: { filter: eqFilter('userName', names.absent()) } }),
      ),
    );
    for (const response of answers) {
      const bad = status(200, 429)(response);
      if (bad)
        verify(response, () => ({
          ...bad,
          hint: 'Throttle with 429 and Retry-After; a 503 or 400 is counted as a failure, and enough failures quarantine the job (M-21).',
        }));
    }
    // Retry-After on each 429 is judged by the recommended test below (RFC 6585 §4: "MAY include"; catalog §0.1 D-14).
  },
);

behaviour(
  'D-14',
  'every 429 seen in this run carries Retry-After',
  { level: 'recommended', tags: ['read-only'] },
  async ({ task, skip }) => {
    // Every suite of the run is in one vitest file (src/runner/suites-entry.ts): walk all of its tests so far.
    const seen = throttled(runExchanges(task.file));
    if (seen.length === 0)
      skip(
        'the target answered no request of this run so far with 429, so its throttling answer could not be observed (a target cannot be made to throttle from outside)',
      );
    for (const exchange of seen) {
      const problem = retryAfterProblem(exchange);
      if (problem)
        fail(`${exchange.request.method} ${exchange.request.url} answered 429 ${problem}`, {
          expected: '429 with Retry-After: <seconds>',
          actual: show(exchange.response?.headers, 200),
          hint: 'Entra waits as long as Retry-After says; without it, it backs off on its own schedule (RFC 6585 §4: "MAY include").',
        });
    }
  },
);

behaviour(
  'D-15',
  'an Entra cycle (probe, match, create, read, update, delete) meets no 5xx and no timeout',
  async ({ client, resources, names }) => {
    const steps: ScimResponse[] = [];
    steps.push(await client.get('/Users', { query: { filter: eqFilter('userName', names.absent()) } }));
    const user = await resources.createUser();
    steps.push(user.response);
    steps.push(await client.get('/Users', { query: { filter: eqFilter('userName', user.name) } }));
    steps.push(await client.get(`/Users/${user.id}`));
    steps.push(await client.patch(`/Users/${user.id}`, patchBody([{ op: 'Replace', path: 'active', value: 'False' }])));
    steps.push(await client.delete(`/Users/${user.id}`));
    if (steps.at(-1)!.status === 204 || steps.at(-1)!.status === 200) resources.deleted('User', user.id);
    for (const response of steps)
      expectThat(
        response.status < 500,
        `answered ${response.status}: Entra logs InternalServerError and retries the object only in the next cycle (~40 minutes later)`,
        { response },
      );
  },
);

behaviour(
  'D-19',
  'read-after-write: a user created by POST is at once visible to GET, the filter and PATCH',
  async ({ client, resources }) => {
    const user = await resources.createUser();
    verify(await client.get(`/Users/${user.id}`), status(200));
    const { total, response } = await filterUsers(client, eqFilter('userName', user.name));
    expectThat(total === 1, `filter userName eq "${user.name}" right after the 201 found ${total} users; expected 1`, {
      response,
      hint: 'Entra PATCHes right after POST and matches in the next cycle; an eventually consistent store gives duplicate creates (409 loops).',
    });
    verify(
      await client.patch(
        `/Users/${user.id}`,
        patchBody([{ op: 'Replace', path: 'displayName', value: 'Right After' }]),
      ),
      status(200, 204),
    );
  },
);

behaviour(
  'D-19',
  'two concurrent POSTs of the same userName give one 201 and one 409, never two users',
  async ({ client, resources, names }) => {
    const userName = names.userName('race');
    const bodies = [entraUserBody(userName, names.externalId()), entraUserBody(userName, names.externalId())];
    const answers = await Promise.all(bodies.map((b) => client.post('/Users', b)));
    for (const response of answers) {
      const id = (response.json as { id?: unknown } | undefined)?.id;
      if (response.status < 300 && typeof id === 'string') resources.track('User', id, userName);
    }
    const codes = answers.map((r) => r.status).sort();
    const { total, response } = await filterUsers(client, eqFilter('userName', userName));
    expectThat(
      total === 1,
      `two concurrent POST /Users for "${userName}" answered ${show(codes)}; the filter now finds ${total} users`,
      {
        response,
        expected: '1 user',
        actual: `${total} users`,
        hint: 'Two users with one userName make every later Entra match fail with MultipleEntriesInResponse.',
      },
    );
    // The created one may answer 200 (Entra accepts it; U-06 judges the exact 201 on its own).
    expectThat(
      (codes[0] === 200 || codes[0] === 201) && codes[1] === 409,
      `two concurrent POST /Users for one userName answered ${show(codes)}; expected one 201 and one 409`,
      { response: answers.find((r) => r.status >= 300) ?? answers[0], expected: '[201, 409]', actual: show(codes) },
    );
  },
);

behaviour(
  'D-21',
  'PUT /Users/{id}, which Entra never sends, is either supported (200, applied) or refused cleanly (405/501/404)',
  async ({ client, resources }) => {
    const user = await resources.createUser();
    const body = { ...user.sent, id: user.id, displayName: 'Put Replaced' };
    delete (body as Record<string, unknown>).meta;
    const response = await client.put(`/Users/${user.id}`, body);
    if (response.status === 200) {
      const after = await client.get(`/Users/${user.id}`);
      verify(after, status(200));
      expectThat(
        (after.json as { displayName?: unknown }).displayName === 'Put Replaced',
        `PUT answered 200 but GET shows displayName ${show((after.json as { displayName?: unknown }).displayName)}`,
        { response: after },
      );
      return;
    }
    verify(response, errorStatus(405, 501, 404));
  },
);

behaviour(
  'D-21',
  'POST /Bulk, which Entra never sends, is either supported (200 BulkResponse) or refused cleanly (404/405/501)',
  async ({ client, names }) => {
    // The one operation deletes a user that does not exist: harmless whether or not the server supports /Bulk.
    const body = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [{ method: 'DELETE', path: `/Users/${names.absent()}`, bulkId: 'scimc-1' }],
    };
    const response = await client.post('/Bulk', body);
    if (response.status === 200) {
      const schemas = (response.json as { schemas?: unknown } | undefined)?.schemas;
      expectThat(
        Array.isArray(schemas) && schemas.includes('urn:ietf:params:scim:api:messages:2.0:BulkResponse'),
        `POST /Bulk answered 200 without a BulkResponse: ${show(response.text.slice(0, 160))}`,
        { response },
      );
      return;
    }
    verify(response, errorStatus(404, 405, 501));
  },
);
