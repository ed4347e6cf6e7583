#!/usr/bin/env node
// Part of `npm run build` (after tsc): bundles what the suites import (`#harness`: the harness, generators, checks,
// client, catalog and fast-check) into one module, dist/src/harness/bundle.js, which package.json's `#harness`
// resolves to at run time. Why: in the run's worker, vitest resolves every import through a module hook on another
// thread and reports each module to the main thread; ~160 small modules cost ~80 ms before the first test could
// start. The suites stay separate files (a run imports only the selected ones); vitest stays external.
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtins = new Set(builtinModules);
const bundle = await rolldown({
  input: join(root, 'dist', 'src', 'harness', 'index.js'),
  platform: 'node',
  logLevel: 'warn',
  // vitest must be the worker's own instance; the precompiled validators are loaded by path (src/schemas/registry.ts);
  // jsonc-parser's main file is UMD, whose require() calls a bundle cannot follow (Node imports it as it is).
  external: (id) =>
    id.startsWith('node:') ||
    builtins.has(id) ||
    /^vitest(\/|$)/.test(id) ||
    id === 'jsonc-parser' ||
    id.endsWith('validators.cjs'),
});
const out = join(root, 'dist', 'src', 'harness', 'bundle.js');
await bundle.write({ file: out, format: 'esm' });
await bundle.close();
console.log(`bundle-harness: ${out.slice(root.length + 1)}`);
