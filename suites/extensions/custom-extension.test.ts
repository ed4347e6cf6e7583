// Custom schema extensions as Entra sends them (catalog ). The extension under test is the profile's first
// User extension. When the profile declares none, a test URN is used:
//   urn:ietf:params:scim:schemas:extension:scimconformance:2.0:User, attribute costCenterCode.
// Decision for that undeclared URN: RFC 7643 §6 lets a resource type name the extensions it accepts
// (schemaExtensions), and RFC 7644 §3.12 gives invalidSyntax/invalidValue/invalidPath for requests that do not
// conform to the server's schema, so a server MAY reject an extension it never declared with a 400 SCIM error. It may
// also store it. It may ignore unknown data in a POST body, but a PATCH with an explicit path it does not know must
// not answer success without storing (RFC 7644 §3.5.2: invalidPath). Tests on the test URN are graded recommended.
import {
  createdId,
  behaviour,
  verify,
  status,
  errorStatus,
  expectThat,
  fail,
  show,
  entraUserBody,
  entraGroupBody,
  patchBody,
  memberCI,
  collectedProfile,
  skipUnlessGroups,
  matchGroups,
  readGroup,
  discoveryList,
  findSchema,
  schemaAttributes,
  type ScimClient,
  type ScimResponse,
} from '#harness';

const profileAtCollection = collectedProfile();
const declaredExtension = profileAtCollection.extensions.find((e) => e.resource === 'User');
const declaredAttribute = declaredExtension?.attributes.find(
  (a) => a.type === 'string' && !a.multiValued && a.returned !== 'never',
);
const declared = Boolean(declaredExtension && declaredAttribute);
const EXT = declared ? declaredExtension!.urn : 'urn:ietf:params:scim:schemas:extension:scimconformance:2.0:User';
const ATTR = declared ? declaredAttribute!.name : 'costCenterCode';
const level = declared ? undefined : ('recommended' as const);
const which = declared ? `the profile's ${EXT}:${ATTR}` : `the undeclared test extension ${EXT}:${ATTR}`;

async function storedExtensionValue(
  client: ScimClient,
  id: string,
): Promise<{ response: ScimResponse; value: unknown; schemas: unknown }> {
  const response = await client.get(`/Users/${id}`);
  verify(response, status(200));
  const body = response.json as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object')
    fail(`the user is not JSON: ${response.jsonError ?? 'not an object'}`, { response, expected: 'the User as JSON' });
  return { response, value: memberCI(memberCI(body, EXT), ATTR), schemas: body.schemas };
}

behaviour(
  'X-10',
  "the profile's custom extension follows Entra's naming (urn:ietf:params:scim:schemas:extension:<Name>:2.0:User) and /Schemas lists its attributes as single-valued simple",
  { tags: ['read-only'] },
  async ({ client, profile, skip }) => {
    if (profile.extensions.length === 0)
      skip(
        `profile ${profile.name} declares no custom extension; Entra only sends the custom attributes an admin adds to the mapping`,
      );
    const { response, resources } = await discoveryList(client, '/Schemas');
    for (const extension of profile.extensions) {
      expectThat(
        /^urn:ietf:params:scim:schemas:extension:[^:]+:2\.0:(User|Group)$/.test(extension.urn),
        `the extension URN ${extension.urn} does not have the form Entra's attribute editor documents`,
        {
          expected: `urn:ietf:params:scim:schemas:extension:<ExtensionName>:2.0:${extension.resource}`,
          actual: extension.urn,
          hint: 'Admins type <URN>:<attribute> into "Edit attribute list"; Entra then uses that name verbatim as the JSON key and PATCH path.',
        },
      );
      const attributes = schemaAttributes(findSchema(resources, extension.urn));
      for (const declaredAttr of extension.attributes) {
        const found = attributes.find((a) => a.name.toLowerCase() === declaredAttr.name.toLowerCase());
        expectThat(found, `/Schemas has no attribute ${extension.urn}:${declaredAttr.name}`, { response });
        expectThat(
          found.type !== 'complex' && (found.multiValued !== true || declaredAttr.multiValued),
          `${extension.urn}:${declaredAttr.name} is declared ${show({ type: found.type, multiValued: found.multiValued })}; custom attributes of non-gallery apps must be single-valued and simple`,
          { response },
        );
      }
    }
  },
);

behaviour(
  'X-11',
  `POST /Users carrying ${which} without its URN in schemas answers 201 and stores the value`,
  { ...(level ? { level } : {}) },
  async ({ client, resources, names }) => {
    const userName = names.userName('ext');
    const value = `cc-${names.externalId().slice(-6)}`;
    const body = entraUserBody(userName, names.externalId(), { [EXT]: { [ATTR]: value } });
    const response = await client.post('/Users', body);
    const id = (response.json as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string' && response.status < 300) resources.track('User', id, userName);
    if (!declared && response.status === 400) {
      verify(response, errorStatus(400));
      return; // RFC 7644 §3.12 allows refusing an extension the server never declared (see the file header).
    }
    const bad = status(201, 200)(response);
    if (bad)
      verify(response, () => ({
        ...bad,
        message: `POST /Users with an extension object whose URN is not in schemas: ${bad.message}`,
        hint: 'Entra does not list custom extension URNs in schemas (Microsoft documents it); rejecting the body fails every user with custom attributes (M-14).',
      }));
    const stored = await storedExtensionValue(client, createdId(response, `POST /Users with ${EXT}`));
    if (!declared && stored.value === undefined) return; // an undeclared extension may be ignored on create
    expectThat(
      stored.value === value,
      `after POST with ${EXT}:{"${ATTR}":"${value}"}, GET shows ${show(stored.value)}`,
      { response: stored.response, expected: value, actual: show(stored.value) },
    );
  },
);

behaviour(
  'X-11',
  `a user carrying ${which} lists the extension URN in schemas on responses`,
  { level: 'recommended' },
  async ({ client, resources, names, skip }) => {
    // Recommended (catalog §0.1 ): RFC 7643 §3 asks for it; Entra does not read schemas.
    const user = await resources.createUser({ [EXT]: { [ATTR]: `cc-${names.externalId().slice(-6)}` } });
    const stored = await storedExtensionValue(client, user.id);
    if (stored.value === undefined)
      skip(
        `the server does not keep ${EXT}:${ATTR} (judged by the X-11 test above), so there is no extension data whose URN it should list`,
      );
    expectThat(
      Array.isArray(stored.schemas) && (stored.schemas as string[]).some((s) => s.toLowerCase() === EXT.toLowerCase()),
      `the stored user carries ${EXT} data but schemas is ${show(stored.schemas)}; list the extension URN on responses (RFC 7643 §3)`,
      { response: stored.response },
    );
  },
);

for (const dialect of ['default', 'flag'] as const) {
  behaviour(
    'X-12',
    `PATCH ${which} (${dialect === 'default' ? 'Add then Replace with the URN path' : 'path-less replace with the URN key'}) stores the value`,
    { tags: [`${dialect}-dialect`], ...(level ? { level } : {}) },
    async ({ client, resources }) => {
      const user = await resources.createUser();
      const path = `${EXT}:${ATTR}`;
      const steps: Array<[string, Record<string, unknown>]> =
        dialect === 'default'
          ? [
              ['first', { op: 'Add', path, value: 'first' }],
              ['second', { op: 'Replace', path, value: 'second' }],
            ]
          : [['third', { op: 'replace', value: { [path]: 'third', displayName: 'Ext Flag' } }]];
      for (const [value, operation] of steps) {
        const response = await client.patch(`/Users/${user.id}`, patchBody([operation]));
        if (!declared && response.status === 400) {
          verify(response, errorStatus(400));
          return; // refusing a path in an undeclared extension is allowed (see the file header)
        }
        verify(response, status(200, 204));
        const stored = await storedExtensionValue(client, user.id);
        expectThat(
          stored.value === value,
          `after ${show(operation, 200)} answered ${response.status}, GET shows ${EXT}:${ATTR} = ${show(stored.value)}; expected ${show(value)}`,
          {
            response: stored.response,
            expected: value,
            actual: show(stored.value),
            hint: 'Entra uses the mapped name verbatim as the PATCH path (and as a URN key in flag-mode path-less replaces); a success without storing is permanent silent drift (M-04).',
          },
        );
      }
    },
  );
}

// X-13 (legacy dot notation, `urn:…:enterprise:2.0:User.department`) has no test: the catalog accepts every answer
// (tolerant mapping or 400 invalidPath) and src/catalog/unobservable.ts lists it, so a test could never fail.

behaviour(
  'X-14',
  "POST /Groups listing Microsoft's ADSCIM group URN next to the core URN is accepted, and the group is usable",
  async ({ client, resources, names, profile, skip }) => {
    skipUnlessGroups(profile, skip);
    const displayName = names.groupName('adscim');
    const body = entraGroupBody(displayName, names.externalId());
    const response = await client.post('/Groups', body);
    const id = (response.json as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') resources.track('Group', id, displayName);
    const bad = status(201, 200)(response);
    if (bad)
      fail(`POST /Groups with schemas ${show(body.schemas)}: ${bad.message}`, {
        response,
        expected: '201 (accept and ignore the undefined ADSCIM URN)',
        actual: String(response.status),
        hint: 'Every group create from Entra lists http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group; strict schema validation breaks all group provisioning (M-14).',
      });
    await readGroup(client, createdId(response, 'POST /Groups with the ADSCIM URN'));
    const found = await matchGroups(client, 'displayName', displayName, {});
    expectThat(
      found.resources.length === 1 && found.resources[0]!.id === id,
      `filter displayName eq "${displayName}" finds ${show(found.resources.map((g) => g.id))}; expected ${String(id)}`,
      { response: found.response },
    );
  },
);
