#!/usr/bin/env node
// Part of `npm run build` (after tsc): bundles what the suites import (`#harness`: the harness, generators, checks,
// client, catalog and fast-check) into one module, dist/src/harness/bundle.js, which package.json's `#harness`
// resolves to at run time. Why: in the run's worker, vitest resolves every import through a module hook on another
// thread and reports each module to the main thread; ~160 small modules cost ~80 ms before the first test could
// start. The suites stay separate files (a run imports only the selected ones); vitest stays external.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { runtimeExternal } from './bundle-external.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = await rolldown({
  input: join(root, 'dist', 'src', 'harness', 'index.js'),
  platform: 'node',
  logLevel: 'warn',
  external: runtimeExternal,
});
const out = join(root, 'dist', 'src', 'harness', 'bundle.js');
await bundle.write({ file: out, format: 'esm' });
await bundle.close();
console.log(`bundle-harness: ${out.slice(root.length + 1)}`);
