// The whole suite passes against the bundled reference server (--demo), leaves nothing behind, and writes
// every report. The reference server shares our reading of the RFCs, so this proves the suites can pass, not
// that they are right; tests/faults proves that each can fail.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './helpers/cli.js';

let run: CliRun;
beforeAll(async () => {
  run = await runCli(['--demo', '--seed', '42']);
}, 180_000);

describe('--demo against the reference server', () => {
  it('exits 0 with every test passed (or skipped with a reason)', () => {
    const failed = run.results?.tests
      .filter((t) => t.status === 'failed' || t.status === 'warning')
      .map((t) => `${t.name}: ${t.failure?.message}`);
    expect(failed).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.results!.verdict).toBe('ready');
    expect(run.results!.summary.total).toBeGreaterThan(0);
    for (const test of run.results!.tests.filter((t) => t.status === 'skipped'))
      expect(test.skipReason, test.name).toBeTruthy();
    expect(run.results!.errors).toEqual([]);
  });

  it('deletes everything it created', () => {
    const { cleanup } = run.results!;
    expect(cleanup.created.length).toBeGreaterThan(0);
    expect(cleanup.leftBehind).toEqual([]);
    const deleted = new Set(cleanup.deleted.map((r) => `${r.type}:${r.id}`));
    for (const ref of cleanup.created) expect(deleted.has(`${ref.type}:${ref.id}`), `${ref.type} ${ref.id}`).toBe(true);
  });

  it('writes junit.xml, report.html and results.json, and prints the seed', () => {
    for (const file of ['junit.xml', 'report.html', 'results.json'])
      expect(existsSync(join(run.outDir, file)), file).toBe(true);
    expect(run.results!.seed).toBe(42);
    expect(run.stdout).toContain('42');
  });

  it('gives every test a behaviour id, area, level and its exchanges', () => {
    for (const test of run.results!.tests) {
      expect(test.behaviour, test.name).toMatch(/^[UFPGDX]-\d\d$/);
      expect(test.name.startsWith(`${test.behaviour} `), test.name).toBe(true);
      expect(test.area).toBeTruthy();
      // Property tests keep only a failing case's exchanges (their passing cases are counted in summary.requests).
      // The timing suite (D-23) judges the other tests' exchanges and sends none of its own.
      if (test.status === 'passed' && test.area !== 'properties' && test.area !== 'timing')
        expect(test.exchanges.length, test.name).toBeGreaterThan(0);
    }
    expect(run.results!.summary.requests).toBeGreaterThanOrEqual(
      run.results!.tests.reduce((n, t) => n + t.exchanges.length, 0),
    );
  });
});
