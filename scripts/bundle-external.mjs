// What the build's bundles (scripts/bundle-*.mjs) leave to Node at run time: Node's own modules; vitest, which must
// be the run's one instance; jsonc-parser, whose main file is UMD (its require() calls cannot be followed by a
// bundle, Node imports it as it is); the precompiled validators, loaded by path (src/schemas/registry.ts).
import { builtinModules } from 'node:module';

const builtins = new Set(builtinModules);

/** True for a module id the bundles keep external (see above). */
export function runtimeExternal(id) {
  return (
    id.startsWith('node:') ||
    builtins.has(id) ||
    /^vitest(\/|$)/.test(id) ||
    id === 'jsonc-parser' ||
    id.endsWith('validators.cjs')
  );
}
