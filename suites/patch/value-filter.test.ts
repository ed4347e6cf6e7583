// Value-filter paths (catalog P-08…P-10): Entra writes multi-valued attributes through paths such as
// emails[type eq "work"].value — to elements that may not exist yet, several sub-attributes of one element in one
// request, and with the capitalised sub-attribute names of Microsoft's mapping table.
// Shared users (issue 19, src/harness/shared-writes.ts), one test at a time: the P-08 tests that need a user without
// e-mails keep creating their own, and each hands its user on to the tests after it that need an element missing
// (a mobile phone, a work address); the P-10 batches replace values on one user that holds all of them.
import {
  behaviour,
  verify,
  fail,
  status,
  expectThat,
  show,
  getUserOk,
  patchUserOk,
  storedValue,
  matchingElements,
  setInCreateBody,
  patchBody,
  profileValue,
  refusedAlone,
  withExamples,
  writeUser,
  WrittenUserSlot,
  collectedProfile,
} from '#harness';
import type { BehaviourContext, Names } from '#harness';

type Json = Record<string, unknown>;

/** Every value-filter target of Microsoft's default mapping and role mappings (catalog P-10), role paths excluded. */
const CATALOG_PATHS = [
  'emails[type eq "work"].value',
  'emails[type eq "other"].value',
  'phoneNumbers[type eq "work"].value',
  'phoneNumbers[type eq "mobile"].value',
  'phoneNumbers[type eq "fax"].value',
  'addresses[type eq "work"].streetAddress',
  'addresses[type eq "work"].locality',
  'addresses[type eq "work"].region',
  'addresses[type eq "work"].postalCode',
  'addresses[type eq "work"].country',
  'addresses[type eq "work"].formatted',
  'addresses[type eq "other"].formatted',
];

/** Example data in its attribute's format, unique to the test and derived from the run seed (src/entra/values.ts). */
const sampleValue = (path: string, variant: 'a' | 'b', names: Names) =>
  profileValue({ target: path, type: 'string' }, names, variant);

/** The profile's value-filter targets (roles excluded: P-10's roles test). */
function valueFilterTargets(profile: BehaviourContext['profile']): string[] {
  return profile.users.mappings.map((m) => m.target).filter((t) => t.includes('[') && !/^roles/i.test(t));
}

/** Old values at `paths` in a create body (example data from `names`). */
function oldValues(paths: string[], names: Names): Json {
  const extra: Json = {};
  for (const path of paths) setInCreateBody(extra, path, sampleValue(path, 'a', names));
  return extra;
}

/** The P-10 batches' shared user: an old value at every path of Microsoft's default mapping and of the profile. */
const batchPaths = [...new Set([...CATALOG_PATHS, ...valueFilterTargets(collectedProfile())])];
const batches = new WrittenUserSlot('patch value-filter batches', (names) => oldValues(batchPaths, names));

/**
 * Replaces the values at `paths` (a user holding old values there: the shared one, or one of its own) in one
 * default-mode PATCH, and reads them back.
 */
async function replaceAll(
  ctx: BehaviourContext,
  slot: WrittenUserSlot,
  paths: string[],
  writePath = (p: string) => p,
): Promise<void> {
  const { client, names, resources } = ctx;
  const ops = paths.map((path) => ({ op: 'Replace', path: writePath(path), value: sampleValue(path, 'b', names) }));
  // The shared user must hold a value at every path (Replace on a missing element is P-08's case), none the new one.
  const ready = (state: Json) =>
    paths.every((path, i) => storedValue(state, path) !== undefined && storedValue(state, path) !== ops[i]!.value);
  const extra = oldValues(paths, names);
  // The old values are example data: a 400 to them (and not to Entra's body) is inconclusive, not a failure.
  const own = () =>
    withExamples(ctx, { what: `old values of ${paths.join(', ')}`, attributes: extra }, () =>
      resources.createUser(extra),
    );
  await writeUser(resources, slot, { ready, own }, async (user) => {
    const response = await client.patch(`/Users/${user.id}`, patchBody(ops));
    if (status(200, 204)(response)) {
      const rejected = await refusedAlone(client, user.id, ops);
      fail(
        `the batched PATCH of ${ops.length} value-filter paths answered ${response.status}; sent alone, these are refused: ${rejected.join('; ') || 'none (only the batch fails)'}. Entra sends them together with every other change of the user — one refused path blocks the whole update, a disable included (P-17)`,
        {
          expected: '200 with the resource or 204',
          actual: `${response.status} ${response.text.slice(0, 300)}`,
          response,
        },
      );
    }
    const { response: after, user: stored } = await getUserOk(client, user.id);
    const wrong = ops
      .filter((o) => storedValue(stored, paths[ops.indexOf(o)]!) !== o.value)
      .map((o) => `${o.path}: sent ${show(o.value)}, got ${show(storedValue(stored, paths[ops.indexOf(o)]!))}`);
    expectThat(wrong.length === 0, `after Replace on ${ops.length} value-filter paths, ${wrong.join('; ')}`, {
      actual: wrong.join('\n'),
      response: after,
    });
    const duplicated = [...new Set(paths.map((p) => p.slice(0, p.indexOf(']') + 1)))].filter(
      (p) => matchingElements(stored, `${p}.value`).length > 1,
    );
    expectThat(
      duplicated.length === 0,
      `after the update there are several elements for ${duplicated.join(', ')}: ${show(duplicated.map((d) => matchingElements(stored, `${d}.value`)))}; type values must stay unique`,
      { response: after },
    );
    return stored;
  });
}

// Users without e-mails (P-08's first two tests create their own), handed on to the tests that need an element missing.
const noEmails = new WrittenUserSlot('patch value-filter a', () => ({}));
const otherEmail = new WrittenUserSlot('patch value-filter b', () => ({}));
const missing: Record<string, WrittenUserSlot> = {
  'phoneNumbers[type eq "mobile"].value': noEmails,
  'addresses[type eq "work"].streetAddress': otherEmail,
};

const noEmailsStart = noEmails.plan();
behaviour(
  'P-08',
  'Replace emails[type eq "work"].value on a user with no emails creates the work email',
  { tags: ['default-dialect'] },
  async (ctx) => {
    const { client, resources, names } = ctx;
    const own = () => resources.createUser({ emails: undefined });
    await writeUser(resources, noEmailsStart, { creates: true, own }, async (user) => {
      const value = names.email('updatedEmail');
      const examples = { what: 'work e-mail address', attributes: { emails: [{ type: 'work', value }] } };
      await withExamples(ctx, examples, () =>
        patchUserOk(client, user.id, [{ op: 'Replace', path: 'emails[type eq "work"].value', value }]),
      );
      const { response, user: stored } = await getUserOk(client, user.id);
      const works = matchingElements(stored, 'emails[type eq "work"].value');
      expectThat(
        works.length === 1 && works[0]!.value === value,
        `after Replace emails[type eq "work"].value on a user without emails, GET shows emails ${show(stored.emails)}; expected one element {"type":"work","value":"${value}"}. RFC 7644 §3.5.2.3 allows noTarget here, but Entra sends this Replace for a missing element and fails the user on every cycle (sourcegraph#49200, scim-for-keycloak#73)`,
        { response },
      );
      return stored;
    });
  },
);

const otherEmailStart = otherEmail.plan();
behaviour(
  'P-08',
  'Replace emails[type eq "work"].value on a user with only an "other" email adds a work email and keeps the other',
  { tags: ['default-dialect'] },
  async (ctx) => {
    const { client, resources, names } = ctx;
    const other = names.email('other');
    const own = () =>
      withExamples(
        ctx,
        { what: 'other e-mail address', attributes: { emails: [{ type: 'other', value: other }] } },
        () => resources.createUser({ emails: [{ type: 'other', value: other }] }),
      );
    await writeUser(resources, otherEmailStart, { creates: true, own }, async (user) => {
      const value = names.email('work');
      const examples = { what: 'work e-mail address', attributes: { emails: [{ type: 'work', value }] } };
      await withExamples(ctx, examples, () =>
        patchUserOk(client, user.id, [{ op: 'Replace', path: 'emails[type eq "work"].value', value }]),
      );
      const { response, user: stored } = await getUserOk(client, user.id);
      expectThat(
        storedValue(stored, 'emails[type eq "work"].value') === value &&
          storedValue(stored, 'emails[type eq "other"].value') === other,
        `GET shows emails ${show(stored.emails)}; expected the other email kept and a work email ${show(value)} added. RFC 7644 §3.5.2.3 allows noTarget here, but Entra sends this Replace for a missing element and fails the user on every cycle (sourcegraph#49200, scim-for-keycloak#73)`,
        { response },
      );
      return stored;
    });
  },
);

for (const path of ['phoneNumbers[type eq "mobile"].value', 'addresses[type eq "work"].streetAddress']) {
  const slot = missing[path]!.plan();
  behaviour(
    'P-08',
    `Replace ${path} on a user without that element creates it`,
    { tags: ['default-dialect'] },
    async (ctx) => {
      const { client, resources, names } = ctx;
      const value = sampleValue(path, 'b', names);
      const attributes: Record<string, unknown> = {};
      setInCreateBody(attributes, path, value);
      // The shared user must not have the element yet (the test before created e-mails only).
      const ready = (state: Json) => matchingElements(state, path).length === 0;
      await writeUser(resources, slot, { ready, own: () => resources.createUser() }, async (user) => {
        await withExamples(ctx, { what: `value ${JSON.stringify(value)} for ${path}`, attributes }, () =>
          patchUserOk(client, user.id, [{ op: 'Replace', path, value }]),
        );
        const { response, user: stored } = await getUserOk(client, user.id);
        const elements = matchingElements(stored, path);
        expectThat(
          elements.length === 1 && storedValue(stored, path) === value,
          `after Replace ${path} ${show(value)}, GET shows ${show(elements)}; expected one new element with that value. RFC 7644 §3.5.2.3 allows noTarget here, but Entra sends this Replace for a missing element and fails the user on every cycle (sourcegraph#49200, scim-for-keycloak#73)`,
          { response },
        );
        return stored;
      });
    },
  );
}

const buildSlot = noEmails.plan();
behaviour(
  'P-09',
  'three add operations on addresses[type eq "work"] sub-attributes build one work address',
  { tags: ['flag-dialect'] },
  async ({ client, resources }) => {
    // The shared user must have no work address (the one before added a mobile phone).
    const ready = (state: Json) => matchingElements(state, 'addresses[type eq "work"].formatted').length === 0;
    await writeUser(resources, buildSlot, { ready, own: () => resources.createUser() }, async (user) => {
      const patched = await client.patch(`/Users/${user.id}`, {
        // Operations before schemas, as in the captured request.
        Operations: [
          { op: 'add', path: 'addresses[type eq "work"].formatted', value: 'USZLTUSJXBYV' },
          { op: 'add', path: 'addresses[type eq "work"].locality', value: 'OSGODHEVDCVD' },
          { op: 'add', path: 'addresses[type eq "work"].region', value: 'YMVMOEMXAYGD' },
        ],
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      });
      verify(patched, status(200, 204));
      const { response, user: stored } = await getUserOk(client, user.id);
      const works = matchingElements(stored, 'addresses[type eq "work"].formatted');
      expectThat(
        works.length === 1,
        `after three adds to addresses[type eq "work"], GET shows ${works.length} work addresses: ${show(stored.addresses)}; expected exactly one. Entra re-patches half-filled duplicates every cycle`,
        { expected: '1 work address', actual: show(stored.addresses), response },
      );
      const w = works[0]!;
      expectThat(
        w.formatted === 'USZLTUSJXBYV' && w.locality === 'OSGODHEVDCVD' && w.region === 'YMVMOEMXAYGD',
        `the work address is ${show(w)}; expected formatted, locality and region all set`,
        { response },
      );
      return stored;
    });
  },
);

const profileSlot = batches.plan();
behaviour(
  'P-10',
  'Replace on every value-filter path the profile maps, batched as Entra sends it, stores each value',
  { tags: ['default-dialect'] },
  async (ctx) => {
    const { profile, skip } = ctx;
    const paths = valueFilterTargets(profile);
    if (paths.length === 0) skip(`profile ${profile.name} maps no value-filter path`);
    await replaceAll(ctx, profileSlot, paths);
  },
);

const catalogSlot = batches.plan();
behaviour(
  'P-10',
  "Replace on every value-filter path of Microsoft's default mapping (those the profile does not map too)",
  { level: 'recommended', tags: ['default-dialect'] },
  async (ctx) => {
    await replaceAll(ctx, catalogSlot, CATALOG_PATHS);
  },
);

const capitalSlot = batches.plan();
behaviour(
  'P-10',
  'capitalised sub-attributes from the mapping table (emails[type eq "work"].Value, addresses[type eq "other"].Formatted) are applied',
  { tags: ['default-dialect'] },
  async (ctx) => {
    const paths = ['emails[type eq "work"].value', 'addresses[type eq "other"].formatted'];
    await replaceAll(ctx, capitalSlot, paths, (p) =>
      p.replace(/\.value$/, '.Value').replace(/\.formatted$/, '.Formatted'),
    );
  },
);

behaviour(
  'P-10',
  'Replace roles[primary eq "True"].display (string "True" against a boolean primary) updates the primary role',
  { tags: ['default-dialect'] },
  async ({ client, resources, profile, skip }) => {
    if (!profile.users.mappings.some((m) => /^roles/i.test(m.target))) skip(`profile ${profile.name} maps no roles`);
    const user = await resources.createUser({
      roles: [{ primary: true, type: 'WindowsAzureActiveDirectoryRole', value: 'Admin', display: 'Admin' }],
    });
    await patchUserOk(client, user.id, [
      { op: 'Replace', path: 'roles[primary eq "True"].display', value: 'Administrator' },
    ]);
    const { response, user: stored } = await getUserOk(client, user.id);
    const primary = matchingElements(stored, 'roles[primary eq true].display');
    expectThat(
      primary.length === 1 && primary[0]!.display === 'Administrator' && primary[0]!.primary === true,
      `after Replace roles[primary eq "True"].display, GET shows roles ${show(stored.roles)}; expected one primary role (boolean true) with display "Administrator"`,
      { response },
    );
  },
);
