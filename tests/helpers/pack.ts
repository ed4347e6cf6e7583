/**
 * The package as a vendor gets it: `npm pack` of this checkout, installed into an empty project. Asynchronous, so
 * that a target server running in the test process keeps answering while npm works.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './cli.js';

const run = promisify(execFile);

/**
 * `npm pack` into a new temporary folder; returns the tarball's path. Packs dist/ as built (`npm run build` first,
 * as for every test that starts the CLI): --ignore-scripts keeps `prepare` from rebuilding dist/ while other test
 * files run the CLI from it.
 */
export async function packTarball(): Promise<string> {
  if (!existsSync(join(ROOT, 'dist', 'src', 'harness', 'bundle.js')))
    throw new Error('dist/ is not built: run "npm run build" first');
  const work = mkdtempSync(join(tmpdir(), 'scimc-pack-'));
  const { stdout } = await run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], {
    cwd: ROOT,
  });
  return join(work, stdout.trim().split('\n').pop()!);
}

/** An empty ES-module project in a new temporary folder with `packages` (tarballs or names) installed; returns it. */
export async function installIntoEmptyProject(packages: string[]): Promise<string> {
  const app = join(mkdtempSync(join(tmpdir(), 'scimc-consumer-')), 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packages], {
    cwd: app,
    timeout: 240_000,
  });
  return app;
}
