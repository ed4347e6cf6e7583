/**
 * Helpers for the user, PATCH, filter and extension suites: reading what a server stored (attribute names are
 * case-insensitive, RFC 7643 §2.1), building create bodies from Entra mapping targets, and the requests that
 * almost every user test sends (GET by id, PATCH, filter), each judged the way Entra reads the answer.
 */
import type { ScimClient, ScimResponse } from '../client/scim-client.js';
import type { Check } from '../checks/check.js';
import { bodyObject, show } from '../checks/check.js';
import { listResponse, resourcesOf } from '../checks/list-response.js';
import { status } from '../checks/status.js';
import { readMember } from '../model/json.js';
import { URN } from '../scim/urns.js';
import { patchBody } from './entra-bodies.js';
import { verify } from './verify.js';

type Json = Record<string, unknown>;

/** `urn:…:enterprise:2.0:User:<attr>`, the path Entra uses for enterprise attributes. */
export function enterprisePath(attribute: string): string {
  return `${URN.EnterpriseUser}:${attribute}`;
}

/** The member of `object` named `name`, compared case-insensitively (RFC 7643 §2.1). */
export function memberCI(object: unknown, name: string): unknown {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return undefined;
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : (object as Json)[key];
}

/** One step of a mapping target: attribute, optional `[attr eq value]` filter, optional sub-attribute. */
export interface TargetPath {
  /** Extension URN when the path is URN-qualified, else undefined (core schema). */
  urn?: string;
  attribute: string;
  filter?: { attribute: string; value: string | boolean };
  sub?: string;
}

/**
 * Parses the SCIM paths Entra writes in mappings: `title`, `name.givenName`, `emails[type eq "work"].value`,
 * `roles[primary eq "True"].value`, `urn:…:enterprise:2.0:User:manager`, `urn:…:User:manager.value`.
 * The URN is the part before the last `:` that precedes the attribute (a URN contains dots, e.g. `2.0`).
 */
export function parseTargetPath(path: string): TargetPath {
  let rest = path;
  let urn: string | undefined;
  if (/^urn:/i.test(path)) {
    const bracket = path.indexOf('[');
    const head = bracket >= 0 ? path.slice(0, bracket) : path;
    const cut = head.lastIndexOf(':');
    urn = path.slice(0, cut);
    rest = path.slice(cut + 1);
  }
  const match = /^([A-Za-z_$][\w$-]*)(?:\[\s*([\w.]+)\s+eq\s+("(?:[^"\\]|\\.)*"|true|false)\s*\])?(?:\.([\w$-]+))?$/i.exec(rest);
  if (!match) throw new Error(`unsupported attribute path in a test: ${path}`);
  const [, attribute, filterAttr, filterValue, sub] = match;
  const parsed: TargetPath = { attribute: attribute!, ...(urn ? { urn } : {}), ...(sub ? { sub } : {}) };
  if (filterAttr) {
    const value = filterValue!.startsWith('"') ? (JSON.parse(filterValue!) as string) : filterValue!.toLowerCase() === 'true';
    parsed.filter = { attribute: filterAttr, value };
  }
  return parsed;
}

function sameFilterValue(actual: unknown, wanted: string | boolean): boolean {
  // Entra compares `primary eq "True"` (a string) with a boolean primary, and types case-insensitively (P-10).
  const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : typeof v === 'boolean' ? String(v) : v);
  return norm(actual) === norm(typeof wanted === 'boolean' ? String(wanted) : wanted);
}

/** The object that holds a path's attribute: the resource itself or its extension object. */
function container(resource: unknown, urn: string | undefined): unknown {
  return urn ? memberCI(resource, urn) : resource;
}

/** Elements of a multi-valued attribute whose filter attribute matches (e.g. every `type: "work"` email). */
export function matchingElements(resource: unknown, path: string | TargetPath): Json[] {
  const p = typeof path === 'string' ? parseTargetPath(path) : path;
  const list = memberCI(container(resource, p.urn), p.attribute);
  if (!Array.isArray(list)) return [];
  const elements = list.filter((e): e is Json => !!e && typeof e === 'object');
  return p.filter ? elements.filter((e) => sameFilterValue(memberCI(e, p.filter!.attribute), p.filter!.value)) : elements;
}

/**
 * What the server stored at a mapping target, read case-insensitively; undefined when absent. For a value-filter
 * path the first matching element is read (Entra's types are unique, U-26).
 */
export function storedValue(resource: unknown, path: string): unknown {
  const p = parseTargetPath(path);
  if (p.filter) {
    const [element] = matchingElements(resource, p);
    return element === undefined ? undefined : p.sub ? memberCI(element, p.sub) : element;
  }
  const value = memberCI(container(resource, p.urn), p.attribute);
  return p.sub ? memberCI(value, p.sub) : value;
}

/**
 * True when a userName read back is the one sent, up to case: userName is caseExact=false and RFC 7643 §7 lets the
 * server alter its case (catalog §0.1 U-12, U-21: the exact case is judged by recommended tests only).
 */
export function sameUserName(got: unknown, sent: string): boolean {
  return typeof got === 'string' && got.toLowerCase() === sent.toLowerCase();
}

/** True when a cleared attribute reads as cleared: absent, null, "" or an empty array (U-27, X-08). */
export function isCleared(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Adds `value` at a mapping target into a POST body, the way Entra shapes a create: `name.givenName` nests under
 * `name`, `emails[type eq "work"].value` becomes an element `{type: "work", value}`, URN paths nest under the URN.
 */
export function setInCreateBody(body: Json, path: string, value: unknown): Json {
  const p = parseTargetPath(path);
  let holder: Json = body;
  if (p.urn) {
    holder = (body[p.urn] as Json | undefined) ?? {};
    body[p.urn] = holder;
  }
  if (p.filter) {
    const list = Array.isArray(holder[p.attribute]) ? (holder[p.attribute] as Json[]) : [];
    holder[p.attribute] = list;
    let element = list.find((e) => sameFilterValue(e[p.filter!.attribute], p.filter!.value));
    if (!element) {
      element = { [p.filter.attribute]: p.filter.value };
      list.push(element);
    }
    element[p.sub ?? 'value'] = value;
  } else if (p.sub) {
    holder[p.attribute] = { ...(holder[p.attribute] ?? {}), [p.sub]: value };
  } else holder[p.attribute] = value;
  return body;
}

/**
 * The answer Entra accepts to a user PATCH (P-14): 200 with the full resource, or 204 with no body. A 200 with an
 * empty body is neither (M-23); 201 is never right for PATCH.
 */
export function patchAnswer(): Check {
  return (response) => {
    if (response.status === 204) return undefined;
    if (response.status === 201)
      return { message: 'PATCH answered 201 Created; a PATCH modifies an existing resource and answers 200 with it or 204', expected: '200 with the resource, or 204', actual: '201' };
    if (response.status !== 200) {
      const snippet = response.text ? `: ${show(response.text.slice(0, 200))}` : ' (empty body)';
      return { message: `expected 200 with the resource or 204, got ${response.status}${snippet}`, expected: '200 or 204', actual: String(response.status) };
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
      return { message: `PATCH answered 200 but the body is not the resource (no id): ${show(body)}`, expected: 'the full updated resource with its id', actual: show(body) };
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

/** Ids of the resources of a ListResponse, for messages. */
export function idsOf(resources: Json[]): string[] {
  return resources.map((r) => String(r.id));
}
