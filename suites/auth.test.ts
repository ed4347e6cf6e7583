// Transport security and bearer authentication (catalog D-02, D-03, D-04, D-07): Entra sends `Authorization: Bearer <Secret Token>` on every
// request; anything else must be refused with 401 — never answered with data, an HTML login page or a redirect.
import {
  createdId,
  behaviour,
  verify,
  status,
  errorStatus,
  expectThat,
  fail,
  show,
  entraUserBody,
  patchBody,
  filterUsers,
  probeTls,
  type ScimResponse,
} from '#harness';

/** 401 and nothing else: not 200 (data leaked), not 3xx (login redirect), not an HTML page. */
function expect401(response: ScimResponse, sent: string): void {
  if (response.status === 401) return;
  const location = response.headers.location;
  const html = /text\/html/i.test(response.headers['content-type'] ?? '');
  fail(
    `${sent}: expected 401, got ${response.status}${location ? ` redirecting to ${location}` : ''}${html ? ' with an HTML page' : ''}`,
    {
      response,
      expected: '401 Unauthorized (a SCIM error body, WWW-Authenticate: Bearer)',
      actual: `${response.status} ${show(response.text.slice(0, 160))}`,
      hint:
        response.status === 403
          ? '403 is for a valid token that lacks rights; a missing or wrong token is 401 (RFC 6750 §3.1).'
          : "Entra's Test Connection must see 401 to report invalid credentials; during sync a credential failure quarantines the job.",
    },
  );
}

const probe = (absent: string) => ({ filter: `userName eq "${absent}"` });

behaviour(
  'D-03',
  'the configured token authorises the whole Entra cycle: probe, POST, GET, PATCH, DELETE',
  async ({ client, resources, names }) => {
    verify(await client.get('/Users', { query: probe(names.absent()) }), status(200));
    const user = await resources.createUser();
    verify(await client.get(`/Users/${user.id}`), status(200));
    verify(
      await client.patch(`/Users/${user.id}`, patchBody([{ op: 'Replace', path: 'displayName', value: 'Ada L.' }])),
      status(200, 204),
    );
    const deleted = await client.delete(`/Users/${user.id}`);
    verify(deleted, status(204, 200));
    resources.deleted('User', user.id);
  },
);

behaviour(
  'D-04',
  'a request without Authorization is refused with 401',
  { tags: ['read-only'] },
  async ({ client, names }) => {
    expect401(
      await client.get('/Users', { query: probe(names.absent()), auth: 'none' }),
      'GET /Users without an Authorization header',
    );
  },
);

behaviour('D-04', 'a wrong bearer token is refused with 401', { tags: ['read-only'] }, async ({ client, names }) => {
  const wrong = `wrong-${names.guid()}`;
  expect401(
    await client.get('/Users', { query: probe(names.absent()), auth: { header: `Bearer ${wrong}` } }),
    'GET /Users with a wrong bearer token',
  );
});

behaviour(
  'D-04',
  'malformed schemes are refused: Basic credentials with 401, an empty Bearer with 401 or 400',
  { tags: ['read-only'] },
  async ({ client, names }) => {
    const basic = Buffer.from(`scimc:${names.guid()}`).toString('base64');
    expect401(
      await client.get('/Users', { query: probe(names.absent()), auth: { header: `Basic ${basic}` } }),
      'GET /Users with Authorization: Basic …',
    );
    // RFC 6750 §3.1: a malformed request (a Bearer scheme with no token) may be answered 400 invalid_request (§0.1 D-04).
    const empty = await client.get('/Users', { query: probe(names.absent()), auth: { header: 'Bearer' } });
    if (empty.status !== 400) expect401(empty, 'GET /Users with Authorization: Bearer (no token)');
  },
);

behaviour(
  'D-04',
  'the right token without the "Bearer" scheme is refused with 401',
  { level: 'recommended', tags: ['read-only'] },
  async ({ client, names, target }) => {
    const response = await client.get('/Users', { query: probe(names.absent()), auth: { header: target.token } });
    if (response.status === 401) return;
    fail(
      `GET /Users with Authorization: <token> (no scheme) answered ${response.status}; RFC 6750 §2.1 credentials are "Bearer <token>"`,
      {
        response,
        expected: '401',
        actual: String(response.status),
        hint: 'Entra always adds "Bearer " itself; accepting a bare token is lax, and servers that compare the whole header tend to break the other way (M-20).',
      },
    );
  },
);

behaviour(
  'D-04',
  'the scheme name is case-insensitive: "bearer <token>" is accepted',
  { level: 'recommended', tags: ['read-only'] },
  async ({ client, names, target }) => {
    const response = await client.get('/Users', {
      query: probe(names.absent()),
      auth: { header: `bearer ${target.token}` },
    });
    const bad = status(200)(response);
    if (bad)
      verify(response, () => ({
        ...bad,
        message: `GET /Users with Authorization: bearer <the right token>: ${bad.message}`,
        hint: 'Authentication scheme names are case-insensitive (RFC 9110 §11.1, RFC 6750 §2.1). Entra sends "Bearer", other clients may not.',
      }));
  },
);

behaviour(
  'D-04',
  'writes without a valid token are refused with 401 and change nothing (POST, PATCH, DELETE)',
  async ({ client, resources, names }) => {
    const userName = names.userName('unauthorised');
    const posted = await client.post('/Users', entraUserBody(userName, names.externalId()), { auth: 'none' });
    const leaked = (posted.json as { id?: unknown } | undefined)?.id;
    if (posted.status < 300 && typeof leaked === 'string') resources.track('User', leaked, userName);
    expect401(posted, 'POST /Users without Authorization');
    const { total, response: found } = await filterUsers(client, `userName eq "${userName}"`);
    expectThat(
      total === 0,
      `POST /Users without a token answered ${posted.status}, yet the user "${userName}" exists afterwards`,
      { response: found },
    );

    const user = await resources.createUser();
    const wrong = { header: `Bearer wrong-${names.guid()}` };
    expect401(
      await client.patch(`/Users/${user.id}`, patchBody([{ op: 'Replace', path: 'active', value: 'False' }]), {
        auth: wrong,
      }),
      'PATCH /Users/{id} with a wrong token',
    );
    expect401(await client.delete(`/Users/${user.id}`, { auth: wrong }), 'DELETE /Users/{id} with a wrong token');
    const after = await client.get(`/Users/${user.id}`);
    verify(after, status(200));
    expectThat(
      (after.json as { active?: unknown }).active === true,
      `a PATCH with a wrong token changed the user: active is ${show((after.json as { active?: unknown }).active)}`,
      { response: after },
    );
  },
);

behaviour(
  'D-04',
  'the 401 carries WWW-Authenticate: Bearer',
  { level: 'recommended', tags: ['read-only'] },
  async ({ client }) => {
    // The body of the 401 is judged with every other error body, by D-09.
    const response = await client.get('/Users', { auth: 'none' });
    verify(response, errorStatus(401));
    const challenge = response.headers['www-authenticate'];
    expectThat(
      challenge !== undefined && /^\s*bearer\b/i.test(challenge),
      `the 401 has WWW-Authenticate ${show(challenge)}; RFC 6750 §3 asks for a Bearer challenge`,
      {
        response,
        expected: 'WWW-Authenticate: Bearer (optionally realm="…", error="invalid_token")',
        actual: challenge ?? '(none)',
      },
    );
  },
);

for (const contentType of [
  'application/scim+json; charset=utf-8',
  'application/json',
  'application/json; charset=utf-8',
]) {
  behaviour(
    'D-07',
    `POST and PATCH with Content-Type: ${contentType} are accepted`,
    { level: 'recommended' },
    async ({ client, resources, names }) => {
      const userName = names.userName('ctype');
      const posted = await client.post('/Users', entraUserBody(userName, names.externalId()), {
        headers: { 'Content-Type': contentType },
      });
      resources.trackCreated('User', posted, userName);
      const bad = status(201, 200)(posted);
      if (bad)
        verify(posted, () => ({
          ...bad,
          message: `POST /Users with Content-Type: ${contentType}: ${bad.message}`,
          hint: 'Accept application/scim+json and application/json, with or without charset (the validator sends "; charset=utf-8"); a 415 here fails every create (M-18).',
        }));
      const userId = createdId(posted, `POST /Users with Content-Type: ${contentType}`);
      const patched = await client.patch(
        `/Users/${userId}`,
        patchBody([{ op: 'Replace', path: 'displayName', value: 'Content Type' }]),
        { headers: { 'Content-Type': contentType } },
      );
      verify(patched, status(200, 204));
      const after = await client.get(`/Users/${userId}`);
      verify(after, status(200));
      const displayName = (after.json as { displayName?: unknown } | undefined)?.displayName;
      expectThat(
        displayName === 'Content Type',
        `PATCH with Content-Type: ${contentType} answered ${patched.status} but displayName is ${show(displayName)}${after.jsonError ? ` (${after.jsonError})` : ''}`,
        { response: after },
      );
    },
  );
}

behaviour(
  'D-02',
  'the endpoint is HTTPS with TLS 1.2, a publicly trusted certificate chain and a key of at least 2048 (RSA) / 256 (EC) bits',
  { tags: ['read-only'] },
  async ({ target, skip }) => {
    if (!target.baseUrl.startsWith('https:'))
      skip(
        `the target ${target.baseUrl} is plain HTTP (e.g. the bundled reference server); Entra connects only over HTTPS, so test the deployed endpoint`,
      );
    // Verified against public roots only, never --ca: Entra trusts only widely trusted public roots.
    const tls = await probeTls(target.baseUrl, { timeoutMs: target.timeoutMs });
    const hint =
      'Entra accepts TLS 1.2 only, RSA keys ≥ 2048 bits or ECC ≥ 256 bits, and a chain ending at a widely trusted public root (D-02); otherwise Test Connection fails before any SCIM request.';
    if (tls.error)
      fail(`${target.baseUrl}: ${tls.error}`, { expected: 'a TLS 1.2 handshake', actual: tls.error, hint });
    expectThat(
      tls.authorized,
      `the certificate chain of ${target.baseUrl} does not verify against the public root store (${tls.authorizationError})${target.ca || target.insecure ? '; --ca/--insecure let this tool connect, but Entra will not' : ''}`,
      { expected: 'a chain to a public root', actual: String(tls.authorizationError), hint },
    );
    const minimum = tls.keyType === 'EC' ? 256 : 2048;
    expectThat(
      tls.keyBits === undefined || tls.keyType === 'other' || tls.keyBits >= minimum,
      `the ${tls.keyType} certificate key has ${tls.keyBits} bits; expected at least ${minimum}`,
      { expected: `≥ ${minimum} bits`, actual: String(tls.keyBits), hint },
    );
  },
);
