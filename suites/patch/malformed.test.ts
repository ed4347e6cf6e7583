// PatchOp bodies Entra never sends (catalog P-02): an unknown op, and a body without its `schemas`. RFC 7644 §3.5.2
// says the server MUST answer 400 and apply nothing; a server that guesses (one applies them as replace) changes
// data a client did not ask to change. Entra always sends a valid envelope, so these are RECOMMENDED (RFC only).
// Both write one shared user, one at a time (issue 19, src/harness/shared-writes.ts): "changes nothing" is judged
// against displayName as the test before read it back.
import {
  behaviour,
  verify,
  status,
  expectThat,
  show,
  getUserOk,
  URN,
  writeUser,
  valueBefore,
  WrittenUserSlot,
  type ScimResponse,
} from '#harness';

const slot = new WrittenUserSlot('patch malformed', (names) => ({ displayName: names.text('Before') }));
const hasDisplayName = (state: Record<string, unknown>) => typeof state.displayName === 'string';

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

const mergeSlot = slot.plan();
behaviour(
  'P-02',
  'a PATCH with an unknown op ("Merge") answers 400 and changes nothing',
  { level: 'recommended' },
  async ({ client, resources, names }) => {
    const own = () => resources.createUser({ displayName: 'Before Merge' });
    await writeUser(resources, mergeSlot, { ready: hasDisplayName, own }, async (user) => {
      const before = valueBefore(user, 'displayName');
      const response = await client.patch(`/Users/${user.id}`, {
        schemas: [URN.PatchOp],
        Operations: [{ op: 'Merge', path: 'displayName', value: names.text('After Merge') }],
      });
      const { response: after, user: stored } = await getUserOk(client, user.id);
      expectThat(
        stored.displayName === before,
        `after PATCH op "Merge" (answered ${response.status}), GET shows displayName ${show(stored.displayName)} (it was ${show(before)}); an unknown op must not be applied`,
        { response: after },
      );
      refusedAndNotApplied(response, 'PATCH with op "Merge"');
      return stored;
    });
  },
);

const schemalessSlot = slot.plan();
behaviour(
  'P-02',
  'a PatchOp body without "schemas" answers 400 and changes nothing',
  { level: 'recommended' },
  async ({ client, resources, names }) => {
    const own = () => resources.createUser({ displayName: 'Before Schemaless' });
    await writeUser(resources, schemalessSlot, { ready: hasDisplayName, own }, async (user) => {
      const before = valueBefore(user, 'displayName');
      const response = await client.patch(`/Users/${user.id}`, {
        Operations: [{ op: 'replace', path: 'displayName', value: names.text('After Schemaless') }],
      });
      const { response: after, user: stored } = await getUserOk(client, user.id);
      expectThat(
        stored.displayName === before,
        `after a PatchOp without schemas (answered ${response.status}), GET shows displayName ${show(stored.displayName)} (it was ${show(before)}); RFC 7644 §3.5.2 requires the PatchOp schema URN`,
        { response: after },
      );
      refusedAndNotApplied(response, 'PATCH without schemas');
      return stored;
    });
  },
);
