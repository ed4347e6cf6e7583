// The CLI alone turns what the engine returns or throws into an exit code (decisions/architecture.md).
import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeForError, exitCodeForRun } from '../../../src/cli/exit-codes.js';
import { KnownError, TargetError, UsageError } from '../../../src/model/errors.js';
import { targetErrorResult } from '../../../src/runner/assemble.js';

const facts = {
  runId: '0a1b2c3d',
  seed: 1,
  failOn: 'required' as const,
  url: 'https://app.example.com/scim/v2',
  demo: false,
  profile: { name: 'entra-default', title: 'Entra', mode: 'default' as const },
};

describe('exit codes', () => {
  it.each([
    [new UsageError('bad flag'), ExitCode.Usage],
    [new TargetError('unreachable'), ExitCode.Target],
    [new KnownError('dist/ is stale', 'internal'), ExitCode.Internal],
  ])('%s → %i', (error, code) => {
    expect(exitCodeForError(error)).toBe(code);
  });

  it('--list fails only when a suite did not load', () => {
    expect(exitCodeForRun({ kind: 'listed', errors: [] })).toBe(ExitCode.Pass);
    expect(exitCodeForRun({ kind: 'listed', errors: ['suites/users.test.ts: SyntaxError'] })).toBe(ExitCode.Fail);
  });

  it('a run: 1 with errors outside the tests, 130 / 143 when interrupted', () => {
    const stopped = targetErrorResult('the target rejected the token', facts);
    expect(stopped.verdict).toBe('inconclusive');
    expect(exitCodeForRun({ kind: 'ran', result: stopped })).toBe(ExitCode.Fail);
    const clean = { ...stopped, errors: [] };
    expect(exitCodeForRun({ kind: 'ran', result: clean })).toBe(ExitCode.Pass);
    expect(exitCodeForRun({ kind: 'ran', result: { ...clean, interrupted: { signal: 'SIGINT', at: '' } } })).toBe(
      ExitCode.Interrupted,
    );
    expect(exitCodeForRun({ kind: 'ran', result: { ...clean, interrupted: { signal: 'SIGTERM', at: '' } } })).toBe(
      ExitCode.Terminated,
    );
  });
});
