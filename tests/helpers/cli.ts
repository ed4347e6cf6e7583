/**
 * Runs the built CLI (bin/scim-conformance.js → dist/) as a user would, in a child process, and reads what it
 * wrote. `npm test` builds dist/ first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunResult } from '../../src/model/result.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin', 'scim-conformance.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
  /** results.json, when the run wrote one. */
  results?: RunResult;
  ms: number;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  outDir?: string;
  /** Called with the child process once started (e.g. to send it SIGINT). */
  onSpawn?: (child: ChildProcess) => void;
}

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'scimc-test-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1', SCIM_TOKEN: undefined, ...options.env }))
    if (v !== undefined) env[k] = v;
  const withOut =
    args.includes('--out-dir') ||
    args[0] === 'serve' ||
    args[0] === 'cleanup' ||
    args[0] === 'profile' ||
    args[0] === 'explain'
      ? args
      : [...args, '--out-dir', outDir];
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...withOut], { cwd: ROOT, env });
    options.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const file = join(outDir, 'results.json');
      const results = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunResult) : undefined;
      resolvePromise({ code, stdout, stderr, outDir, results, ms: Date.now() - started });
    });
  });
}

/** A failed judgement, blocking (failed) or not (warning: below --fail-on, or known from --baseline). */
export function failedJudgement(test: { status: string }): boolean {
  return test.status === 'failed' || test.status === 'warning';
}

/** Names of the tests of a run whose judgement failed (blocking or warning), sorted. */
export function failedNames(results: RunResult | undefined): string[] {
  return (results?.tests ?? [])
    .filter(failedJudgement)
    .map((t) => t.name)
    .sort();
}
