// /ServiceProviderConfig, /ResourceTypes, /Schemas (catalog D-10, D-11, D-12, X-15; RFC 7643 §5–§7, RFC 7644 §4).
import { describe, expect, it } from 'vitest';
import { customExtensionSchema, defaultResourceTypes } from '../../../src/scim/schema-definitions.js';
import { URN } from '../../../src/scim/urns.js';
import { client } from './helpers.js';

function findNull(value: unknown, path = '$'): string | undefined {
  if (value === null) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNull(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNull(v, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}

describe('GET /ServiceProviderConfig (D-12)', () => {
  it('states what the server supports', async () => {
    const res = await client({ maxResults: 50 }).get('/ServiceProviderConfig');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      schemas: [URN.ServiceProviderConfig],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 50 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
    });
    expect(res.body.authenticationSchemes).toEqual([expect.objectContaining({ type: 'oauthbearertoken' })]);
    expect(findNull(res.body)).toBeUndefined();
  });
});

describe('GET /ResourceTypes (D-12, X-15)', () => {
  it('lists User (with the enterprise extension) and Group as a ListResponse', async () => {
    const res = await client().get('/ResourceTypes');
    expect(res.body).toMatchObject({ schemas: [URN.ListResponse], totalResults: 2, itemsPerPage: 2, startIndex: 1 });
    const [user, group] = res.body.Resources;
    expect(user).toMatchObject({
      schemas: [URN.ResourceType],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      schema: URN.User,
      schemaExtensions: [{ schema: URN.EnterpriseUser, required: false }],
      meta: { resourceType: 'ResourceType' },
    });
    expect(group).toMatchObject({ name: 'Group', endpoint: '/Groups', schema: URN.Group, schemaExtensions: [] });
    expect(findNull(res.body)).toBeUndefined();
  });

  it('lists a custom extension under schemaExtensions and serves it from /Schemas (X-15)', async () => {
    const custom = customExtensionSchema('urn:ietf:params:scim:schemas:extension:uniFLOWOnline:2.0:User', [
      'cardNumber',
    ]);
    const c = client({ resourceTypes: defaultResourceTypes({ userExtensions: [custom] }) });
    const types = await c.get('/ResourceTypes/User');
    expect(types.body.schemaExtensions).toContainEqual({ schema: custom.id, required: false });
    const schema = await c.get(`/Schemas/${custom.id}`);
    expect(schema.status).toBe(200);
    expect(schema.body.attributes.map((a: { name: string }) => a.name)).toEqual(['cardNumber']);
  });

  it('serves one resource type by name, and 404 for an unknown one', async () => {
    const c = client();
    expect((await c.get('/ResourceTypes/Group')).body).toMatchObject({ id: 'Group', endpoint: '/Groups' });
    const missing = await c.get('/ResourceTypes/Device');
    expect(missing.status).toBe(404);
    expect(missing.body.schemas).toEqual([URN.Error]);
  });

  it('refuses a filter on a discovery endpoint with 403 (RFC 7644 §4)', async () => {
    const res = await client().get('/ResourceTypes?filter=name+eq+%22User%22');
    expect(res.status).toBe(403);
    expect(res.body.schemas).toEqual([URN.Error]);
  });
});

describe('GET /Schemas (D-10, D-11)', () => {
  it('lists the User, enterprise User and Group schemas with camelCase characteristics and no nulls', async () => {
    const res = await client().get('/Schemas');
    expect(res.status).toBe(200);
    expect(res.body.schemas).toEqual([URN.ListResponse]);
    expect(res.body.Resources.map((s: { id: string }) => s.id)).toEqual([URN.User, URN.EnterpriseUser, URN.Group]);
    expect(findNull(res.body)).toBeUndefined();
    const allowed = {
      mutability: ['readOnly', 'readWrite', 'immutable', 'writeOnly'],
      returned: ['always', 'never', 'default', 'request'],
      uniqueness: ['none', 'server', 'global'],
    };
    const check = (attrs: Array<Record<string, unknown>>): void => {
      for (const a of attrs) {
        expect(a).toMatchObject({
          name: expect.any(String),
          type: expect.any(String),
          multiValued: expect.any(Boolean),
          required: expect.any(Boolean),
          caseExact: expect.any(Boolean),
        });
        expect(allowed.mutability).toContain(a.mutability);
        expect(allowed.returned).toContain(a.returned);
        expect(allowed.uniqueness).toContain(a.uniqueness);
        if (a.subAttributes) check(a.subAttributes as Array<Record<string, unknown>>);
      }
    };
    for (const schema of res.body.Resources) {
      expect(schema).toMatchObject({
        schemas: [URN.Schema],
        name: expect.any(String),
        meta: { resourceType: 'Schema' },
      });
      check(schema.attributes);
    }
  });

  it('declares canonical type values so Entra can name emails[type eq "work"].value (D-11)', async () => {
    const res = await client().get(`/Schemas/${URN.User}`);
    const emails = res.body.attributes.find((a: { name: string }) => a.name === 'emails');
    const type = emails.subAttributes.find((a: { name: string }) => a.name === 'type');
    expect(type.canonicalValues).toEqual(expect.arrayContaining(['work']));
  });

  it('serves a schema by URN in any case, and 404 for an unknown URN', async () => {
    const c = client();
    expect((await c.get(`/Schemas/${URN.EnterpriseUser.toUpperCase()}`)).body.id).toBe(URN.EnterpriseUser);
    expect((await c.get('/Schemas/urn:example:nope')).status).toBe(404);
  });
});
