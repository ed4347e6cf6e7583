// Issue 16 item 5: a run writes its temporary files (vite's and vitest's cache) into a private directory made
// with mkdtemp and removes it at the end: nothing at a fixed path in $TMPDIR, where a symlink could be planted.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

it('leaves nothing in TMPDIR, and uses no fixed path there', async () => {
  const t = await startTarget();
  closers.push(t.close);
  const tmp = mkdtempSync(join(tmpdir(), 'scimc-tmpdir-'));
  const out = mkdtempSync(join(tmpdir(), 'scimc-out-'));
  const run = await runCli(['--url', t.url, '--reporter', 'json', '--suite', 'discovery'], {
    env: { SCIM_TOKEN: TEST_TOKEN, TMPDIR: tmp },
    outDir: out,
  });
  expect(run.results, run.stderr).toBeDefined();
  expect(readdirSync(tmp)).toEqual([]);
}, 60_000);
