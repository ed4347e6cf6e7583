/**
 * action.yml (issue 17): the composite action's steps run here as GitHub would run them, with the inputs
 * substituted, against the reference server. The install step (npm ci && npm run build in the action's checkout)
 * is what `npm test` has already done in this checkout, so it is checked for shape and not rerun.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { startTarget } from '../helpers/target-server.js';

interface Step {
  name: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { required?: boolean; default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/** ${{ inputs.x }} and ${{ github.action_path }} as the runner substitutes them. */
function substitute(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(inputs\.([\w-]+)|github\.action_path)\s*\}\}/g, (_m, _all: string, name?: string) =>
    name ? (inputs[name] ?? '') : ROOT,
  );
}

describe('action.yml', () => {
  let target: Awaited<ReturnType<typeof startTarget>>;
  beforeAll(async () => {
    target = await startTarget();
  });
  afterAll(() => target?.close());

  it('is a composite action with the inputs url, token, profile, fail-on, args and an install step from its own checkout', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['url', 'token', 'profile', 'fail-on', 'args']));
    const install = action.runs.steps[0]!;
    expect(install['working-directory']).toBe('${{ github.action_path }}');
    expect(install.run).toContain('npm ci');
    // No input is pasted into a script: they arrive as environment variables.
    for (const step of action.runs.steps) expect(step.run).not.toMatch(/\$\{\{\s*inputs\./);
  });

  it('its run step passes against the reference server, writes the reports and the job summary, and never prints the token', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'action-'));
    const summary = join(outDir, 'step-summary.md');
    writeFileSync(summary, '');
    const inputs: Record<string, string> = {
      url: target.url,
      token: target.token,
      profile: 'entra-default',
      'fail-on': 'required',
      args: '--suite discovery,auth --seed 5',
      'out-dir': join(outDir, 'reports'),
    };
    const step = action.runs.steps[1]!;
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_STEP_SUMMARY: summary, CI: 'true' };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = substitute(value, inputs);
    // Asynchronously: the target server runs in this process and must keep answering while the step runs.
    const run = await promisify(execFile)('bash', ['--noprofile', '--norc', '-e', '-c', step.run], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stdout + run.stderr).not.toContain(target.token);
    for (const file of ['junit.xml', 'report.html', 'results.json', 'summary.md'])
      expect(readFileSync(join(outDir, 'reports', file), 'utf8').length).toBeGreaterThan(0);
    expect(readFileSync(summary, 'utf8')).toMatch(/^## .+ scim-conformance: /);
  }, 150_000);
});
