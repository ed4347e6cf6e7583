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
  const ordered = [...remaining].sort((a, b) => (a.type === b.type ? 0 : a.type === 'Group' ? -1 : 1));
  for (const ref of ordered) {
    if (!client) {
      leftBehind.push({ ...ref, reason: 'cleanup disabled (--no-cleanup)' });
      continue;
    }
    const path = `/${ref.type}s/${encodeURIComponent(ref.id)}`;
    try {
      const response = await client.delete(path);
      if (response.status === 204 || response.status === 200 || response.status === 404) deleted.push(ref);
      else leftBehind.push({ ...ref, reason: `DELETE ${path} answered ${response.status}` });
    } catch (error) {
      leftBehind.push({ ...ref, reason: `DELETE ${path} failed: ${(error as Error).message}` });
    }
  }
  return { created: input.created, deleted, leftBehind };
}
