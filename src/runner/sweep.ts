/**
 * Finding and deleting what runs left on a target, groups first: the end-of-run sweep (src/runner/final-cleanup.ts)
 * and the `scim-conformance cleanup` command (the CLI's commands/cleanup.ts).
 *
 * Safety rule: a resource is deleted only when its own name (userName for users, displayName for groups), as
 * the target returns it, starts with a run marker — `scimc-<runId>` followed by "-" or " " (names.ts), with the
 * given --run-id, or any 8-hex-digit run id without one. The match is re-checked on every resource the target
 * returns, so a target that ignores the filter (or `sw`) can never widen what is deleted.
 *
 * Finding: `filter=userName sw "scimc-…"` (displayName for groups), paged; if the target rejects `sw` (any
 * answer but a 200 ListResponse), every page of /Users or /Groups is read instead (up to MAX_SCAN resources).
 */
import type { ScimClient } from '../client/scim-client.js';
import { runMarker } from '../entra/names.js';

export type Kind = 'User' | 'Group';
export interface Found {
  type: Kind;
  id: string;
  name: string;
}

const PAGE = 100;
const MAX_SCAN = 20_000;
const NAME_ATTRIBUTE: Record<Kind, string> = { User: 'userName', Group: 'displayName' };

/** The marker test for one name: case-insensitive (userName is caseExact false, RFC 7643 §4.1.1). */
export function markerMatcher(runId?: string): (name: string) => boolean {
  const pattern = runId ? new RegExp(`^${runMarker(runId)}[- ]`, 'i') : /^scimc-[0-9a-f]{8}[- ]/i;
  return (name) => pattern.test(name);
}

/** Deletes one found resource: 200, 204 and 404 count as deleted; anything else is the reason it is still there. */
export async function deleteFound(
  client: ScimClient,
  item: Found,
): Promise<{ deleted: true; answer: string } | { deleted: false; answer?: string; reason: string }> {
  const line = `DELETE /${item.type}s/${item.id}`;
  try {
    const response = await client.delete(`/${item.type}s/${item.id}`);
    const answer = `${line} answered ${response.status}`;
    return response.status === 204 || response.status === 200 || response.status === 404
      ? { deleted: true, answer }
      : { deleted: false, answer, reason: answer };
  } catch (error) {
    return { deleted: false, reason: `${line} failed: ${(error as Error).message.split('\n')[0]}` };
  }
}

export interface SweepOutcome {
  /** Marked resources found and deleted (the DELETE answered 200, 204 or 404). */
  deleted: Found[];
  /** Marked resources whose DELETE failed, with what it answered. */
  refused: Array<Found & { reason: string }>;
  /** What each DELETE answered, by "Type:id" (to explain a resource that is still there afterwards). */
  answers: Map<string, string>;
  /** Both types could be listed: with nothing found, nothing of the run is on the target (no need to read it back). */
  listed: boolean;
}

/**
 * At the end of every run: finds everything that carries this run's marker (what a test created but could not
 * report: no id in the create answer, a new id after a PATCH, a POST that timed out, an interrupted test) and
 * deletes it, groups first. The name is re-checked on each resource the target returns (markerMatcher). Groups and
 * users are listed side by side, and the deletes of one type go out together (the client's limiter bounds them):
 * a run that left nothing behind ends one round trip after its last test.
 */
export async function sweepRun(client: ScimClient, runId: string): Promise<SweepOutcome> {
  const matches = markerMatcher(runId);
  const outcome: SweepOutcome = { deleted: [], refused: [], answers: new Map(), listed: true };
  const found = await Promise.all(
    (['Group', 'User'] as const).map((type) => find(client, type, runMarker(runId), matches)),
  );
  for (const { items, method } of found) {
    if (method === 'could not list') outcome.listed = false;
    const done = await Promise.all(items.map(async (item) => ({ item, done: await deleteFound(client, item) })));
    for (const { item, done: answer } of done) {
      if (answer.answer) outcome.answers.set(`${item.type}:${item.id}`, answer.answer);
      if (answer.deleted) outcome.deleted.push(item);
      else outcome.refused.push({ ...item, reason: answer.reason });
    }
  }
  return outcome;
}

/**
 * What of this run is still on the target, read back after the deletes: undefined when the target could not be
 * listed (then the caller keeps its own bookkeeping). `how` says which read found them, for the reason line.
 */
export async function remainingOfRun(
  client: ScimClient,
  runId: string,
): Promise<{ items: Found[]; how: Record<Kind, string> } | undefined> {
  const matches = markerMatcher(runId);
  const types = ['Group', 'User'] as const;
  const found = await Promise.all(types.map((type) => find(client, type, runMarker(runId), matches)));
  if (found.some((f) => f.method === 'could not list')) return undefined;
  const how = {} as Record<Kind, string>;
  types.forEach((type, i) => {
    how[type] = found[i]!.method.startsWith('filter')
      ? `GET /${type}s?filter=${NAME_ATTRIBUTE[type]} sw "${runMarker(runId)}"`
      : `GET /${type}s`;
  });
  return { items: found.flatMap((f) => f.items), how };
}

export async function find(client: ScimClient, type: Kind, prefix: string, matches: (name: string) => boolean) {
  const attribute = NAME_ATTRIBUTE[type];
  const filtered = await scan(client, type, matches, `${attribute} sw "${prefix}"`);
  if (filtered.ok)
    return { items: filtered.items, method: `filter ${attribute} sw "${prefix}"`, problem: filtered.problem };
  const all = await scan(client, type, matches);
  if (all.ok)
    return {
      items: all.items,
      method: `the target does not support "sw" (${filtered.problem}); read every page of /${type}s`,
      problem: all.problem,
    };
  return { items: [], method: 'could not list', problem: `could not list /${type}s: ${all.problem}` };
}

/** Pages through /Users or /Groups (optionally filtered); keeps what matches the marker. */
async function scan(client: ScimClient, type: Kind, matches: (name: string) => boolean, filter?: string) {
  const items: Found[] = [];
  const seen = new Set<string>();
  let startIndex = 1;
  for (let read = 0; read < MAX_SCAN;) {
    const query: Record<string, string> = {
      startIndex: String(startIndex),
      count: String(PAGE),
      ...(filter ? { filter } : {}),
    };
    const response = await client.get(`/${type}s`, { query });
    const body = response.json as { Resources?: unknown; totalResults?: unknown } | undefined;
    if (response.status !== 200 || !body || (body.Resources !== undefined && !Array.isArray(body.Resources)))
      return {
        ok: false as const,
        items,
        problem: `GET /${type}s answered ${response.status}${response.jsonError ? ` (${response.jsonError})` : ''}`,
      };
    const page = (body.Resources ?? []) as Array<Record<string, unknown>>;
    for (const resource of page) {
      const id = typeof resource.id === 'string' ? resource.id : undefined;
      const name = resource[NAME_ATTRIBUTE[type]];
      if (id && typeof name === 'string' && matches(name) && !seen.has(id)) {
        seen.add(id);
        items.push({ type, id, name });
      }
    }
    read += page.length;
    const total = typeof body.totalResults === 'number' ? body.totalResults : read;
    if (page.length === 0 || read >= total) return { ok: true as const, items };
    startIndex += page.length;
  }
  return {
    ok: true as const,
    items,
    problem: `stopped after reading ${MAX_SCAN} ${type.toLowerCase()}s; run cleanup again for the rest`,
  };
}
