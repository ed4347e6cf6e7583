#!/usr/bin/env node
// Part of `npm run build` (after tsc): bundles the CLI's main-thread code (src/cli, src/runner, the reporters, the
// reference server of --demo and `serve`, and their dependencies, zod among them) into dist/src/cli-bundle/, which
// bin/scim-conformance.js loads. Why: Node's ESM loader pays for every module it resolves, reads, compiles and links;
// the CLI loaded ~180 modules (95 of them zod's) before its first request, ~0.1 s of a run's start-up, all on the
// thread that must then load vitest (issue 19, decisions/suite-phase-ratio.md "Session 5: start-up"). The bundle keeps
// the dynamic imports (a run, cleanup, profile, explain, serve: each loads only its own chunks).
// External: vitest (the run's own instance), jsonc-parser (UMD, whose require() calls a bundle cannot follow), the
// precompiled validators (loaded by path), and src/runner/demo.js, which finds demo-worker.js next to itself.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { runtimeExternal } from './bundle-external.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'src', 'cli-bundle');
const bundle = await rolldown({
  input: { main: join(root, 'dist', 'src', 'cli', 'main.js') },
  platform: 'node',
  logLevel: 'warn',
  external: (id) => runtimeExternal(id) || id.endsWith(`${join('src', 'runner', 'demo.js')}`),
});
// Chunk names carry a content hash: chunks of an earlier build are removed first.
rmSync(out, { recursive: true, force: true });
await bundle.write({ dir: out, format: 'esm', chunkFileNames: '[name]-[hash].js' });
await bundle.close();
console.log(`bundle-cli: ${join('dist', 'src', 'cli-bundle', 'main.js')}`);
