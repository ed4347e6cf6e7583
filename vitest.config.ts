// The project's OWN tests (tests/**). The conformance suites in suites/ get their configuration from
// src/runner/run.ts, never from this file.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
