#!/usr/bin/env node
// The start-up floor of any run (bench section 2): a fresh Node process that starts vitest through its Node API with
// the run's settings (one thread worker, no isolation, native import) on a file with one empty test. Prints the
// epoch ms at which this process started; the test prints when its body ran.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.stdout.write(`PROCESS-START ${Math.round(performance.timeOrigin)}\n`);
const root = join(dirname(fileURLToPath(import.meta.url)), 'floor');
const { createVitest } = await import('vitest/node');
const vitest = await createVitest(
  'test',
  {
    root,
    config: false,
    watch: false,
    include: ['one.test.js'],
    pool: 'threads',
    maxWorkers: 1,
    isolate: false,
    reporters: [],
  },
  { logLevel: 'silent', test: { experimental: { viteModuleRunner: false, nodeLoader: false } } },
);
await vitest.start();
await vitest.close();
