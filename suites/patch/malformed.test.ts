// PatchOp bodies Entra never sends (catalog P-02): an unknown op, and a body without its `schemas`. RFC 7644 §3.5.2
// says the server MUST answer 400 and apply nothing; a server that guesses (one applies them as replace) changes
// data a client did not ask to change. Entra always sends a valid envelope, so these are RECOMMENDED (RFC only).
import { behaviour, verify, status, expectThat, show, getUserOk, URN, type ScimResponse } from '#harness';

function refusedAndNotApplied(response: ScimResponse, what: string): void {
  verify(response, (r) => {
    const bad = status(400)(r);
    return bad
      ? {
          ...bad,
          message: `${what}: ${bad.message}`,
          hint: 'RFC 7644 §3.5.2: "If … a PATCH request is invalid, the server MUST return 400"; RFC 7644 §3.12 (invalidSyntax / invalidValue).',
        }
      : undefined;
  });
}

behaviour(
  'P-02',
  'a PATCH with an unknown op ("Merge") answers 400 and changes nothing',
  { level: 'recommended' },
  async ({ client, resources }) => {
    const user = await resources.createUser({ displayName: 'Before Merge' });
    const response = await client.patch(`/Users/${user.id}`, {
      schemas: [URN.PatchOp],
      Operations: [{ op: 'Merge', path: 'displayName', value: 'After Merge' }],
    });
    const { response: after, user: stored } = await getUserOk(client, user.id);
    expectThat(
      stored.displayName === 'Before Merge',
      `after PATCH op "Merge" (answered ${response.status}), GET shows displayName ${show(stored.displayName)}; an unknown op must not be applied`,
      { response: after },
    );
    refusedAndNotApplied(response, 'PATCH with op "Merge"');
  },
);

behaviour(
  'P-02',
  'a PatchOp body without "schemas" answers 400 and changes nothing',
  { level: 'recommended' },
  async ({ client, resources }) => {
    const user = await resources.createUser({ displayName: 'Before Schemaless' });
    const response = await client.patch(`/Users/${user.id}`, {
      Operations: [{ op: 'replace', path: 'displayName', value: 'After Schemaless' }],
    });
    const { response: after, user: stored } = await getUserOk(client, user.id);
    expectThat(
      stored.displayName === 'Before Schemaless',
      `after a PatchOp without schemas (answered ${response.status}), GET shows displayName ${show(stored.displayName)}; RFC 7644 §3.5.2 requires the PatchOp schema URN`,
      { response: after },
    );
    refusedAndNotApplied(response, 'PATCH without schemas');
  },
);
