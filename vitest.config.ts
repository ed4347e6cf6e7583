// The project's OWN tests (tests/**). The conformance suites in suites/ get their configuration from
// src/runner/run.ts, never from this file.
//
// Two projects, run in this order by `npm test` (sequence.groupOrder):
// - unit: pure code in-process (checks, parsers, catalog, generators, reporters on fixtures, argument parsing, the
//   reference server's engine through supertest or a listener of its own). The inner loop: `npm run test:unit`,
//   under 30 s on 2 cores. `isolate: false`: the files share one module graph per worker instead of importing
//   src/ afresh each (45 s → 12 s on a loaded machine); a unit test therefore leaves no global state behind (msw
//   servers are closed in afterAll, no vi.mock).
// - e2e: everything that starts a process (the built CLI, `npm pack`, Chromium) or a whole conformance run against
//   the reference, fault and variant servers. Needs `npm run build` first.
// A test file belongs to one project: a file that would need both is split.
import { configDefaults, defineConfig } from 'vitest/config';

// `*.browser.test.ts` (the HTML report in Chromium) starts a browser: e2e, wherever it sits.
const UNIT = [
  'tests/unit/**/!(*.browser).test.ts',
  'tests/properties/generators.test.ts',
  'tests/properties/patch-model.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: UNIT, isolate: false, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...UNIT],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
