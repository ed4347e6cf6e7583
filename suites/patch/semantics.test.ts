// What every PATCH answer must keep true (catalog P-13…P-18): string booleans coerced, the answers Entra accepts,
// a stable identity, 404 for unknown ids, one refused operation must not silently block a disable, empty requests.
// Two shared users (issue 19, src/harness/shared-writes.ts), each started by a test that judges its own create (the
// P-13 creates): the tests after it write the user one at a time, each judged against the user as the last one read
// it back. The disabling P-17 test takes its turn last and retires the user; P-17's batched update (it needs the
// profile's attributes in place) and P-13's PATCH (it needs a work e-mail that is not primary) keep their own users.
import {
  behaviour,
  verify,
  fail,
  expectThat,
  show,
  status,
  errorStatus,
  getUserOk,
  patchUserOk,
  patchAnswer,
  storedValue,
  setInCreateBody,
  matchingElements,
  memberCI,
  patchBody,
  profileValue,
  withExamples,
  sameUserName,
  refusedAlone,
  writeUser,
  valueBefore,
  WrittenUserSlot,
  type ScimClient,
} from '#harness';

type Json = Record<string, unknown>;

// Their bodies serve only when the test that starts them failed (the next test then creates the user).
const roles = new WrittenUserSlot('patch semantics roles', () => ({}));
const emails = new WrittenUserSlot('patch semantics emails', () => ({}));

/** GET the user for the next test's state, judging nothing: undefined (the user is retired) unless 200 with JSON. */
async function readQuietly(client: ScimClient, id: string): Promise<Json | undefined> {
  const response = await client.get(`/Users/${id}`);
  const body = response.json;
  return response.status === 200 && body && typeof body === 'object' && !Array.isArray(body)
    ? (body as Json)
    : undefined;
}

// Catalog §0.1 P-13: string primary in a create body is the validator's (Entra sends booleans there); the PATCH form
// with "True" is recommended.

const emailsStart = emails.plan();
behaviour(
  'P-13',
  'POST with emails primary "true" (string, validator default-attributes mode) stores the boolean true',
  { level: 'validator' },
  async ({ client, resources, names }) => {
    const userName = names.userName();
    const own = () => resources.createUser({ userName, emails: [{ primary: 'true', type: 'work', value: userName }] });
    await writeUser(resources, emailsStart, { creates: true, own }, async (user) => {
      const { response, user: stored } = await getUserOk(client, user.id);
      const primary = memberCI(matchingElements(stored, 'emails[type eq "work"].value')[0], 'primary');
      expectThat(
        primary === true,
        `emails[0].primary was sent as the string "true" and reads back as ${show(primary)}; expected the JSON boolean true — stored as a string, "primary eq true" no longer matches and the validator cascades`,
        { expected: 'true', actual: show(primary), response },
      );
      return stored;
    });
  },
);

const rolesStart = roles.plan();
behaviour(
  'P-13',
  'POST with roles primary "True" (string, as the validator sends it) answers 201 and returns a boolean primary',
  { level: 'validator' },
  async ({ client, resources }) => {
    const own = () =>
      resources.createUser({
        roles: [{ primary: 'True', type: 'WindowsAzureActiveDirectoryRole', display: 'Admin', value: 'Admin' }],
      });
    await writeUser(resources, rolesStart, { creates: true, own }, async (user) => {
      const { response, user: stored } = await getUserOk(client, user.id);
      const roles = memberCI(stored, 'roles');
      const primaries = Array.isArray(roles)
        ? roles.map((r) => memberCI(r, 'primary')).filter((p) => p !== undefined)
        : [];
      expectThat(
        primaries.every((p) => p === true),
        `roles[].primary sent as "True" reads back as ${show(primaries)}; always emit JSON booleans`,
        { response },
      );
      return stored;
    });
  },
);

behaviour(
  'P-13',
  'PATCH Replace emails[type eq "work"].primary "True" stores the boolean true',
  { level: 'recommended', tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const userName = names.userName();
    const user = await resources.createUser({ userName, emails: [{ type: 'work', value: userName }] });
    await patchUserOk(client, user.id, [{ op: 'Replace', path: 'emails[type eq "work"].primary', value: 'True' }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    const primary = storedValue(stored, 'emails[type eq "work"].primary');
    expectThat(
      primary === true,
      `after Replace emails[type eq "work"].primary "True", GET shows primary ${show(primary)}; expected the JSON boolean true`,
      { expected: 'true', actual: show(primary), response },
    );
  },
);

const idSlot = roles.plan();
behaviour('P-15', 'PATCH keeps the id: GET after a PATCH shows the same id', async ({ client, resources, names }) => {
  const value = names.text('Identity Check');
  await writeUser(resources, idSlot, { own: () => resources.createUser() }, async (user) => {
    await patchUserOk(client, user.id, [{ op: 'Replace', path: 'displayName', value }]);
    const { response, user: stored } = await getUserOk(client, user.id);
    expectThat(
      stored.id === user.id,
      `after PATCH, GET shows id ${show(stored.id)}; the id must never change (Entra caches it and would hit InvalidAnchor)`,
      { response },
    );
    return stored;
  });
});

const metaSlot = emails.plan();
behaviour(
  'P-15',
  'PATCH keeps meta.created, does not move meta.lastModified back, and a 200 body equals the following GET',
  { level: 'recommended' },
  async ({ client, resources, names }) => {
    // Recommended (catalog §0.1): Entra never reads meta, and the PATCH response need not carry the whole resource (DEV).
    const value = names.text('Identity Check');
    await writeUser(resources, metaSlot, { own: () => resources.createUser() }, async (user) => {
      const before = await getUserOk(client, user.id);
      const beforeMeta = (before.user.meta ?? {}) as Record<string, unknown>;
      const patched = await patchUserOk(client, user.id, [{ op: 'Replace', path: 'displayName', value }]);
      const { response, user: stored } = await getUserOk(client, user.id);
      const meta = (stored.meta ?? {}) as Record<string, unknown>;
      expectThat(
        meta.created === beforeMeta.created,
        `meta.created changed from ${show(beforeMeta.created)} to ${show(meta.created)}`,
        { response },
      );
      expectThat(
        !(Date.parse(String(meta.lastModified)) < Date.parse(String(beforeMeta.lastModified))),
        `meta.lastModified went from ${show(beforeMeta.lastModified)} to ${show(meta.lastModified)}; it must not move back`,
        { response },
      );
      if (patched.status === 200 && patched.json && typeof patched.json === 'object') {
        const canon = (v: unknown): string =>
          JSON.stringify(v, (_k, x) =>
            x && typeof x === 'object' && !Array.isArray(x)
              ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
              : x,
          );
        const returned = patched.json as Record<string, unknown>;
        const keys = [...new Set([...Object.keys(returned), ...Object.keys(stored)])].filter(
          (k) => canon(returned[k]) !== canon(stored[k]),
        );
        expectThat(
          keys.length === 0,
          `the PATCH response differs from the following GET in ${keys.map((k) => `${k} (PATCH ${show(returned[k], 80)}, GET ${show(stored[k], 80)})`).join('; ')}`,
          { response },
        );
      }
      return stored;
    });
  },
);

const emptySlot = roles.plan();
behaviour(
  'P-18',
  'PATCH with an empty Operations array answers 200/204 or 400 (invalidSyntax or invalidValue), never 500',
  async ({ client, resources }) => {
    // It judges that nothing changed: the shared user must be active, as created.
    const ready = (state: Json) => state.active === true;
    await writeUser(resources, emptySlot, { ready, own: () => resources.createUser() }, async (user) => {
      const response = await client.patch(`/Users/${user.id}`, patchBody([]));
      // Any 400 passes (catalog §0.1 P-18: invalidValue fits RFC 7644 Table 9 as well as invalidSyntax).
      verify(response, status(200, 204, 400));
      const { response: after, user: stored } = await getUserOk(client, user.id);
      expectThat(
        sameUserName(stored.userName, user.userName) && stored.active === true,
        `after an empty PATCH, GET shows ${show({ userName: stored.userName, active: stored.active })}; nothing should change`,
        { response: after },
      );
      return stored;
    });
  },
);

const answerSlot = roles.plan();
behaviour(
  'P-14',
  'a user PATCH answers 200 or 204 (either is accepted), never 201 or an error',
  { tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const value = names.text('Answer');
    await writeUser(resources, answerSlot, { own: () => resources.createUser() }, async (user) => {
      const response = await client.patch(`/Users/${user.id}`, patchBody([{ op: 'Replace', path: 'title', value }]));
      verify(response, status(200, 204));
      return readQuietly(client, user.id);
    });
  },
);

// Entra tolerates a 200 with an empty body (catalog M-23), so this half of P-14 is graded recommended.

const fullAnswerSlot = roles.plan();
behaviour(
  'P-14',
  'a 200 answer to a user PATCH carries the full updated resource, not an empty body',
  { level: 'recommended', tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const value = names.text('Answer');
    await writeUser(resources, fullAnswerSlot, { own: () => resources.createUser() }, async (user) => {
      const response = await client.patch(`/Users/${user.id}`, patchBody([{ op: 'Replace', path: 'title', value }]));
      verify(response, patchAnswer());
      if (response.status === 200) {
        const body = response.json as Record<string, unknown>;
        expectThat(
          body.title === value && sameUserName(body.userName, user.userName),
          `PATCH answered 200 with ${show(body)}; a 200 carries the full updated resource (title ${show(value)}, userName ${show(user.userName)})`,
          { response },
        );
      }
      return readQuietly(client, user.id);
    });
  },
);

behaviour('P-16', 'PATCH /Users/{unknown id} answers 404', { tags: ['default-dialect'] }, async ({ client, names }) => {
  const response = await client.patch(
    `/Users/${names.absent()}`,
    patchBody([{ op: 'Replace', path: 'displayName', value: 'Nobody' }]),
  );
  verify(response, errorStatus(404));
});

behaviour(
  'P-17',
  'Entra\'s batched update — every mapped attribute of the profile plus active "False" in one PATCH — is applied, disable included',
  { tags: ['default-dialect'] },
  async ({ client, resources, names, profile, skip, target }) => {
    const mapped = profile.users.mappings.filter(
      (m) => m.type !== 'reference' && m.type !== 'boolean' && m.target !== 'userName',
    );
    const ops: Array<{ op: string; path: string; value: unknown }> = [];
    const extra: Record<string, unknown> = {};
    for (const m of mapped) {
      // Example data in each attribute's format, from the run seed: created with variant a, replaced with b.
      const value = profileValue(m, names, 'b');
      ops.push({ op: 'Replace', path: m.target, value });
      if (m.target !== 'externalId') setInCreateBody(extra, m.target, profileValue(m, names, 'a'));
    }
    // The values the user is created with are example data: a 400 to them alone is inconclusive (incidental.ts).
    const user = await withExamples(
      { resources, skip, target },
      { what: 'values of the mapped attributes', attributes: extra },
      () => resources.createUser(extra),
    );
    const disables = profile.users.deprovision.includes('disable');
    const all = disables ? [...ops, { op: 'Replace', path: 'active', value: 'False' }] : ops;
    const response = await client.patch(`/Users/${user.id}`, patchBody(all));
    if (status(200, 204)(response)) {
      const refused = await refusedAlone(client, user.id, ops);
      fail(
        `the PATCH carrying every mapped attribute and active "False" answered ${response.status}, so the user was NOT disabled. ${refused.length ? `Refused on their own: ${refused.join('; ')}.` : 'Each operation alone is accepted; only the batch fails.'} Entra sends these together and retries the same failing request every cycle: the deprovisioned user stays active`,
        {
          expected: '200 or 204, every mapped attribute stored and active false',
          actual: `${response.status} ${response.text.slice(0, 300)}`,
          response,
          hint: 'Accept every attribute in your documented mapping, or tell admins to remove the mapping for attributes you do not store.',
        },
      );
    }
    const { response: after, user: stored } = await getUserOk(client, user.id);
    const wrong = ops
      .filter((o) => storedValue(stored, o.path) !== o.value)
      .map((o) => `${o.path}: sent ${show(o.value)}, got ${show(storedValue(stored, o.path))}`);
    expectThat(
      !disables || stored.active === false,
      `after the batched PATCH, GET shows active ${show(stored.active)}; the disable in the same request was not applied`,
      { response: after },
    );
    expectThat(
      wrong.length === 0,
      `the batched PATCH was accepted but mapped attributes did not read back: ${wrong.join('; ')}`,
      { actual: wrong.join('\n'), response: after },
    );
  },
);

const atomicSlot = roles.plan();
behaviour(
  'P-17',
  'a PATCH with one refused operation changes nothing (atomic); a disable in it is either fully applied or visibly refused',
  { level: 'recommended', tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const value = names.text('After');
    // On the shared user: active, as created (its title is whatever the last test left). It may end disabled, so
    // it takes the slot's last turn and retires the user.
    const ready = (state: Json) => state.active === true;
    const own = () => resources.createUser({ title: 'Before' });
    await writeUser(resources, atomicSlot, { ready, own, spoils: true }, async (user) => {
      const title = valueBefore(user, 'title');
      const ops = [
        { op: 'Replace', path: 'title', value },
        { op: 'Replace', path: 'scimcUnmappedAttribute.sub', value: 'x' },
        { op: 'Replace', path: 'active', value: 'False' },
      ];
      const response = await client.patch(`/Users/${user.id}`, patchBody(ops));
      expectThat(
        response.status < 500,
        `a PATCH with an unknown path answered ${response.status}; expected 200/204, or 400 invalidPath — never a server error`,
        { response },
      );
      const { response: after, user: stored } = await getUserOk(client, user.id);
      if (!status(200, 204)(response)) {
        expectThat(
          stored.title === value && stored.active === false,
          `the PATCH was accepted (${response.status}) but GET shows title ${show(stored.title)} and active ${show(stored.active)}; the accepted request must apply title and the disable`,
          { response: after },
        );
        return;
      }
      verify(response, errorStatus(400));
      const changed = [
        stored.title !== title ? `title is ${show(stored.title)} (was ${show(title)})` : '',
        stored.active !== true ? `active is ${show(stored.active)}` : '',
      ].filter(Boolean);
      expectThat(
        changed.length === 0,
        `the PATCH was refused with 400 but partly applied: ${changed.join(', ')}. RFC 7644 §3.5.2: if any operation fails, no change is made — and Entra, seeing the 400, resends the whole request while the server state has drifted`,
        { response: after },
      );
    });
  },
);
