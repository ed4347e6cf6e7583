#!/usr/bin/env node
// Part of `npm run build` (after tsc): writes every compiled suite (dist/suites/**/*.test.js) into one module,
// dist/suites/bundle.js, whose `suites` maps a suite's name ("users/create") to a function that evaluates that suite,
// when called, as importing its file would (rolldown keeps each inlined dynamic import lazy). The run's worker
// (src/runner/suites-entry.ts) calls the selected ones inside their describe blocks. Why: the worker imports through
// the module hook vitest registers on Node 20 (module.register, a thread of its own): every suite file cost three
// round trips to that thread (resolve, load, and `#harness` from it), ~0.1 s before the first test could start
// (decisions/suite-phase-ratio.md "Session 5: start-up"). `#harness` and vitest stay external (one instance each).
// A suite compiled after this bundle (a file added or changed since) is imported from its own file instead.
import { readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'dist', 'suites');
const builtins = new Set(builtinModules);

function compiledSuites(at) {
  return readdirSync(at)
    .sort()
    .flatMap((entry) => {
      const full = join(at, entry);
      if (statSync(full).isDirectory()) return compiledSuites(full);
      return entry.endsWith('.test.js') ? [full] : [];
    });
}

const files = compiledSuites(dir);
const name = (file) =>
  relative(dir, file)
    .split(sep)
    .join('/')
    .replace(/\.test\.js$/, '');
const ENTRY = '\0suites-bundle-entry';
const source = `export const suites = {\n${files
  .map((file) => `  ${JSON.stringify(name(file))}: () => import(${JSON.stringify(file)}),`)
  .join('\n')}\n};\n`;
const bundle = await rolldown({
  input: ENTRY,
  platform: 'node',
  logLevel: 'warn',
  plugins: [
    {
      name: 'suites-entry',
      resolveId: (id) => (id === ENTRY ? id : undefined),
      load: (id) => (id === ENTRY ? source : undefined),
    },
  ],
  external: (id) => id.startsWith('#') || id.startsWith('node:') || builtins.has(id) || /^vitest(\/|$)/.test(id),
});
await bundle.write({ file: join(dir, 'bundle.js'), format: 'esm', codeSplitting: false });
await bundle.close();
console.log(`bundle-suites: ${files.length} suites -> dist/suites/bundle.js`);
