// Discovery against the profile (catalog D-10, D-11, X-15, X-16): what the server advertises in /Schemas and
// /ResourceTypes compared with what the target app's Entra mapping needs, one test per resource and one per
// extension, every difference listed on its own line (an extension not advertised, a mapped attribute /Schemas
// does not define or Entra's gallery flattening cannot find, a type that differs, a readOnly or write-only target).
import {
  behaviour,
  fail,
  collectedProfile,
  discoveryList,
  compareWithDiscovery,
  profileExtensions,
  type DiscoveryDifference,
  type ScimResponse,
} from '#harness';

const profile = collectedProfile();

function report(differences: DiscoveryDifference[], response: ScimResponse, what: string): void {
  if (differences.length === 0) return;
  fail(
    `${differences.length} difference(s) between ${what} and the server's discovery: ${differences.map((d) => d.message).join('; ')}`,
    {
      response,
      expected: `what ${profile.title} maps, as ${what} says`,
      actual: differences.map((d) => `${d.kind}: ${d.message}`).join('\n'),
      hint: "Microsoft's gallery onboarding reads /Schemas and fails every mapped attribute it cannot find (catalog D-11, X-15); other SCIM clients build their requests from it.",
    },
  );
}

for (const resource of profile.resources === 'users+groups' ? (['User', 'Group'] as const) : (['User'] as const)) {
  const mappings = resource === 'User' ? profile.users.mappings : profile.groups.mappings;
  if (mappings.length === 0) continue;
  behaviour(
    'D-11',
    `profile ${profile.name} ${resource} mappings (${mappings.length}) vs /Schemas: each is defined, discoverable under Entra's gallery name, writable, readable and of the profile's type`,
    { tags: ['read-only'] },
    async ({ client }) => {
      const { response, resources: schemas } = await discoveryList(client, '/Schemas');
      const { resources: types } = await discoveryList(client, '/ResourceTypes');
      const differences = compareWithDiscovery(profile, schemas, types, resource).filter(
        (d) => !d.kind.startsWith('extension-'),
      );
      report(differences, response, `the ${resource} mappings of profile ${profile.name}`);
    },
  );
}

for (const extension of profileExtensions(profile)) {
  behaviour(
    'X-15',
    `profile extension ${extension.urn}: /Schemas lists it with ${extension.attributes.join(', ')} of the profile's types, and /ResourceTypes ${extension.resource} lists it in schemaExtensions`,
    { tags: ['read-only'] },
    async ({ client }) => {
      const { response, resources: schemas } = await discoveryList(client, '/Schemas');
      const { response: typesResponse, resources: types } = await discoveryList(client, '/ResourceTypes');
      const all = compareWithDiscovery(profile, schemas, types, extension.resource);
      const lower = extension.urn.toLowerCase();
      const mine = all.filter(
        (d) => d.subject.toLowerCase() === lower || d.subject.toLowerCase().startsWith(`${lower}:`),
      );
      const notListed = mine.some((d) => d.kind === 'extension-not-in-resource-type');
      report(mine, notListed ? typesResponse : response, `the extension ${extension.urn} of profile ${profile.name}`);
    },
  );
}
