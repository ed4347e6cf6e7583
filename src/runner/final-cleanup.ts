/**
 * After the suites: whatever a test created and could not delete is tried once more, groups first. What is
 * still there afterwards is reported as left behind, with the reason.
 */
import type { ScimClient } from '../client/scim-client.js';
import type { CleanupReport, ResourceRef } from '../model/result.js';
import { remainingOfRun, sweepRun } from './sweep.js';

export interface CleanupInput {
  created: ResourceRef[];
  deleted: ResourceRef[];
}

const key = (r: ResourceRef) => `${r.type}:${r.id}`;

export async function finalCleanup(client: ScimClient | undefined, input: CleanupInput): Promise<CleanupReport> {
  const deletedKeys = new Set(input.deleted.map(key));
  const remaining = input.created.filter((r) => !deletedKeys.has(key(r)));
  const deleted = [...input.deleted];
  const leftBehind: CleanupReport['leftBehind'] = [];
  // Groups first (they reference users); within a type the deletes go out together, bounded by the client's
  // limiter: the shared member users (src/harness/member-pool.ts) are deleted here, up to 200 of them.
  for (const type of ['Group', 'User'] as const) {
    await Promise.all(
      remaining
        .filter((ref) => ref.type === type)
        .map(async (ref) => {
          if (!client) {
            leftBehind.push({ ...ref, reason: 'cleanup disabled (--no-cleanup)' });
            return;
          }
          const path = `/${ref.type}s/${ref.id}`;
          try {
            const response = await client.delete(path);
            if (response.status === 204 || response.status === 200 || response.status === 404) deleted.push(ref);
            else leftBehind.push({ ...ref, reason: `DELETE ${path} answered ${response.status}` });
          } catch (error) {
            leftBehind.push({ ...ref, reason: `DELETE ${path} failed: ${(error as Error).message}` });
          }
        }),
    );
  }
  return { created: input.created, deleted, leftBehind };
}

/**
 * After the per-test deletes and finalCleanup: sweeps the target for this run's marker and deletes what is still
 * there (what the run lost track of: no id in a create answer, a new id after PATCH, a timed-out POST, a test cut
 * short), then reads the target back. What is still there then is reported as left behind, with the reason; what
 * is gone is not, whatever its DELETE answered. If the target cannot be listed, the bookkeeping stands as it was.
 * When the sweep found nothing, its own listing (sent after every delete) is the read-back, and none is sent again.
 */
export async function sweepAndVerify(client: ScimClient, runId: string, report: CleanupReport): Promise<CleanupReport> {
  const swept = await sweepRun(client, runId).catch(() => undefined);
  const created = [...report.created];
  const deleted = [...report.deleted];
  const known = new Set(created.map(key));
  const isDeleted = new Set(deleted.map(key));
  for (const ref of [...(swept?.deleted ?? []), ...(swept?.refused ?? [])]) {
    if (!known.has(key(ref))) {
      known.add(key(ref));
      created.push(ref);
    }
  }
  for (const ref of swept?.deleted ?? [])
    if (!isDeleted.has(key(ref))) {
      isDeleted.add(key(ref));
      deleted.push(ref);
    }
  // The sweep listed both types and found nothing of the run: that listing, made after every delete, is the read-back.
  const nothingFound = swept?.listed === true && swept.deleted.length === 0 && swept.refused.length === 0;
  const remaining = nothingFound
    ? { items: [], how: { Group: '', User: '' } }
    : await remainingOfRun(client, runId).catch(() => undefined);
  if (!remaining) {
    const refused = (swept?.refused ?? []).filter((r) => !report.leftBehind.some((l) => key(l) === key(r)));
    return {
      created,
      deleted: deleted.filter((d) => !refused.some((r) => key(r) === key(d))),
      leftBehind: [...report.leftBehind, ...refused],
    };
  }
  const still = new Set(remaining.items.map(key));
  const earlier = new Map(report.leftBehind.map((l) => [key(l), l.reason]));
  const leftBehind = remaining.items.map((item) => {
    const answer = swept?.answers.get(key(item));
    const reason =
      answer && /answered 20[04]$/.test(answer)
        ? `${answer} but ${remaining.how[item.type]} still returns it`
        : (answer ?? earlier.get(key(item)) ?? `${remaining.how[item.type]} still returns it`);
    if (!known.has(key(item))) created.push(item);
    return { type: item.type, id: item.id, name: item.name, reason };
  });
  return { created, deleted: deleted.filter((d) => !still.has(key(d))), leftBehind };
}
