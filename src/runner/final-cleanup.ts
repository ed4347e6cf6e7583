/**
 * After the suites: whatever a test created and could not delete is tried once more, groups first. What is
 * still there afterwards is reported as left behind, with the reason.
 */
import type { ScimClient } from '../client/scim-client.js';
import type { CleanupReport, ResourceRef } from '../model/result.js';

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
          const path = `/${ref.type}s/${encodeURIComponent(ref.id)}`;
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
