#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on install and pack).
import('../dist/src/cli/main.js').then((m) => m.main(process.argv.slice(2))).catch((error) => {
  // Only reached if dist/ is missing or the CLI failed to load; main() handles every error itself.
  process.stderr.write(`scim-conformance: failed to start: ${error && error.message ? error.message : error}. Run "npm run build" in the package folder.\n`);
  process.exit(4);
});
