// Generated from the profile (area "profile"): every matching or filterable attribute answers its own eq filter with
// exactly the user that carries the value (Entra matches one attribute at a time, catalog U-05; value-filter paths,
// F-08), a create without an attribute the app requires answers 400 with a SCIM error (U-09), and, for apps that
// provision groups, the mapped group attributes round-trip and filter (G-05, G-02).
import {
  behaviour,
  verify,
  expectThat,
  show,
  errorStatus,
  collectedProfile,
  mappedUserAttributes,
  profileValue,
  parseProfileTarget,
  setInCreateBody,
  removeFromBody,
  eqFilter,
  filterUsers,
  idsOf,
  entraUserBody,
  storedValue,
  memberCI,
  listResponse,
  resourcesOf,
  status,
  discoveryList,
  findSchema,
  schemaAttributes,
  URN,
  type MappedAttribute,
  type ScimClient,
  findsOnly,
} from '#harness';

type Json = Record<string, unknown>;
const profile = collectedProfile();
const mapped = mappedUserAttributes(profile);
const isCore = (item: MappedAttribute, name: string) =>
  !parseProfileTarget(item.target)?.urn && parseProfileTarget(item.target)?.attribute.toLowerCase() === name;

for (const item of mapped.filter(
  (m) => (m.mapping.matching || m.mapping.filterable) && m.kind !== 'reference' && m.kind !== 'boolean',
)) {
  const t = item.target;
  const id = parseProfileTarget(t)?.filter ? 'F-08' : 'U-05';
  const role = item.mapping.matching
    ? `matching attribute${item.mapping.matchingPrecedence ? `, precedence ${item.mapping.matchingPrecedence}` : ''}`
    : 'filterable';
  behaviour(
    id,
    `profile mapping ${t} (${role}): filter ${t} eq "<value>" finds exactly the user carrying it`,
    async ({ client, resources, names }) => {
      const value = String(profileValue(item.mapping, names, 'a'));
      const extra: Json = {};
      if (isCore(item, 'username')) extra.userName = value;
      else setInCreateBody(extra, t, value);
      const user = await resources.createUser(extra);
      const { response, resources: found, total } = await filterUsers(client, eqFilter(t, value));
      expectThat(
        total === 1 && findsOnly(found, user.id),
        `${t}: filter ${eqFilter(t, value)} returned totalResults ${show(total)} and ids ${show(idsOf(found))}; expected exactly ${show(user.id)}`,
        {
          response,
          expected: `totalResults 1, id ${user.id}`,
          actual: show(response.json, 600),
          hint: item.mapping.matching
            ? `${t} is a matching attribute of ${profile.title}: with 0 hits Entra creates a duplicate, with several it stops with DuplicateTargetEntries (catalog U-03, U-05).`
            : `${profile.title} documents ${t} as supported for filtering, so admins may make it a matching attribute (catalog U-05).`,
        },
      );
    },
  );
}

/**
 * Why a POST without `target` need not be refused, or undefined when the server itself says the attribute is required:
 * userName always (RFC 7643 §4.1.1), any other attribute only when the server's /Schemas marks it required. "Required
 * by app" in a tutorial means Entra's mapping always sends it, not that the server must refuse its absence (§0.1 U-09).
 */
async function notRequiredByServer(client: ScimClient, target: string): Promise<string | undefined> {
  const p = parseProfileTarget(target);
  if (!p) return `${target} is not a path this test can remove`;
  if (!p.urn && p.attribute.toLowerCase() === 'username') return undefined;
  const response = await client.get('/Schemas');
  if (response.status !== 200)
    return `the server's /Schemas answered ${response.status}, so whether it requires ${target} is unknown; a profile's "required" means Entra always sends it (catalog §0.1 U-09)`;
  const { resources: schemas } = await discoveryList(client, '/Schemas');
  const attribute = schemaAttributes(findSchema(schemas, p.urn ?? URN.User)).find(
    (a) => a.name.toLowerCase() === p.attribute.toLowerCase(),
  );
  if (attribute?.required === true) return undefined;
  return `the server's /Schemas does not mark ${target} required, so it may accept a user without it; a profile's "required" means Entra always sends it (catalog §0.1 U-09)`;
}

for (const item of mapped.filter((m) => m.mapping.required)) {
  const t = item.target;
  behaviour(
    'U-09',
    `profile mapping ${t} (required in profile ${profile.name}): a POST without it answers 400 when the server's /Schemas marks it required`,
    async ({ client, resources, names, skip }) => {
      const reason = await notRequiredByServer(client, t);
      if (reason) skip(reason);
      // Every other required attribute is present, so the only thing wrong is the missing one.
      const extra: Json = {};
      for (const other of mapped.filter((m) => m.mapping.required && m.target !== t && m.kind !== 'reference')) {
        const value = profileValue(other.mapping, names, 'a');
        if (isCore(other, 'username')) extra.userName = value;
        else setInCreateBody(extra, other.target, value);
      }
      const userName = typeof extra.userName === 'string' ? extra.userName : names.userName('req');
      const body = entraUserBody(userName, names.externalId(), extra);
      removeFromBody(body, t);
      const response = await client.post('/Users', body);
      const created = (response.json as { id?: unknown } | undefined)?.id;
      if (response.status < 300 && typeof created === 'string') resources.track('User', created, userName);
      expectThat(
        response.status !== 201 && response.status !== 200,
        `POST /Users without ${t} answered ${response.status} and created the user; ${profile.title} requires ${t}, so the create must be refused with 400 and a detail naming it`,
        {
          response,
          expected: '400 with a SCIM error naming the attribute',
          actual: `${response.status} ${show(storedValue(response.json, t))}`,
          hint: 'Entra shows the 400 detail in the provisioning log, where an admin can fix the mapping; a user created without a required value breaks the app later, silently.',
        },
      );
      verify(response, errorStatus(400));
    },
  );
}

// Groups: only for apps that provision them.
if (profile.resources === 'users+groups' && profile.groups.mappings.length > 0) {
  const groupMapped = profile.groups.mappings.filter((m) => m.type !== 'reference');
  const groupValue = (target: string, names: { groupName(): string; externalId(): string }) =>
    target.toLowerCase() === 'displayname' ? names.groupName() : names.externalId();
  behaviour(
    'G-05',
    `profile group mapping ${groupMapped.map((m) => m.target).join(', ')}: a POST /Groups carrying them stores them and GET returns them as sent`,
    async ({ client, resources, names }) => {
      const extra: Json = {};
      for (const m of groupMapped) setInCreateBody(extra, m.target, groupValue(m.target, names));
      const group = await resources.createGroup(extra);
      const response = await client.get(`/Groups/${group.id}`, { query: { excludedAttributes: 'members' } });
      verify(response, status(200));
      const wrong = groupMapped.filter((m) => storedValue(response.json, m.target) !== storedValue(extra, m.target));
      expectThat(
        wrong.length === 0,
        `${wrong.map((m) => `${m.target}: sent ${show(storedValue(extra, m.target))}, GET returned ${show(storedValue(response.json, m.target))}`).join('; ')}`,
        { response },
      );
    },
  );
  for (const m of profile.groups.mappings.filter((g) => (g.matching || g.filterable) && g.type !== 'reference')) {
    behaviour(
      'G-02',
      `profile group mapping ${m.target} (${m.matching ? 'matching attribute' : 'filterable'}): filter ${m.target} eq "<value>" with excludedAttributes=members finds exactly the group`,
      async ({ client, resources, names }) => {
        const value = groupValue(m.target, names);
        const group = await resources.createGroup(setInCreateBody({}, m.target, value));
        const response = await client.get('/Groups', {
          query: { excludedAttributes: 'members', filter: eqFilter(m.target, value) },
        });
        verify(response, status(200), listResponse());
        const found = resourcesOf(response.json);
        expectThat(
          found.length === 1 && memberCI(found[0], 'id') === group.id,
          `${m.target}: filter ${eqFilter(m.target, value)} returned ${show(found.map((g) => g.id))}; expected exactly ${show(group.id)}`,
          {
            response,
            hint: `Entra matches groups of ${profile.title} on ${m.target} before it creates one (catalog G-02); 0 hits means a duplicate group.`,
          },
        );
      },
    );
  }
}
