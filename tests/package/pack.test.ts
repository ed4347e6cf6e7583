// The published package works on its own: `npm pack`, install the tarball into an empty folder, and its
// `scim-conformance --demo` runs the suites (from node_modules, TypeScript transformed by vitest) to a pass.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('npm pack → install → scim-conformance --demo', () => {
  it('runs green from an installed tarball', () => {
    const work = mkdtempSync(join(tmpdir(), 'scimc-pack-'));
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
    const tarball = join(work, packed);
    expect(existsSync(tarball)).toBe(true);

    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: app, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);

    const run = spawnSync(join(app, 'node_modules', '.bin', 'scim-conformance'), ['--demo', '--reporter', 'json', '--out-dir', join(app, 'out')], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(app, 'out', 'results.json'), 'utf8')) as { summary: { total: number; failed: number } };
    expect(results.summary.total).toBeGreaterThan(50);
    expect(results.summary.failed).toBe(0);

    // The library API for vitest users resolves through package "exports" (issue 17).
    const harness = spawnSync(process.execPath, ['--input-type=module', '-e',
      "const h = await import('scim-conformance/harness'); console.log([typeof h.behaviour, typeof h.status, typeof h.userName].join(','))"], { cwd: app, encoding: 'utf8' });
    expect(harness.status, harness.stderr).toBe(0);
    expect(harness.stdout.trim()).toBe('function,function,function');
  }, 300_000);
});
