// PATCH equals the model (catalog P-04, P-05, P-08, P-09, P-13): random PATCHes in both Entra dialects, applied to the
// target and to an independent model of RFC 7644 §3.5.2 (src/generators/model/patch-model.ts); GET must equal the
// model. A PATCH the app refuses with 400 must change nothing (atomic, P-17). Two hand-picked PATCHes run first, one
// per dialect, on a user holding every profile attribute: Entra's default (Replace, Add to a filtered element, Remove,
// active "False") and the flag dialect (one path-less replace of every plain, dotted and URN attribute, active false).
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
  exampleUser,
  exampleAttributeValue,
  generatedTargets,
  parseTargetPath,
} from '#harness';
import type { GeneratedPatch, GeneratedUser, MarkedConstraints, PropertyExample, PropertyRun } from '#harness';

type Profile = PropertyRun['profile'];

/** The two hand-picked PATCHes, each on its own user with every attribute of the profile set. */
function patchExamples(
  marked: MarkedConstraints,
  profile: Profile,
): Array<PropertyExample<[GeneratedUser, GeneratedPatch]>> {
  const targets = generatedTargets(profile);
  const plain = targets.filter((t) => !parseTargetPath(t).filter);
  const filtered = targets.filter((t) => parseTargetPath(t).filter);
  const value = (target: string, index: number) => exampleAttributeValue(target, profile, marked, index);
  const user = (local: string) => exampleUser({ ...marked, profile, local, attributes: true });
  const byDefault: Array<Record<string, unknown>> = [
    ...plain.slice(0, 1).map((path) => ({ op: 'Replace', path, value: value(path, 3) })),
    ...filtered.slice(0, 1).map((path) => ({ op: 'Add', path, value: value(path, 5) })),
    ...plain.slice(1, 2).map((path) => ({ op: 'Remove', path })),
    { op: 'Replace', path: 'active', value: 'False' },
  ];
  const byFlag: Array<Record<string, unknown>> = [
    ...(plain.length > 0 ? [{ op: 'replace', value: Object.fromEntries(plain.map((p) => [p, value(p, 2)])) }] : []),
    ...filtered.slice(-1).map((path) => ({ op: 'add', path, value: value(path, 6) })),
    { op: 'replace', path: 'active', value: false },
  ];
  return [
    {
      name: 'Entra\'s default dialect: Replace, Add to a filtered element, Remove, active "False"',
      values: [user('patch1'), { dialect: 'default', operations: byDefault }],
    },
    {
      name: 'the flag dialect: one path-less replace of every plain, dotted and URN attribute, active false',
      values: [user('patch2'), { dialect: 'flag', operations: byFlag }],
    },
  ];
}

property(
  'P-04',
  'property: a generated PATCH leaves the user exactly as the RFC 7644 model says',
  {
    label: 'pa',
    runsFactor: 0.6,
    examples: ({ target, profile, label }) => patchExamples({ runId: target.runId, label }, profile),
  },
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
