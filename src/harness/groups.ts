/**
 * Group helpers for the group suites (catalog §5): Entra-shaped membership PATCH bodies in both dialects, the
 * users-only skip, Entra's group match query, and the membership read-back that every membership test ends with
 * (GET /Groups/{id} with members, validated against the Group JSON Schema, compared as a set).
 */
import { inject } from 'vitest';
import type { ScimClient, ScimResponse } from '../client/scim-client.js';
import type { Check } from '../checks/check.js';
import { bodyObject, show } from '../checks/check.js';
import { listResponse, resourcesOf } from '../checks/list-response.js';
import { matchesSchema } from '../checks/schema.js';
import { status } from '../checks/status.js';
import type { Profile } from '../profiles/profile-schema.js';
import { URN } from '../scim/urns.js';
import { eqFilter, op, patchBody, type Dialect } from './entra-bodies.js';
import { fail, verify } from './verify.js';

type Json = Record<string, unknown>;

/** The profile as known when suites are collected (to pick a test's level from it); same value as ctx.profile. */
export function collectedProfile(): Profile {
  return inject('profile');
}

/** True when the profile provisions users only: Entra then sends no group traffic except its probe (G-01). */
export function usersOnly(profile: Profile): boolean {
  return profile.resources === 'users';
}

/** Ends a group test as skipped, with the reason in every report, when the profile provisions users only. */
export function skipUnlessGroups(profile: Profile, skip: (reason: string) => never): void {
  if (usersOnly(profile))
    skip(`profile ${profile.name} provisions users only (resources: "users"), so Entra sends no group requests to it; group tests are skipped`);
}

/** One member entry as Entra sends it: `{"$ref": null, "value": id}` by default (G-07), `{"value": id}` with the flag (G-08). */
export function memberEntry(id: string, dialect: Dialect): Json {
  return dialect === 'default' ? { $ref: null, value: id } : { value: id };
}

/** The Add operation for several members in one value array (G-07, G-08, G-09). */
export function addMembersOp(ids: string[], dialect: Dialect): Json {
  return { op: op('add', dialect), path: 'members', value: ids.map((id) => memberEntry(id, dialect)) };
}

/**
 * The Remove operations for members: default mode sends one op with a value array on path `members` (G-10);
 * the flag sends one op per member with a filtered path `members[value eq "id"]` (G-11).
 */
export function removeMembersOps(ids: string[], dialect: Dialect): Json[] {
  if (dialect === 'default') return [{ op: 'Remove', path: 'members', value: ids.map((id) => ({ value: id })) }];
  return ids.map((id) => ({ op: 'remove', path: `members[${eqFilter('value', id)}]` }));
}

/** A membership diff as Entra computes it: adds first, then removes, in one PatchOp body. */
export function membershipDiff(add: string[], remove: string[], dialect: Dialect): Json {
  const ops: Json[] = [];
  if (add.length > 0) ops.push(addMembersOp(add, dialect));
  if (remove.length > 0) ops.push(...removeMembersOps(remove, dialect));
  return patchBody(ops);
}

/**
 * The answers Entra accepts to a group member PATCH: 204 (Microsoft's recommendation) or 200. A 200 with an empty
 * body or with the whole member list is judged separately (G-20, recommended), so required tests accept any 200.
 */
export function memberPatchAnswer(): Check {
  return (response) => {
    if (response.status === 204 || response.status === 200) return undefined;
    const snippet = response.text ? `: ${show(response.text.slice(0, 200))}` : ' (empty body)';
    return {
      message: `expected 204 No Content (or 200), got ${response.status}${snippet}`,
      expected: '204 (or 200)',
      actual: String(response.status),
      hint: response.status === 405 || response.status === 501 ? 'Entra provisions groups only to endpoints that support PATCH (G-22).' : undefined,
    };
  };
}

/** PATCH /Groups/{id}; fails unless the answer is 204 or 200. */
export async function patchGroup(client: ScimClient, groupId: string, body: Json): Promise<ScimResponse> {
  const response = await client.patch(`/Groups/${encodeURIComponent(groupId)}`, body);
  verify(response, memberPatchAnswer());
  return response;
}

/** The member ids of a group body (`members[].value`), in the order returned. */
export function memberValues(json: unknown): string[] {
  const members = (json as { members?: unknown })?.members;
  return Array.isArray(members) ? members.map((m) => String((m as { value?: unknown })?.value)) : [];
}

/** Shape problems of the members array beyond the JSON Schema: empty values, $ref that is no URI, repeated ids. */
function memberShapeProblem(json: Json): string | undefined {
  const members = json.members;
  if (members === undefined || members === null) return undefined;
  if (!Array.isArray(members)) return `members is ${show(members)}, not an array`;
  const seen = new Set<string>();
  for (const [i, m] of members.entries()) {
    if (!m || typeof m !== 'object') return `members[${i}] is ${show(m)}, not an object`;
    const entry = m as Json;
    if (typeof entry.value !== 'string' || entry.value === '') return `members[${i}].value is ${show(entry.value)}; each member needs the member's id as a string`;
    if (entry.$ref !== undefined && entry.$ref !== null && (typeof entry.$ref !== 'string' || !/^[a-z][a-z0-9+.-]*:|^\//i.test(entry.$ref)))
      return `members[${i}].$ref is ${show(entry.$ref)}; when given it is the URI of the member resource (RFC 7643 §4.2)`;
    if (entry.type !== undefined && entry.type !== null && entry.type !== 'User' && entry.type !== 'Group')
      return `members[${i}].type is ${show(entry.type)}; RFC 7643 §4.2 allows "User" or "Group"`;
    if (seen.has(entry.value)) return `member ${show(entry.value)} is listed twice; membership is a set (G-09)`;
    seen.add(entry.value);
  }
  return undefined;
}

/** GET /Groups/{id} with members (RFC 7643 §4.2: members is returned by default); 200, SCIM JSON, a valid Group. */
export async function readGroup(client: ScimClient, groupId: string): Promise<{ response: ScimResponse; group: Json; members: string[] }> {
  const response = await client.get(`/Groups/${encodeURIComponent(groupId)}`);
  verify(response, status(200), matchesSchema(URN.Group, 'Group'));
  const { body, failure } = bodyObject(response);
  if (failure) verify(response, () => failure);
  const problem = memberShapeProblem(body!);
  if (problem) fail(problem, { response, expected: 'members: [{"value": "<id>", "display"?: "…", "$ref"?: "<uri>"}, …], each id once' });
  return { response, group: body!, members: memberValues(body) };
}

/**
 * Reads the group back and fails unless its members are exactly `expected` (as a set). `after` says what was sent,
 * for the message ("after PATCH Remove members [u2]"); `requests` may add a request count to the message.
 */
export async function expectMembers(
  client: ScimClient,
  groupId: string,
  expected: string[],
  after: string,
  options: { hint?: string; note?: string } = {},
): Promise<ScimResponse> {
  const { response, members } = await readGroup(client, groupId);
  const got = new Set(members);
  const missing = expected.filter((id) => !got.has(id));
  const want = new Set(expected);
  const unexpected = members.filter((id) => !want.has(id));
  if (missing.length > 0 || unexpected.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${show(missing, 300)}` : '',
      unexpected.length > 0 ? `unexpected ${show(unexpected, 300)}` : '',
    ].filter(Boolean);
    fail(`${after}, GET /Groups/{id} lists ${members.length} member(s); expected exactly ${expected.length}: ${parts.join(', ')}${options.note ? ` (${options.note})` : ''}`, {
      response,
      expected: show([...expected].sort(), 400),
      actual: show([...members].sort(), 400),
      hint:
        options.hint ??
        'Entra never reads memberships back (G-18): it diffs against what it already sent, so a lost add or remove is permanent drift until an admin restarts provisioning.',
    });
  }
  return response;
}

/**
 * Entra's group match query: `GET /Groups?excludedAttributes=members&filter=<attr>+eq+%22…%22` (G-01, G-02),
 * parameters in Entra's order. Fails unless 200 with a ListResponse of `total` resources when given.
 */
export async function matchGroups(
  client: ScimClient,
  attribute: string,
  value: string,
  expect: { total?: number } = {},
): Promise<{ response: ScimResponse; resources: Json[] }> {
  const response = await client.get('/Groups', { query: { excludedAttributes: 'members', filter: eqFilter(attribute, value) } });
  verify(response, status(200), listResponse(expect.total === undefined ? {} : { totalResults: expect.total }));
  return { response, resources: resourcesOf(response.json) };
}

/** Fails when a resource returned with excludedAttributes=members carries a members key at all (not [], not null). */
export function expectNoMembersKey(resource: Json, response: ScimResponse, where: string): void {
  const key = Object.keys(resource).find((k) => k.toLowerCase() === 'members');
  if (key !== undefined)
    fail(`${where} carries "${key}": ${show(resource[key])} although the request said excludedAttributes=members`, {
      response,
      expected: 'no members key at all (not [], not null)',
      actual: `"${key}": ${show(resource[key])}`,
      hint: 'RFC 7644 §3.9: excluded attributes are not returned. Entra excludes members on every group read; Microsoft\'s validator fails even on "members": [].',
    });
}

/** Creates `count` users in parallel (the client's limiter bounds concurrency) and returns their ids in order. */
export async function createUsers(resources: { createUser(extra?: Json): Promise<{ id: string }> }, count: number): Promise<string[]> {
  const created = await Promise.all(Array.from({ length: count }, () => resources.createUser()));
  return created.map((u) => u.id);
}
