/**
 * Helpers for the user, PATCH, filter and extension suites: the requests that almost every user test sends (GET by
 * id, PATCH, filter), each judged the way Entra reads the answer. Reading what a server stored and building create
 * bodies from mapping targets is Entra's vocabulary: src/entra/read.ts, src/entra/bodies.ts.
 */
import type { ScimClient, ScimResponse } from '../client/scim-client.js';
import type { Check } from '../checks/check.js';
import { bodyObject, show } from '../checks/check.js';
import { listResponse, resourcesOf } from '../checks/list-response.js';
import { decodeScimError } from '../model/server-error.js';
import { status } from '../checks/status.js';
import { readMember } from '../model/json.js';
import { patchBody } from '../entra/bodies.js';
import { verify } from './verify.js';

type Json = Record<string, unknown>;

/**
 * The answer Entra accepts to a user PATCH (P-14): 200 with the full resource, or 204 with no body. A 200 with an
 * empty body is neither (M-23); 201 is never right for PATCH.
 */
export function patchAnswer(): Check {
  return (response) => {
    if (response.status === 204) return undefined;
    if (response.status === 201)
      return {
        message: 'PATCH answered 201 Created; a PATCH modifies an existing resource and answers 200 with it or 204',
        expected: '200 with the resource, or 204',
        actual: '201',
      };
    if (response.status !== 200) {
      const snippet = response.text ? `: ${show(response.text.slice(0, 200))}` : ' (empty body)';
      return {
        message: `expected 200 with the resource or 204, got ${response.status}${snippet}`,
        expected: '200 or 204',
        actual: String(response.status),
      };
    }
    if (response.text.trim() === '')
      return {
        message: 'PATCH answered 200 with an empty body; answer 200 with the updated resource or 204 No Content',
        expected: '200 with the resource, or 204',
        actual: '200, empty body',
        hint: 'Entra tolerates it, but it is neither RFC 7644 answer and other clients fail to parse it (catalog M-23).',
      };
    const { body, failure } = bodyObject(response);
    if (failure) return failure;
    if (typeof body.id !== 'string' || body.id === '')
      return {
        message: `PATCH answered 200 but the body is not the resource (no id): ${show(body)}`,
        expected: 'the full updated resource with its id',
        actual: show(body),
      };
    return undefined;
  };
}

/**
 * GET /Users/{id} (no query string, as Entra reads before an update, U-10); fails unless 200 with a JSON object.
 * The content type is judged by the tests whose behaviour names it (U-10, D-08), not by every read.
 */
export async function getUserOk(client: ScimClient, id: string): Promise<{ response: ScimResponse; user: Json }> {
  const response = await client.get(`/Users/${id}`);
  verify(response, status(200));
  const { body, failure } = bodyObject(response);
  if (failure) verify(response, () => failure);
  return { response, user: body! };
}

/**
 * PATCH /Users/{id} with a PatchOp body; fails unless Entra takes the answer as success (200 or 204). The stricter
 * P-14 judgement (a 200 carries the resource) is patchAnswer(), used by the P-14 tests, so that one server fault
 * fails one behaviour.
 */
export async function patchUserOk(
  client: ScimClient,
  id: string,
  operations: Array<Record<string, unknown>>,
  options: { headers?: Record<string, string> } = {},
): Promise<ScimResponse> {
  const response = await client.patch(`/Users/${id}`, patchBody(operations), options);
  verify(response, status(200, 204));
  return response;
}

/**
 * GET /Users?filter=… form-encoded exactly like Entra (`+` for spaces, `%22` for quotes); extra parameters are
 * sent first when `before` is given. Fails unless 200 with a ListResponse (U-02, F-07).
 */
export async function filterUsers(
  client: ScimClient,
  filter: string,
  extra: { before?: Record<string, string>; after?: Record<string, string> } = {},
): Promise<{ response: ScimResponse; resources: Json[]; total: number }> {
  const response = await client.get('/Users', { query: { ...extra.before, filter, ...extra.after } });
  verify(response, status(200), listResponse());
  return { response, resources: resourcesOf(response.json), total: Number(readMember(response.json, 'totalResults')) }; // an integer: listResponse() passed
}

/**
 * After a batched PATCH was refused: sends each operation alone, to name the ones the server refuses
 * (`path → status body…`) in the failure message (P-17, value-filter paths).
 */
export async function refusedAlone(
  client: ScimClient,
  id: string,
  operations: ReadonlyArray<Record<string, unknown>>,
): Promise<string[]> {
  const refused: string[] = [];
  for (const operation of operations) {
    const response = await client.patch(`/Users/${id}`, patchBody([operation]));
    // The server's own error decoded ("400 invalidSyntax: unknown op"); a body that is no SCIM error is quoted, cut.
    if (status(200, 204)(response))
      refused.push(
        `${String(operation.path)} → ${decodeScimError(response.status, response.text) ?? `${response.status} ${show(response.text.slice(0, 120))}`}`,
      );
  }
  return refused;
}

/** The resources of a ListResponse are exactly the one resource `id`: what a match on a unique value must find. */
export function findsOnly(resources: Json[], id: string | undefined): boolean {
  return id !== undefined && resources.length === 1 && resources[0]?.id === id;
}

/** Ids of the resources of a ListResponse, for messages. */
export function idsOf(resources: Json[]): string[] {
  return resources.map((r) => String(r.id));
}
