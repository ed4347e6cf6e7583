/** Shared by the reporter tests: the sample run, and the rule for tests that need a system tool. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../../../src/model/result.js';
import { addReproductions } from '../../../src/runner/reproduce.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function sampleRun(): RunResult {
  const text = readFileSync(new URL('../../../fixtures/results/sample-run.json', import.meta.url), 'utf8');
  return JSON.parse(text) as RunResult;
}

/** The sample run with each failing test's rerun command, as a run's result assembly adds them. */
export function sampleRunWithReproductions(): RunResult {
  const run = sampleRun();
  addReproductions(run.tests, {
    url: run.target.url,
    demo: false,
    seed: run.seed,
    profile: run.profile.name,
    failOn: run.failOn,
  });
  return run;
}

/** Path of an executable on PATH (or an absolute path that exists), else undefined. */
export function findTool(name: string): string | undefined {
  if (name.startsWith('/')) return existsSync(name) ? name : undefined;
  try {
    const found = execFileSync('bash', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

/**
 * CI must run the checks that need a system tool (it installs them in .ci/run), so a missing tool fails
 * there; on a developer's machine the test is skipped with a reason in its name instead.
 */
export const IN_CI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
