#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on install and pack), and its
// main-thread code bundled into dist/src/cli-bundle/ (scripts/bundle-cli.mjs: fewer modules to load at start-up).
import { statSync } from 'node:fs';

// Signals are honoured from here on: one that arrives while the CLI loads is kept and handed to main(), which
// stops the run as it would later (issue 16 item 3), instead of Node ending the process with no reports.
const pending = [];
const early = (signal) => pending.push(signal);
process.on('SIGINT', early);
process.on('SIGTERM', early);
const release = () => {
  process.off('SIGINT', early);
  process.off('SIGTERM', early);
  return pending;
};
// The bundle, unless tsc compiled again after it was made (`tsc -p tsconfig.build.json` without the rest of
// `npm run build`): then the modules tsc wrote, so that a change is never run from a stale bundle.
const modified = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = modified('../dist/src/cli-bundle/main.js');
const fresh = bundled !== undefined && !(modified('../dist/.tsbuildinfo') > bundled);
import(fresh ? '../dist/src/cli-bundle/main.js' : '../dist/src/cli/main.js')
  .then((m) => m.main(process.argv.slice(2), release))
  .catch((error) => {
    // Only reached if dist/ is missing or the CLI failed to load; main() handles every error itself.
    process.stderr.write(
      `scim-conformance: failed to start: ${error && error.message ? error.message : error}. Run "npm run build" in the package folder.\n`,
    );
    process.exit(4);
  });
