/**
 * `scim-conformance cleanup`: finds what an interrupted run left on a target and deletes it, groups first, printing
 * each step. Which names may be deleted, and how they are found, is src/runner/sweep.ts.
 */
import { runMarker } from '../../entra/names.js';
import { deleteFound, find, markerMatcher, type Found } from '../../runner/sweep.js';
import { ExitCode } from '../exit-codes.js';
import { commandClient } from './target-client.js';
import type { CleanupOptions } from '../parse-cleanup.js';

export async function cleanupCommand(
  options: CleanupOptions,
  io: { out: (t: string) => void; err: (t: string) => void },
): Promise<ExitCode> {
  const client = await commandClient(options);
  const matches = markerMatcher(options.runId);
  const prefix = options.runId ? runMarker(options.runId) : 'scimc-';
  const scope = options.runId ? `run ${options.runId}` : 'any scim-conformance run';

  const found: Found[] = [];
  for (const type of ['Group', 'User'] as const) {
    const { items, method, problem } = await find(client, type, prefix, matches);
    found.push(...items);
    io.out(`${type.toLowerCase()}s: ${items.length} left by ${scope} (${method})\n`);
    if (problem) io.err(`scim-conformance: warning: ${problem}\n`);
  }
  if (found.length === 0) {
    io.out('nothing to delete\n');
    return ExitCode.Pass;
  }
  if (options.dryRun) {
    for (const item of found) io.out(`would delete ${item.type} ${item.id} "${item.name}"\n`);
    io.out(`dry run: ${found.length} would be deleted; nothing was deleted\n`);
    return ExitCode.Pass;
  }
  let failed = 0;
  // Groups first: they reference users (found is already groups, then users).
  for (const item of found) {
    const done = await deleteFound(client, item);
    if (done.deleted) io.out(`deleted ${item.type} ${item.id} "${item.name}"\n`);
    else {
      failed++;
      io.err(`scim-conformance: could not delete ${item.type} ${item.id} "${item.name}": ${done.reason}\n`);
    }
  }
  io.out(`deleted ${found.length - failed} of ${found.length}${failed ? `; ${failed} could not be deleted` : ''}\n`);
  return failed ? ExitCode.Fail : ExitCode.Pass;
}
