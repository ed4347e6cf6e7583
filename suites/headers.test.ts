// The headers Entra sends (catalog D-22): no Accept on its GETs, `application/scim+json; charset=utf-8` on its
// bodies. Every test of the run already sends Entra's header set (src/client/entra-headers.ts); these tests name the
// behaviour, so that a server that needs a JSON Accept fails here with the reason, and keep one explicit-Accept variant.
import { behaviour, verify, status, expectThat, fail, show, eqFilter, entraUserBody, patchBody, type ScimResponse } from '#harness';

const NO_ACCEPT_HINT =
  'RFC 7644 §3.8: without an Accept header the response is application/scim+json. Entra sends none: a server that answers 406 (or HTML) unless the client asks for JSON fails Test Connection (MicrosoftDocs/azure-docs#94189) and every later request.';

/** 200 with a JSON body; the Content-Type of the answer is D-08's judgement, not this one's. */
function jsonAnswer(response: ScimResponse, what: string, hint: string): void {
  verify(response, (r) => {
    const bad = status(200)(r);
    return bad ? { ...bad, message: `${what}: ${bad.message}`, hint } : undefined;
  });
  expectThat(response.json !== undefined && typeof response.json === 'object', `${what}: answered 200 but ${response.jsonError ?? 'the body is not a JSON object'}`, { response, hint });
}

function acceptOf(response: ScimResponse): string | undefined {
  return Object.entries(response.exchange.request.headers).find(([name]) => name.toLowerCase() === 'accept')?.[1];
}

behaviour('D-22', "Test Connection's probe without an Accept header (GET /Users?filter=userName eq \"<random>\") answers 200 JSON", { tags: ['read-only'] }, async ({ client, names }) => {
  const response = await client.get('/Users', { query: { filter: eqFilter('userName', names.absent()) } });
  if (acceptOf(response) !== undefined) fail(`the probe was sent with Accept ${show(acceptOf(response))}; this test needs Entra's header set (no Accept)`);
  jsonAnswer(response, 'GET /Users?filter=… sent without Accept, as Entra sends it', NO_ACCEPT_HINT);
});

behaviour('D-22', 'bodies with Content-Type: application/scim+json; charset=utf-8 are accepted and applied (POST, PATCH), and a read without Accept answers JSON', async ({ client, resources, names }) => {
  const headers = { 'Content-Type': 'application/scim+json; charset=utf-8' };
  const userName = names.userName('charset');
  const created = await client.post('/Users', entraUserBody(userName, names.externalId()), { headers });
  const id = (created.json as { id?: unknown } | undefined)?.id;
  if (created.status < 300 && typeof id === 'string') resources.track('User', id, userName);
  const hint = 'Entra sends every body as "application/scim+json; charset=utf-8" (MicrosoftDocs/azure-docs#12728); parse the media type without its parameters, and treat application/scim+json as JSON.';
  verify(created, (r) => {
    const bad = status(201, 200)(r);
    return bad ? { ...bad, message: `POST /Users with Content-Type ${headers['Content-Type']}: ${bad.message}`, hint } : undefined;
  });
  expectThat(typeof id === 'string', `POST /Users with Content-Type ${headers['Content-Type']} answered ${created.status} without an id`, { response: created, hint });
  const patched = await client.patch(`/Users/${String(id)}`, patchBody([{ op: 'Replace', path: 'displayName', value: 'Charset Accepted' }]), { headers });
  verify(patched, (r) => {
    const bad = status(200, 204)(r);
    return bad ? { ...bad, message: `PATCH with Content-Type ${headers['Content-Type']}: ${bad.message}`, hint } : undefined;
  });
  const read = await client.get(`/Users/${String(id)}`);
  jsonAnswer(read, 'GET /Users/{id} sent without Accept', NO_ACCEPT_HINT);
  const displayName = (read.json as { displayName?: unknown }).displayName;
  expectThat(displayName === 'Charset Accepted', `after the PATCH sent with charset, GET shows displayName ${show(displayName)}; the body was not applied`, { response: read, hint });
});

behaviour('D-22', 'an explicit Accept: application/scim+json (which Entra never sends) is honoured too', { level: 'recommended', tags: ['read-only'] }, async ({ client, names }) => {
  const response = await client.get('/Users', { query: { filter: eqFilter('userName', names.absent()) }, headers: { Accept: 'application/scim+json' } });
  jsonAnswer(response, 'GET /Users?filter=… with Accept: application/scim+json', 'RFC 7644 §3.8: "Service providers MUST support the accept header Accept: application/scim+json". Entra does not send it, other SCIM clients do.');
});
