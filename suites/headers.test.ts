// The headers Entra sends (catalog D-22): no Accept on its GETs, `application/scim+json; charset=utf-8` on its
// bodies. Every test of the run already sends Entra's header set (src/client/entra-headers.ts); these tests name the
// behaviour, so that a server that needs a JSON Accept fails here with the reason, and keep one explicit-Accept variant.
import {
  behaviour,
  verify,
  status,
  expectThat,
  fail,
  show,
  eqFilter,
  entraUserBody,
  patchBody,
  type ScimClient,
  type ScimResponse,
} from '#harness';

const NO_ACCEPT_HINT =
  'RFC 7644 §3.8: without an Accept header the response is application/scim+json. Entra sends none: a server that answers 406 (or HTML) unless the client asks for JSON fails Test Connection (MicrosoftDocs/azure-docs#94189) and every later request.';

/** 200 with a JSON body; the Content-Type of the answer is D-08's judgement, not this one's. */
function jsonAnswer(response: ScimResponse, what: string, hint: string): void {
  verify(response, (r) => {
    const bad = status(200)(r);
    return bad ? { ...bad, message: `${what}: ${bad.message}`, hint } : undefined;
  });
  expectThat(
    response.json !== undefined && typeof response.json === 'object',
    `${what}: answered 200 but ${response.jsonError ?? 'the body is not a JSON object'}`,
    { response, hint },
  );
}

function acceptOf(response: ScimResponse): string | undefined {
  return Object.entries(response.exchange.request.headers).find(([name]) => name.toLowerCase() === 'accept')?.[1];
}

/** A Test Connection probe, sent with the given headers. */
function probe(client: ScimClient, absent: string, headers: Record<string, string> = {}): Promise<ScimResponse> {
  return client.get('/Users', { query: { filter: eqFilter('userName', absent) }, headers });
}

const describeAnswer = (r: ScimResponse) =>
  `${r.status}${r.json !== undefined ? ' with JSON' : ` (${r.jsonError ?? 'not JSON'})`}`;

/**
 * The answer without Accept is judged against the same request with Accept: application/scim+json, so that D-22
 * fails only for what the header changes (a 406, HTML); whether the probe itself is right (200, empty list) is U-01's.
 */
behaviour(
  'D-22',
  "Test Connection's probe without an Accept header is answered like the same probe with Accept: application/scim+json (no 406, no HTML)",
  { tags: ['read-only'] },
  async ({ client, names }) => {
    const absent = names.absent();
    const bare = await probe(client, absent);
    if (acceptOf(bare) !== undefined)
      fail(`the probe was sent with Accept ${show(acceptOf(bare))}; this test needs Entra's header set (no Accept)`);
    const explicit = await probe(client, absent, { Accept: 'application/scim+json' });
    const worse =
      bare.status === 406 ||
      bare.status === 415 ||
      (bare.status !== explicit.status && explicit.status < 400) ||
      (bare.json === undefined && explicit.json !== undefined);
    expectThat(
      !worse,
      `GET /Users?filter=… without Accept (as Entra sends it) answered ${describeAnswer(bare)}; with Accept: application/scim+json it answered ${describeAnswer(explicit)}`,
      {
        response: bare,
        expected: describeAnswer(explicit),
        actual: describeAnswer(bare),
        hint: NO_ACCEPT_HINT,
      },
    );
  },
);

behaviour(
  'D-22',
  'bodies with Content-Type: application/scim+json; charset=utf-8 are accepted and applied (POST, PATCH), and a read without Accept answers JSON',
  async ({ client, resources, names }) => {
    const headers = { 'Content-Type': 'application/scim+json; charset=utf-8' };
    const userName = names.userName('charset');
    const created = await client.post('/Users', entraUserBody(userName, names.externalId()), { headers });
    const id = (created.json as { id?: unknown } | undefined)?.id;
    if (created.status < 300 && typeof id === 'string') resources.track('User', id, userName);
    const hint =
      'Entra sends every body as "application/scim+json; charset=utf-8" (MicrosoftDocs/azure-docs#12728); parse the media type without its parameters, and treat application/scim+json as JSON.';
    verify(created, (r) => {
      const bad = status(201, 200)(r);
      return bad
        ? { ...bad, message: `POST /Users with Content-Type ${headers['Content-Type']}: ${bad.message}`, hint }
        : undefined;
    });
    expectThat(
      typeof id === 'string',
      `POST /Users with Content-Type ${headers['Content-Type']} answered ${created.status} without an id`,
      { response: created, hint },
    );
    const patched = await client.patch(
      `/Users/${String(id)}`,
      patchBody([{ op: 'replace', path: 'displayName', value: 'Charset Accepted' }]),
      { headers },
    );
    verify(patched, (r) => {
      const bad = status(200, 204)(r);
      return bad
        ? { ...bad, message: `PATCH with Content-Type ${headers['Content-Type']}: ${bad.message}`, hint }
        : undefined;
    });
    const read = await client.get(`/Users/${String(id)}`);
    jsonAnswer(read, 'GET /Users/{id} sent without Accept', NO_ACCEPT_HINT);
    const displayName = (read.json as { displayName?: unknown }).displayName;
    expectThat(
      displayName === 'Charset Accepted',
      `after the PATCH sent with charset, GET shows displayName ${show(displayName)}; the body was not applied`,
      { response: read, hint },
    );
  },
);

behaviour(
  'D-22',
  'an explicit Accept: application/scim+json (which Entra never sends) is answered like the probe without one',
  { level: 'recommended', tags: ['read-only'] },
  async ({ client, names }) => {
    const absent = names.absent();
    const bare = await probe(client, absent);
    const explicit = await probe(client, absent, { Accept: 'application/scim+json' });
    const worse =
      explicit.status === 406 ||
      (explicit.status !== bare.status && bare.status < 400) ||
      (explicit.json === undefined && bare.json !== undefined);
    expectThat(
      !worse,
      `GET /Users?filter=… with Accept: application/scim+json answered ${describeAnswer(explicit)}; without Accept it answered ${describeAnswer(bare)}`,
      {
        response: explicit,
        hint: 'RFC 7644 §3.8: "Service providers MUST support the accept header Accept: application/scim+json". Entra does not send it, other SCIM clients do.',
      },
    );
  },
);
