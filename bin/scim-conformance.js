#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on install and pack), and its
// main-thread code bundled into dist/src/cli-bundle/ (scripts/bundle-cli.mjs: fewer modules to load at start-up).
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
import('../dist/src/cli-bundle/main.js')
  .then((m) => m.main(process.argv.slice(2), release))
  .catch((error) => {
    // Only reached if dist/ is missing or the CLI failed to load; main() handles every error itself.
    process.stderr.write(
      `scim-conformance: failed to start: ${error && error.message ? error.message : error}. Run "npm run build" in the package folder.\n`,
    );
    process.exit(4);
  });
