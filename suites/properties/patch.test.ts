// PATCH equals the model (catalog P-04, P-05, P-08, P-09, P-13): random PATCHes in both Entra dialects, applied to the
// target and to an independent model of RFC 7644 §3.5.2 (src/generators/model/patch-model.ts); GET must equal the
// model. A PATCH the app refuses with 400 must change nothing (atomic, P-17).
import {
  property,
  userResource,
  patchOperations,
  applyPatchModel,
  fc,
  verify,
  status,
  getUserOk,
  patchBody,
  userDifferences,
  describeDifferences,
  fail,
} from '#harness';

property(
  'P-04',
  'property: a generated PATCH leaves the user exactly as the RFC 7644 model says',
  { label: 'pa' },
  ({ target, profile, label }) => [
    userResource({ runId: target.runId, label, profile }),
    patchOperations({ profile, marked: { runId: target.runId, label } }),
  ],
  async ({ client, resources, profile }, user, patch) => {
    const created = await client.post('/Users', user.body);
    const id = (created.json as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') resources.track('User', id, user.userName);
    fc.pre(created.status !== 400);
    verify(created, status(201, 200));
    const patched = await client.patch(`/Users/${id as string}`, patchBody(patch.operations));
    const refused = patched.status === 400;
    if (!refused) verify(patched, status(200, 204));
    const expected = refused
      ? user.body
      : applyPatchModel(
          user.body,
          patch.operations,
          profile.extensions.map((e) => e.urn),
        );
    const { response, user: stored } = await getUserOk(client, id as string);
    const targets = [
      ...new Set([
        ...Object.keys(user.attributes),
        ...patch.operations.flatMap((o) =>
          typeof o.path === 'string' ? [o.path] : Object.keys((o.value as object) ?? {}),
        ),
      ]),
    ];
    const differences = userDifferences(stored, expected, targets, profile);
    if (differences.length > 0)
      fail(
        `after the PATCH${refused ? ' (refused with 400, so nothing may change)' : ''}, GET differs from RFC 7644 semantics: ${describeDifferences(differences)}`,
        {
          response,
          expected: JSON.stringify(Object.fromEntries(differences.map((d) => [d.path, d.expected]))),
          actual: JSON.stringify(Object.fromEntries(differences.map((d) => [d.path, d.actual]))),
          hint: 'Apply operations in order, op names case-insensitively, "True"/"False" as booleans, dotted and URN keys of a path-less value as paths, and create the element a value-filter path names when none matches (catalog P-01, P-05, P-08, P-13).',
        },
      );
  },
);
