/**
 * `scim-conformance cleanup --url URL [--run-id ID] [--dry-run]`: the flags of the cleanup command, validated
 * into CleanupOptions or a one-line UsageError (exit 2).
 */
import { UsageError } from '../model/errors.js';
import { parseTargetCommand, TARGET_FLAGS, type TargetOptions } from './target-command.js';

const { help, ...targetFlags } = TARGET_FLAGS;

export const CLEANUP_FLAGS = {
  ...targetFlags,
  'run-id': {
    type: 'string',
    value: 'ID',
    help: 'Delete only what the run with this id created (8 hex digits, printed by every run)',
  },
  'dry-run': { type: 'boolean', help: 'Print what would be deleted; delete nothing' },
  help,
} as const;

export interface CleanupOptions extends TargetOptions {
  runId?: string;
  dryRun: boolean;
}

export function parseCleanup(argv: string[], env: Record<string, string | undefined>) {
  const parsed = parseTargetCommand('cleanup', argv, env, CLEANUP_FLAGS, 'the endpoint the interrupted run tested');
  if (parsed.help) return { kind: 'help' as const, topic: 'cleanup' as const };
  const given = parsed.values['run-id'];
  const runId = typeof given === 'string' ? given.trim().replace(/^scimc-/, '') : undefined;
  if (runId !== undefined && !/^[0-9a-f]{8}$/.test(runId))
    throw new UsageError(
      `cleanup: --run-id must be the 8 hex digits a run prints (e.g. 3f9a7c2e), got "${String(given)}"`,
    );
  const options: CleanupOptions = {
    ...parsed.target,
    ...(runId ? { runId } : {}),
    dryRun: Boolean(parsed.values['dry-run']),
  };
  return { kind: 'cleanup' as const, options, warnings: parsed.warnings };
}
