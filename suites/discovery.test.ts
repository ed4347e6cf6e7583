// Discovery endpoints (catalog D-10, D-11, D-12, X-15, X-16): not read by Entra's runtime for custom apps, but read
// by Microsoft's gallery onboarding (Schema_Discoverability_Test), the SCIM Validator's "Discover schema" mode and
// every other SCIM client.
import {
  behaviour,
  verify,
  status,
  matchesSchema,
  expectThat,
  fail,
  URN,
  show,
  discoveryList,
  expectEachValid,
  nullPaths,
  flattenedNames,
  normaliseTarget,
  mappedTargets,
  profileExtensions,
  findSchema,
  schemaAttributes,
  type SchemaAttribute,
} from '#harness';

behaviour(
  'D-10',
  'GET /Schemas is a ListResponse of valid schema resources: core User (and Group), the extensions the profile maps',
  { tags: ['read-only'] },
  async ({ client, profile }) => {
    const { response, resources } = await discoveryList(client, '/Schemas');
    const ids = resources.map((s) => String(s.id));
    const wanted = [
      URN.User,
      ...(profile.resources === 'users+groups' ? [URN.Group] : []),
      ...profileExtensions(profile).map((e) => e.urn),
    ];
    const missing = wanted.filter((urn) => !ids.some((id) => id.toLowerCase() === urn.toLowerCase()));
    expectThat(missing.length === 0, `/Schemas does not list ${show(missing, 300)} (it lists ${show(ids, 300)})`, {
      response,
      expected: show(wanted, 400),
      actual: show(ids, 400),
      hint: "Microsoft's gallery test fails group provisioning when /Schemas lacks the core Group schema, and reports every mapped attribute it cannot find.",
    });
    expectEachValid(response, resources, URN.Schema, '/Schemas');
  },
);

behaviour(
  'D-10',
  '/Schemas uses camelCase characteristic values and no null values',
  { tags: ['read-only'] },
  async ({ client }) => {
    const { response, resources } = await discoveryList(client, '/Schemas');
    const nulls = nullPaths(response.json);
    expectThat(
      nulls.length === 0,
      `/Schemas contains null values at ${show(nulls.slice(0, 8), 300)}; omit unassigned characteristics instead`,
      {
        response,
        expected: 'no null values (RFC 7643 §2.5)',
        actual: show(nulls.slice(0, 20), 400),
        hint: "Entra's schema discovery and the validator deserialise /Schemas strictly; nulls in characteristics break the import.",
      },
    );
    const allowed: Record<string, string[]> = {
      mutability: ['readOnly', 'readWrite', 'immutable', 'writeOnly'],
      returned: ['always', 'never', 'default', 'request'],
      uniqueness: ['none', 'server', 'global'],
      type: ['string', 'boolean', 'decimal', 'integer', 'dateTime', 'reference', 'complex', 'binary'],
    };
    const wrong: string[] = [];
    const walk = (schemaId: string, attributes: SchemaAttribute[], prefix: string) => {
      for (const a of attributes) {
        for (const [key, values] of Object.entries(allowed)) {
          const v = (a as unknown as Record<string, unknown>)[key];
          if (v !== undefined && !values.includes(String(v)))
            wrong.push(`${schemaId} ${prefix}${a.name}.${key} = ${show(v)}`);
        }
        if (Array.isArray(a.subAttributes)) walk(schemaId, a.subAttributes, `${prefix}${a.name}.`);
      }
    };
    for (const schema of resources) walk(String(schema.id), schemaAttributes(schema), '');
    expectThat(
      wrong.length === 0,
      `${wrong.length} characteristic value(s) are not the RFC 7643 §7 camelCase keywords: ${show(wrong.slice(0, 5), 400)}`,
      {
        response,
        expected:
          'mutability readOnly|readWrite|immutable|writeOnly, returned always|never|default|request, uniqueness none|server|global, type as in RFC 7643 §2.3',
        actual: show(wrong.slice(0, 20), 600),
      },
    );
  },
);

behaviour(
  'D-11',
  "every attribute the profile maps is discoverable under the name Entra's gallery test derives from /Schemas (canonicalValues on type)",
  { tags: ['read-only'] },
  async ({ client, profile }) => {
    const { response, resources } = await discoveryList(client, '/Schemas');
    const names = flattenedNames(resources);
    // id, externalId and meta are RFC 7643 §3.1 common attributes, "not part of any schema"; servers MAY list them.
    // How the gallery test treats them is not traced (catalog §8.8), so they count as discoverable.
    for (const common of ['id', 'externalid', 'meta']) names.add(common);
    const missing = mappedTargets(profile).filter((m) => !names.has(normaliseTarget(m.target)));
    if (missing.length === 0) return;
    const valueFilters = missing.filter((m) => /\[type eq /i.test(m.target));
    fail(
      `${missing.length} mapped attribute(s) cannot be found in /Schemas the way Microsoft's gallery test flattens it: ${show(
        missing.map((m) => m.target),
        500,
      )}`,
      {
        response,
        expected: show(
          missing.map((m) => m.target),
          800,
        ),
        actual: `${names.size} flattened names, e.g. ${show([...names].slice(0, 12), 400)}`,
        hint:
          valueFilters.length > 0
            ? 'Declare canonicalValues on the type sub-attribute of emails, phoneNumbers and addresses (e.g. "work", "other", "mobile", "fax") so that attr[type eq "work"].value is derived; without them the gallery test only knows attr[primary eq "True"].sub.'
            : 'List every mapped attribute, with its sub-attributes, in /Schemas.',
      },
    );
  },
);

behaviour(
  'D-12',
  'GET /ServiceProviderConfig is valid and advertises PATCH, filter (with maxResults), bulk and bearer authentication',
  { tags: ['read-only'] },
  async ({ client }) => {
    const response = await client.get('/ServiceProviderConfig');
    verify(response, status(200), matchesSchema(URN.ServiceProviderConfig, 'ServiceProviderConfig'));
    const config = response.json as Record<string, Record<string, unknown> | unknown[] | undefined>;
    const patch = config.patch as Record<string, unknown> | undefined;
    const filter = config.filter as Record<string, unknown> | undefined;
    const bulk = config.bulk as Record<string, unknown> | undefined;
    expectThat(
      patch?.supported === true,
      `patch.supported is ${show(patch?.supported)}; Entra updates users and groups only with PATCH (G-22)`,
      { response, expected: 'patch.supported: true', actual: show(patch) },
    );
    expectThat(
      filter?.supported === true && Number.isInteger(filter.maxResults),
      `filter is ${show(filter)}; expected supported: true and an integer maxResults`,
      { response, expected: '"filter":{"supported":true,"maxResults":<n>}', actual: show(filter) },
    );
    expectThat(
      typeof bulk?.supported === 'boolean',
      `bulk.supported is ${show(bulk?.supported)}; state it accurately (false is fine: Entra never uses /Bulk)`,
      { response, actual: show(bulk) },
    );
    const schemes = Array.isArray(config.authenticationSchemes)
      ? (config.authenticationSchemes as Array<Record<string, unknown>>)
      : [];
    expectThat(
      schemes.some((s) => String(s.type).toLowerCase() === 'oauthbearertoken'),
      `authenticationSchemes lists ${show(schemes.map((s) => s.type))}; expected an "oauthbearertoken" scheme (Entra sends Authorization: Bearer)`,
      { response, expected: 'type "oauthbearertoken"' },
    );
  },
);

behaviour(
  'D-12',
  'GET /ResourceTypes lists valid User (at /Users, core User schema) and Group (at /Groups) resource types',
  { tags: ['read-only'] },
  async ({ client, profile }) => {
    const { response, resources: types } = await discoveryList(client, '/ResourceTypes');
    expectEachValid(response, types, URN.ResourceType, '/ResourceTypes');
    const listed = show(types.map((t) => `${t.name}:${t.endpoint}`));
    const user = types.find((t) => t.name === 'User');
    expectThat(
      user && user.endpoint === '/Users' && user.schema === URN.User,
      `no ResourceType "User" with endpoint "/Users" and schema ${URN.User} (got ${listed})`,
      { response },
    );
    if (profile.resources === 'users+groups') {
      const group = types.find((t) => t.name === 'Group');
      expectThat(
        group && group.endpoint === '/Groups' && group.schema === URN.Group,
        `no ResourceType "Group" with endpoint "/Groups" and schema ${URN.Group} (got ${listed})`,
        { response },
      );
    }
  },
);

behaviour(
  'X-15',
  "every extension the profile uses is in /Schemas with its attributes and in its resource type's schemaExtensions",
  { tags: ['read-only'] },
  async ({ client, profile, skip }) => {
    const extensions = profileExtensions(profile);
    if (extensions.length === 0)
      skip(
        `profile ${profile.name} maps no extension attribute (no enterprise or custom extension), so there is nothing to advertise`,
      );
    const { response: schemasResponse, resources: schemas } = await discoveryList(client, '/Schemas');
    const { response: typesResponse, resources: types } = await discoveryList(client, '/ResourceTypes');
    for (const extension of extensions) {
      const schema = findSchema(schemas, extension.urn);
      expectThat(schema, `/Schemas does not list the extension ${extension.urn}`, {
        response: schemasResponse,
        hint: 'The gallery test flattens /Schemas into <urn>:<attribute> names and fails every mapped attribute it cannot find.',
      });
      const names = schemaAttributes(schema).map((a) => a.name.toLowerCase());
      const absent = extension.attributes.filter((a) => !names.includes(a.toLowerCase()));
      expectThat(
        absent.length === 0,
        `the ${extension.urn} schema in /Schemas lacks the attribute(s) ${show(absent)} (it has ${show(names)})`,
        { response: schemasResponse },
      );
      const type = types.find((t) => t.name === extension.resource);
      const listed = Array.isArray(type?.schemaExtensions)
        ? (type.schemaExtensions as Array<Record<string, unknown>>)
        : [];
      expectThat(
        listed.some((e) => String(e.schema).toLowerCase() === extension.urn.toLowerCase()),
        `ResourceType "${extension.resource}" lists schemaExtensions ${show(listed.map((e) => e.schema))}; expected it to include ${extension.urn}`,
        { response: typesResponse, expected: `{"schema":"${extension.urn}","required":false}` },
      );
    }
  },
);

behaviour(
  'X-16',
  'no mapped attribute is returned:"never" (write-only attributes look empty to Entra and to the validator)',
  { tags: ['read-only'] },
  async ({ client, profile }) => {
    const { response, resources: schemas } = await discoveryList(client, '/Schemas');
    const never: string[] = [];
    for (const schema of schemas) {
      const id = String(schema.id);
      const prefix = id === URN.User || id === URN.Group ? '' : `${id}:`;
      const visit = (attributes: SchemaAttribute[], path: string) => {
        for (const a of attributes) {
          if (a.returned === 'never') never.push(`${prefix}${path}${a.name}`);
          if (Array.isArray(a.subAttributes)) visit(a.subAttributes, `${path}${a.name}.`);
        }
      };
      visit(schemaAttributes(schema), '');
    }
    const mapped = new Set(mappedTargets(profile).map((m) => normaliseTarget(m.target).replace(/\[[^\]]*\]/g, '')));
    for (const e of profile.extensions) for (const a of e.attributes) mapped.add(`${e.urn}:${a.name}`.toLowerCase());
    const hits = never.filter((n) => mapped.has(n.toLowerCase()) && !/^password$/i.test(n));
    expectThat(hits.length === 0, `the profile maps ${show(hits)}, which /Schemas declares returned:"never"`, {
      response,
      expected: 'mapped attributes readable on GET',
      actual: show(hits),
      hint: "A warning, not a broken requirement: Microsoft's validator sends these and then reports them missing on GET, and Entra, which has no notion of returned:never, likely re-sends them every cycle. Map them only if that churn is acceptable.",
    });
  },
);
