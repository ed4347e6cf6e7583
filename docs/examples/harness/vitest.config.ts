// vitest configuration of the example (docs/harness.md). The endpoint and its token come from the environment, as
// in CI: SCIM_URL (e.g. http://127.0.0.1:3000/scim/v2) and SCIM_TOKEN.
import { defineConfig } from 'vitest/config';
import { harnessConfig } from 'scim-conformance/harness';

const url = process.env.SCIM_URL;
const token = process.env.SCIM_TOKEN;
if (!url || !token) throw new Error('set SCIM_URL and SCIM_TOKEN to point the tests at your SCIM endpoint');

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // What behaviour() needs: the target, the profile of mapped attributes, the run's seed (SEED=<n> sends the same
    // generated values again) and the tags it puts on tests.
    ...harnessConfig({
      url,
      token,
      profile: 'entra-default',
      ...(process.env.SEED ? { seed: Number(process.env.SEED) } : {}),
    }),
    testTimeout: 120_000,
  },
});
