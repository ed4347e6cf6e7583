// An example of a vendor's own test written with scim-conformance's harness (docs/harness.md): before Entra creates
// a user it asks for them by `userName eq "…"` (catalog U-02/U-03), and a user it cannot find again is created twice
// or reported as a conflict. This test checks that OUR endpoint finds a user whose userName is unusual but valid:
// quotes, backslashes, `+`, apostrophes, any script and mixed case, drawn by the harness's userName generator.
import { describe } from 'vitest';
import {
  behaviour,
  verify,
  status,
  listResponse,
  resourcesOf,
  expectThat,
  show,
  eqFilter,
  userName,
  fc,
} from 'scim-conformance/harness';

describe('our endpoint finds every user Entra created, by the userName Entra sends', () => {
  behaviour(
    'U-03',
    'a user with a generated userName is found by userName eq, exactly once',
    async ({ client, resources, target }) => {
      // Three userNames from the generator; the run's seed picks them, so SEED=<n> sends the same ones again.
      const names = fc.sample(userName({ runId: target.runId, label: 'vendor' }), { numRuns: 3, seed: target.seed });
      for (const name of names) {
        // createUser posts Entra's body and deletes the user when the test ends, whatever the outcome.
        const user = await resources.createUser({ userName: name });
        const response = await client.get('/Users', { query: { filter: eqFilter('userName', name) } });
        verify(response, status(200), listResponse({ totalResults: 1 }));
        const found = resourcesOf(response.json);
        expectThat(
          found[0]?.id === user.id,
          `filter userName eq ${show(name)} found ${show(found.map((r) => r.id))}, expected the user ${user.id}`,
          { response },
        );
      }
    },
  );
});
