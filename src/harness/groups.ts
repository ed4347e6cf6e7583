/**
 * Group helpers for the group suites (catalog §5): Entra-shaped membership PATCH bodies in both dialects, the
 * users-only skip, Entra's group match query, and the membership read-back that every membership test ends with
 * (through whatever the server offers: GET /Groups/{id}, ?attributes=members, or the members filter; G-23).
 */
import { inject } from 'vitest';
import type { ScimClient, ScimResponse } from '../client/scim-client.js';
import type { Check } from '../checks/check.js';
import { bodyObject, show } from '../checks/check.js';
import { listResponse, resourcesOf } from '../checks/list-response.js';
import { status } from '../checks/status.js';
import { readMember, readObject } from '../model/json.js';
import type { Profile } from '../profiles/profile-schema.js';
import { eqFilter, op, patchBody, type Dialect } from '../entra/bodies.js';
import { fail, inconclusive, verify } from './verify.js';

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
    skip(
      `profile ${profile.name} provisions users only (resources: "users"), so Entra sends no group requests to it; group tests are skipped`,
    );
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
      hint:
        response.status === 405 || response.status === 501
          ? 'Entra provisions groups only to endpoints that support PATCH (G-22).'
          : undefined,
    };
  };
}

/** PATCH /Groups/{id}; fails unless the answer is 204 or 200. */
export async function patchGroup(client: ScimClient, groupId: string, body: Json): Promise<ScimResponse> {
  const response = await client.patch(`/Groups/${groupId}`, body);
  verify(response, memberPatchAnswer());
  return response;
}

/** The member ids of a group body (`members[].value`), in the order returned. */
export function memberValues(json: unknown): string[] {
  const members = readMember(json, 'members');
  return Array.isArray(members) ? members.map((m) => String(readMember(m, 'value'))) : [];
}

/** The `members` of a group body, looked up case-insensitively (RFC 7643 §2.1); undefined when the key is absent. */
function membersKey(json: unknown): unknown {
  const group = readObject(json);
  const key = group && Object.keys(group).find((k) => k.toLowerCase() === 'members');
  return key === undefined ? undefined : group?.[key];
}

/** Member ids of a members array; fails (naming the exchange) when an entry has no string value. */
function idsOfMembers(members: unknown, response: ScimResponse): string[] {
  if (!Array.isArray(members))
    fail(`members is ${show(members)}, not an array`, {
      response,
      expected: 'members: [{"value": "<id>"}, …]',
      actual: show(members),
    });
  return members.map((m, i) => {
    const value = m && typeof m === 'object' ? (m as Json).value : undefined;
    if (typeof value !== 'string' || value === '')
      fail(`members[${i}] is ${show(m)}; each member needs the member's id as a string "value" (RFC 7643 §4.2)`, {
        response,
        expected: '{"value": "<id>", …}',
        actual: show(m),
      });
    return value;
  });
}

/** GET /Groups/{id} (no query string): 200 with a JSON object. Judges nothing else (shapes are G-03's, G-23's). */
export async function readGroup(
  client: ScimClient,
  groupId: string,
  query?: Record<string, string>,
): Promise<{ response: ScimResponse; group: Json; members: string[] }> {
  const response = await client.get(`/Groups/${groupId}`, query ? { query } : {});
  verify(response, status(200));
  const { body, failure } = bodyObject(response);
  if (failure) verify(response, () => failure);
  const members = membersKey(body);
  return {
    response,
    group: body!,
    members: members === undefined || members === null ? [] : idsOfMembers(members, response),
  };
}

/** How a server lets a client see a group's members (catalog G-23). */
export type MembershipWay = 'GET /Groups/{id}' | 'GET /Groups/{id}?attributes=members' | 'filter members[value eq]';

/** Entra's encoding of "is user u a member of group g": `filter=id eq "g" and members[value eq "u"]` (G-23). */
export function memberFilter(groupId: string, userId: string): string {
  return `${eqFilter('id', groupId)} and members[${eqFilter('value', userId)}]`;
}

/**
 * Which of `candidates` the members filter says are members of the group; undefined when the server does not
 * answer the filter with a ListResponse (it does not support it).
 */
async function membersByFilter(
  client: ScimClient,
  groupId: string,
  candidates: string[],
): Promise<{ members: string[]; response: ScimResponse } | { unsupported: ScimResponse }> {
  const answers = await Promise.all(
    candidates.map(async (id) => ({
      id,
      response: await client.get('/Groups', {
        query: { filter: memberFilter(groupId, id), excludedAttributes: 'members' },
      }),
    })),
  );
  const refused = answers.find(({ response }) => response.status !== 200 || listResponse()(response) !== undefined);
  if (refused) return { unsupported: refused.response };
  const members = answers
    .filter(({ response }) => resourcesOf(response.json).some((r) => r.id === groupId))
    .map(({ id }) => id);
  return { members, response: answers[answers.length - 1]?.response ?? answers[0]!.response };
}

/**
 * The members of a group through whatever the server offers, in Entra's order of cost (catalog §0.1, G-23):
 * GET /Groups/{id}; when it carries no members, GET /Groups/{id}?attributes=members; when that carries none either,
 * the members filter for each of `candidates` (the users the test knows about). When no way shows members, the test
 * is skipped as inconclusive: Entra never reads members back (G-18), so the server is not wrong.
 */
export async function readMembers(
  client: ScimClient,
  groupId: string,
  candidates: string[],
): Promise<{ members: string[]; way: MembershipWay; response: ScimResponse }> {
  const plain = await readGroup(client, groupId);
  if (membersKey(plain.group) !== undefined)
    return { members: plain.members, way: 'GET /Groups/{id}', response: plain.response };
  const asked = await readGroup(client, groupId, { attributes: 'members' });
  if (membersKey(asked.group) !== undefined)
    return { members: asked.members, way: 'GET /Groups/{id}?attributes=members', response: asked.response };
  const unique = [...new Set(candidates)];
  if (unique.length === 0) return { members: [], way: 'GET /Groups/{id}', response: plain.response };
  const filtered = await membersByFilter(client, groupId, unique);
  if ('unsupported' in filtered)
    inconclusive(
      `the server returns no members on GET /Groups/{id}, ?attributes=members, or the members filter (it answered ${filtered.unsupported.status}), so membership cannot be observed; Entra never reads members back (catalog G-23)`,
    );
  return { members: filtered.members, way: 'filter members[value eq]', response: filtered.response };
}

/**
 * Reads the group's members (readMembers) and fails unless they are exactly `expected` (as a set). `after` says what
 * was sent, for the message ("after PATCH Remove members [u2]"); `others` are the users the test made non-members
 * (removed or never added), which the members filter must not find.
 */
export async function expectMembers(
  client: ScimClient,
  groupId: string,
  expected: string[],
  after: string,
  options: { hint?: string; note?: string; others?: string[] } = {},
): Promise<ScimResponse> {
  const { response, members, way } = await readMembers(client, groupId, [...expected, ...(options.others ?? [])]);
  const got = new Set(members);
  const missing = expected.filter((id) => !got.has(id));
  const want = new Set(expected);
  const unexpected = members.filter((id) => !want.has(id));
  const repeated = members.filter((id, i) => members.indexOf(id) !== i);
  if (missing.length > 0 || unexpected.length > 0 || repeated.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${show(missing, 300)}` : '',
      unexpected.length > 0 ? `unexpected ${show(unexpected, 300)}` : '',
      repeated.length > 0 ? `listed twice ${show([...new Set(repeated)], 300)}` : '',
    ].filter(Boolean);
    fail(
      `${after}, ${way} shows ${members.length} member(s); expected exactly ${expected.length}: ${parts.join(', ')}${options.note ? ` (${options.note})` : ''}`,
      {
        response,
        expected: show([...expected].sort(), 400),
        actual: show([...members].sort(), 400),
        hint:
          options.hint ??
          'Entra never reads memberships back (G-18): it diffs against what it already sent, so a lost add or remove is permanent drift until an admin restarts provisioning.',
      },
    );
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
  const response = await client.get('/Groups', {
    query: { excludedAttributes: 'members', filter: eqFilter(attribute, value) },
  });
  verify(response, status(200), listResponse(expect.total === undefined ? {} : { totalResults: expect.total }));
  return { response, resources: resourcesOf(response.json) };
}

/**
 * Fails when a resource returned with excludedAttributes=members carries members. `[]` and `null` mean no members
 * (RFC 7643 §2.5: unassigned, null and an empty array are the same state), so they pass unless `strict` (the SCIM
 * Validator's reading, which fails even `"members": []`; validator level).
 */
export function expectNoMembersKey(resource: Json, response: ScimResponse, where: string, strict = false): void {
  const key = Object.keys(resource).find((k) => k.toLowerCase() === 'members');
  if (key === undefined) return;
  const value = resource[key];
  const empty = value === null || (Array.isArray(value) && value.length === 0);
  if (!strict && empty) return;
  fail(`${where} carries "${key}": ${show(value)} although the request said excludedAttributes=members`, {
    response,
    expected: strict ? 'no members key at all (not [], not null)' : 'no members',
    actual: `"${key}": ${show(value)}`,
    hint: strict
      ? "Microsoft's SCIM Validator fails a members key even when it is empty; RFC 7643 §2.5 treats [] as unassigned, so Entra itself is not affected."
      : 'RFC 7644 §3.9: excluded attributes are not returned. Entra excludes members on every group read, so that large groups stay cheap to match.',
  });
}

/** Creates `count` users in parallel (the client's limiter bounds concurrency) and returns their ids in order. */
export async function createUsers(
  resources: { createUser(extra?: Json): Promise<{ id: string }> },
  count: number,
): Promise<string[]> {
  const created = await Promise.all(Array.from({ length: count }, () => resources.createUser()));
  return created.map((u) => u.id);
}
