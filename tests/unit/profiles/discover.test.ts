// Profiles and discovery: a profile derived from a server's /Schemas and /ResourceTypes (--profile discover and
// `scim-conformance profile`), the comparison of a profile with what a server advertises, and the reference server
// serving each built-in profile's schemas (custom extensions round-trip and are advertised). In-process; the
// `scim-conformance profile` command as a process is tested in tests/cli/profile-command.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScimClient } from '../../../src/client/scim-client.js';
import { compareWithDiscovery, deriveProfile, discoverProfile, readDiscovery } from '../../../src/profiles/discover.js';
import { loadProfile, parseProfileText } from '../../../src/profiles/load.js';
import { formatProfile } from '../../../src/cli/commands/profile.js';
import { createScimServer, type ScimServer } from '../../../src/server/app.js';
import { resourceTypesFor } from '../../../src/server/profile-schemas.js';

const TOKEN = 'discover-test-token';
const WS1B = 'urn:ietf:params:scim:schemas:extension:ws1b:2.0:User';
const servers: ScimServer[] = [];

async function serve(profileName?: string): Promise<{ url: string; client: ScimClient }> {
  const server = createScimServer({
    token: TOKEN,
    basePath: '/scim/v2',
    ...(profileName ? { resourceTypes: resourceTypesFor(loadProfile(profileName)) } : {}),
  });
  servers.push(server);
  const { url } = await server.listen(0, '127.0.0.1');
  return { url, client: new ScimClient({ baseUrl: url, token: TOKEN }) };
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('a profile derived from discovery', () => {
  let oneflow: { url: string; client: ScimClient };
  beforeAll(async () => {
    oneflow = await serve('oneflow');
  });

  it('carries the custom extension, the required attributes, the type-filtered paths and groups', async () => {
    const profile = await discoverProfile(oneflow.client, oneflow.url);
    expect(profile.resources).toBe('users+groups');
    expect(profile.extensions.map((e) => e.urn)).toEqual([WS1B]);
    expect(profile.extensions[0]!.attributes.map((a) => a.name)).toContain('adSourceAnchor');
    const targets = profile.users.mappings.map((m) => m.target);
    for (const t of [
      'userName',
      'active',
      'externalId',
      'name.givenName',
      'emails[type eq "work"].value',
      'addresses[type eq "work"].locality',
      `${WS1B}:customAttribute5`,
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
    ])
      expect(targets, t).toContain(t);
    expect(targets).not.toContain('id');
    expect(targets).not.toContain('groups');
    const byTarget = new Map(profile.users.mappings.map((m) => [m.target, m]));
    expect(byTarget.get('userName')).toMatchObject({ matching: true, required: true, filterable: true });
    expect(byTarget.get('active')).toMatchObject({ type: 'boolean', required: true });
    expect(byTarget.get('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager')?.type).toBe('reference');
    expect(profile.groups.mappings.map((m) => m.target)).toEqual(
      expect.arrayContaining(['displayName', 'externalId', 'members']),
    );
    // The derived profile has no differences with the server it came from.
    const { schemas, resourceTypes } = await readDiscovery(oneflow.client);
    expect(compareWithDiscovery(profile, schemas, resourceTypes, 'User')).toEqual([]);
    expect(compareWithDiscovery(profile, schemas, resourceTypes, 'Group')).toEqual([]);
  });

  it('formatProfile round-trips', () => {
    const profile = loadProfile('mediusflow');
    const parsed = parseProfileText(formatProfile(profile), 'x.json');
    expect(parsed.ok && parsed.profile).toEqual(profile);
  });
});

describe('a profile compared with a server that does not serve it', () => {
  it('names the extension the server does not advertise, the attribute it does not define, and type mismatches', async () => {
    const plain = await serve();
    const { schemas, resourceTypes } = await readDiscovery(plain.client);
    const oneflow = compareWithDiscovery(loadProfile('oneflow'), schemas, resourceTypes, 'User');
    expect(oneflow.filter((d) => d.kind === 'extension-not-in-schemas').map((d) => d.subject)).toEqual([WS1B]);
    const medius = compareWithDiscovery(loadProfile('mediusflow'), schemas, resourceTypes, 'User');
    expect(medius.find((d) => d.subject === 'name.displayName')?.kind).toBe('attribute-not-in-schemas');
    const custom = deriveProfile(schemas, resourceTypes, { source: 'test' });
    const typed = {
      ...custom,
      users: {
        ...custom.users,
        mappings: custom.users.mappings.map((m) => (m.target === 'title' ? { ...m, type: 'boolean' as const } : m)),
      },
    };
    const mismatch = compareWithDiscovery(typed, schemas, resourceTypes, 'User');
    expect(mismatch).toEqual([
      expect.objectContaining({
        subject: 'title',
        kind: 'type-mismatch',
        message: 'title is boolean in the profile but string in /Schemas',
      }),
    ]);
  });
});

describe('the reference server per profile', () => {
  it.each(['uniflow-online', 'oneflow', 'mediusflow'])(
    '%s: custom extension attributes are advertised and round-trip',
    async (name) => {
      const profile = loadProfile(name);
      const { client } = await serve(name);
      const { schemas, resourceTypes } = await readDiscovery(client);
      const extension = profile.extensions[0]!;
      const schema = schemas.find((s) => s.id === extension.urn) as { attributes: Array<{ name: string }> } | undefined;
      expect(schema?.attributes.map((a) => a.name)).toEqual(extension.attributes.map((a) => a.name));
      const user = resourceTypes.find((t) => t.name === 'User') as { schemaExtensions: Array<{ schema: string }> };
      expect(user.schemaExtensions.map((e) => e.schema)).toContain(extension.urn);
      const values = Object.fromEntries(extension.attributes.map((a) => [a.name, `v-${a.name}`]));
      const created = await client.post('/Users', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `rt-${name}@example.com`,
        externalId: 'x',
        active: true,
        [extension.urn]: values,
      });
      expect(created.status, created.text).toBe(201);
      const read = await client.get(`/Users/${(created.json as { id: string }).id}`);
      expect((read.json as Record<string, unknown>)[extension.urn]).toEqual(values);
      expect((read.json as { schemas: string[] }).schemas).toContain(extension.urn);
    },
  );

  it('enforces what the profile requires: oneflow refuses a user without active, uniflow one without externalId', async () => {
    const oneflow = await serve('oneflow');
    const noActive = await oneflow.client.post('/Users', { userName: 'a@example.com' });
    expect(noActive.status).toBe(400);
    expect(noActive.text).toMatch(/active/);
    const uniflow = await serve('uniflow-online');
    const noExternalId = await uniflow.client.post('/Users', { userName: 'b@example.com', active: true });
    expect(noExternalId.status).toBe(400);
    expect(noExternalId.text).toMatch(/externalId/);
  });
});
