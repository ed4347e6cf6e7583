// /Users and /Users/{id}: create, read, replace, modify, delete (catalog U-, X-; RFC 7644 §3.3–§3.6).
import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import { URN } from '../../../src/scim/urns.js';
import { client, createUser, entraUser, patchOp } from './helpers.js';

describe('POST /Users', () => {
  it("creates Entra's documented user: 201, id, meta, Location = meta.location, ETag = meta.version (U-06)", async () => {
    const c = client();
    const res = await c.post('/Users', entraUser('Test_User_00aa'));
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toMatchObject({
      userName: 'Test_User_00aa',
      externalId: 'ext-Test_User_00aa',
      active: true,
      name: { givenName: 'givenName', familyName: 'familyName', formatted: 'givenName familyName' },
      emails: [{ primary: true, type: 'work', value: 'Test_User_00aa@example.com' }],
      meta: { resourceType: 'User' },
    });
    expect(res.body.meta.created).toBe(res.body.meta.lastModified);
    expect(res.headers.location).toBe(res.body.meta.location);
    expect(res.body.meta.location).toMatch(new RegExp(`/Users/${res.body.id}$`));
    expect(res.headers.etag).toBe(res.body.meta.version);
    expect(res.body.meta.version).toMatch(/^W\/".+"$/);
  });

  it('accepts the enterprise URN in schemas with no enterprise object, and lists only the core URN back (X-02)', async () => {
    const res = await client().post('/Users', entraUser('no-ent'));
    expect(res.status).toBe(201);
    expect(res.body.schemas).toEqual([URN.User]);
    expect(res.body[URN.EnterpriseUser]).toBeUndefined();
  });

  it('stores enterprise data under its URN and returns it on GET (X-01)', async () => {
    const c = client();
    const ent = { employeeNumber: '701984', department: 'Tour Operations' };
    const res = await c.post('/Users', entraUser('ent', { [URN.EnterpriseUser]: ent }));
    expect(res.status).toBe(201);
    expect(res.body.schemas).toEqual([URN.User, URN.EnterpriseUser]);
    const got = await c.get(`/Users/${res.body.id}`);
    expect(got.body[URN.EnterpriseUser]).toEqual(ent);
  });

  it('coerces a bare-string manager (also spelled "Manager") to { value } (X-07)', async () => {
    const c = client();
    const res = await c.post('/Users', entraUser('mgr', { [URN.EnterpriseUser]: { Manager: 'boss-id' } }));
    expect(res.status).toBe(201);
    expect(res.body[URN.EnterpriseUser]).toEqual({ manager: { value: 'boss-id' } });
  });

  it('stores a custom extension whose URN is not listed in schemas and lists it on the response (X-11)', async () => {
    const custom = 'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User';
    const c = client();
    const res = await c.post('/Users', entraUser('custom', { [custom]: { CustomAttribute: '701984' } }));
    expect(res.status).toBe(201);
    expect(res.body.schemas).toContain(custom);
    expect((await c.get(`/Users/${res.body.id}`)).body[custom]).toEqual({ CustomAttribute: '701984' });
  });

  it("treats nulls as not supplied and accepts the typo'd enterprise URN (U-07)", async () => {
    const body = {
      schemas: [URN.User, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User'],
      userName: 'legacy',
      addresses: null,
      phoneNumbers: null,
      title: null,
      preferredLanguage: null,
      department: null,
      manager: null,
      roles: [],
    };
    const res = await client().post('/Users', body);
    expect(res.status).toBe(201);
    for (const key of ['addresses', 'phoneNumbers', 'title', 'preferredLanguage', 'department', 'manager', 'roles']) {
      expect(res.body).not.toHaveProperty(key);
    }
    expect(res.body.schemas).toEqual([URN.User]);
  });

  it('ignores id and meta sent by the client', async () => {
    const res = await client().post(
      '/Users',
      entraUser('ro', { id: 'client-id', meta: { resourceType: 'User', created: '2000-01-01T00:00:00Z' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe('client-id');
    expect(res.body.meta.created).not.toBe('2000-01-01T00:00:00Z');
  });

  it.each([
    ['"True"', 'True', true],
    ['"False"', 'False', false],
    ['"false"', 'false', false],
  ])('coerces active %s to a boolean (P-13)', async (_l, sent, expected) => {
    const res = await client().post('/Users', entraUser(`sb-${sent}`, { active: sent }));
    expect(res.status).toBe(201);
    expect(res.body.active).toBe(expected);
  });

  it('coerces "primary":"true" inside emails to a boolean (P-13)', async () => {
    const res = await client().post(
      '/Users',
      entraUser('prim', { emails: [{ type: 'work', value: 'p@x.com', primary: 'true' }] }),
    );
    expect(res.body.emails[0].primary).toBe(true);
  });

  it('answers 409 uniqueness for a userName that differs only in case (U-08, U-21)', async () => {
    const c = client();
    await createUser(c, 'noemie.hoppe@schaefer.us');
    const res = await c.post('/Users', entraUser('NOEMIE.HOPPE@SCHAEFER.US'));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ schemas: [URN.Error], status: '409', scimType: 'uniqueness' });
    expect(res.body.detail).toEqual(expect.any(String));
    expect(c.server.store.count('User')).toBe(1);
  });

  it.each([
    ['no userName', { schemas: [URN.User], active: true }],
    ['an empty userName', { schemas: [URN.User], userName: '' }],
    ['a null userName', { schemas: [URN.User], userName: null }],
  ])('answers 400 invalidValue for %s (U-09)', async (_l, body) => {
    const res = await client().post('/Users', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ schemas: [URN.Error], status: '400', scimType: 'invalidValue' });
    expect(res.body.detail).toContain('userName');
  });

  it.each([
    ['active "maybe"', { active: 'maybe' }],
    ['userName as a number', { userName: 42 }],
    ['name as a string', { name: 'Bob' }],
  ])('answers 400 invalidValue for %s rather than reshaping it (U-12)', async (_l, extra) => {
    const res = await client().post('/Users', { ...entraUser('typed'), ...extra });
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe('invalidValue');
  });

  it('keeps values exactly as sent (U-12)', async () => {
    const c = client();
    const res = await c.post(
      '/Users',
      entraUser('Fidelity', { phoneNumbers: [{ type: 'work', value: '55555555555' }], displayName: ' User X' }),
    );
    const got = await c.get(`/Users/${res.body.id}`);
    expect(got.body.phoneNumbers).toEqual([{ type: 'work', value: '55555555555' }]);
    expect(got.body.displayName).toBe(' User X');
    expect(got.body.emails[0].value).toBe('Fidelity@example.com');
  });

  it('gives one 201 and one 409 for two concurrent creates of the same userName (D-19)', async () => {
    const c = client();
    const results = await Promise.all([c.post('/Users', entraUser('racer')), c.post('/Users', entraUser('RACER'))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(c.server.store.count('User')).toBe(1);
  });

  it('never returns a password (returned "never")', async () => {
    const c = client();
    const res = await c.post('/Users', entraUser('pw', { password: 's3cret' }));
    expect(res.body).not.toHaveProperty('password');
    expect((await c.get(`/Users/${res.body.id}`)).body).not.toHaveProperty('password');
  });
});

describe('GET /Users/{id}', () => {
  it('returns the same representation as the create response (U-10)', async () => {
    const c = client();
    const created = await c.post('/Users', entraUser('reader'));
    const res = await c.get(`/Users/${created.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
    expect(res.headers.etag).toBe(created.body.meta.version);
  });

  it('answers 404 with a SCIM error for an unknown id (U-11)', async () => {
    const res = await client().get('/Users/5171a35d82074e068ce2');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ schemas: [URN.Error], status: '404' });
  });

  it('honours attributes and excludedAttributes on a single resource (U-22)', async () => {
    const c = client();
    const id = await createUser(c, 'proj');
    const only = await c.get(`/Users/${id}?attributes=userName`);
    expect(Object.keys(only.body).sort()).toEqual(['id', 'schemas', 'userName']);
    const without = await c.get(`/Users/${id}?excludedAttributes=emails,name.givenName`);
    expect(without.body).not.toHaveProperty('emails');
    expect(without.body.name).toEqual({ formatted: 'givenName familyName', familyName: 'familyName' });
  });

  it('answers 304 for If-None-Match with the current ETag (RFC 7644 §3.14)', async () => {
    const c = client();
    const created = await c.post('/Users', entraUser('etag'));
    const etag = created.headers.etag;
    assert(etag, 'a created user has an ETag');
    const res = await c.get(`/Users/${created.body.id}`).set('If-None-Match', etag);
    expect(res.status).toBe(304);
  });
});

describe('PATCH /Users/{id}', () => {
  it('disables with Entra\'s default-mode string "False" and answers 200 with a boolean (U-14)', async () => {
    const c = client();
    const id = await createUser(c, 'disable-me');
    const res = await c.patch(`/Users/${id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' }));
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect(res.body.id).toBe(id);
    expect((await c.get(`/Users/${id}`)).body.active).toBe(false);
  });

  it('re-enables with the flag-mode boolean and keeps the user findable while disabled (U-13, U-15, U-16)', async () => {
    const c = client();
    const id = await createUser(c, 'toggle');
    await c.patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'active', value: false }));
    const found = await c.get('/Users?filter=userName+eq+%22toggle%22');
    expect(found.body.totalResults).toBe(1);
    const res = await c.patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'active', value: true }));
    expect(res.body.active).toBe(true);
  });

  it('keeps id and created, advances lastModified and version, and equals the next GET (P-15)', async () => {
    const c = client();
    const created = await c.post('/Users', entraUser('stable'));
    const res = await c.patch(
      `/Users/${created.body.id}`,
      patchOp({ op: 'Replace', path: 'displayName', value: 'New' }),
    );
    expect(res.body.id).toBe(created.body.id);
    expect(res.body.meta.created).toBe(created.body.meta.created);
    expect(Date.parse(res.body.meta.lastModified)).toBeGreaterThan(Date.parse(created.body.meta.lastModified));
    expect(res.body.meta.version).not.toBe(created.body.meta.version);
    expect(res.headers.etag).toBe(res.body.meta.version);
    expect((await c.get(`/Users/${created.body.id}`)).body).toEqual(res.body);
  });

  it('renames, and answers 409 when renaming onto another userName in any case (U-20)', async () => {
    const c = client();
    const a = await createUser(c, 'alpha');
    await createUser(c, 'beta');
    const ok = await c.patch(`/Users/${a}`, patchOp({ op: 'Replace', path: 'userName', value: 'gamma' }));
    expect(ok.status).toBe(200);
    expect((await c.get('/Users?filter=userName+eq+%22alpha%22')).body.totalResults).toBe(0);
    expect((await c.get('/Users?filter=userName+eq+%22gamma%22')).body.totalResults).toBe(1);
    const clash = await c.patch(`/Users/${a}`, patchOp({ op: 'replace', value: { userName: 'BETA' } }));
    expect(clash.status).toBe(409);
    expect(clash.body.scimType).toBe('uniqueness');
    expect((await c.get(`/Users/${a}`)).body.userName).toBe('gamma');
  });

  it('allows a user to change the case of its own userName', async () => {
    const c = client();
    const id = await createUser(c, 'casey');
    const res = await c.patch(`/Users/${id}`, patchOp({ op: 'Replace', path: 'userName', value: 'CASEY' }));
    expect(res.status).toBe(200);
    expect(res.body.userName).toBe('CASEY');
  });

  it('sets an enterprise attribute by URN path and lists the extension in schemas (X-03)', async () => {
    const c = client();
    const id = await createUser(c, 'x03');
    const res = await c.patch(
      `/Users/${id}`,
      patchOp(
        { op: 'Add', path: `${URN.EnterpriseUser}:department`, value: 'Sales' },
        { op: 'Add', path: `${URN.EnterpriseUser}:manager`, value: 'boss' },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body[URN.EnterpriseUser]).toEqual({ department: 'Sales', manager: { value: 'boss' } });
    expect(res.body.schemas).toEqual([URN.User, URN.EnterpriseUser]);
  });

  it('answers 404 for an unknown id (P-16)', async () => {
    const res = await client().patch('/Users/unknown', patchOp({ op: 'Replace', path: 'active', value: 'False' }));
    expect(res.status).toBe(404);
    expect(res.body.schemas).toEqual([URN.Error]);
  });

  it('answers 400 with a SCIM error for a body that is not a PatchOp', async () => {
    const c = client();
    const id = await createUser(c, 'badpatch');
    const res = await c.patch(`/Users/${id}`, { hello: 'world' });
    expect(res.status).toBe(400);
    expect(res.body.schemas).toEqual([URN.Error]);
  });

  it('answers 412 when If-Match names an old version', async () => {
    const c = client();
    const id = await createUser(c, 'ifmatch');
    const res = await c
      .patch(`/Users/${id}`, patchOp({ op: 'Replace', path: 'title', value: 'x' }))
      .set('If-Match', 'W/"999"');
    expect(res.status).toBe(412);
    expect((await c.get(`/Users/${id}`)).body.title).toBeUndefined();
  });
});

describe('PUT /Users/{id}', () => {
  it('replaces the whole resource, clearing attributes not sent (RFC 7644 §3.5.1)', async () => {
    const c = client();
    const created = await c.post('/Users', entraUser('put-me', { title: 'Boss' }));
    const res = await c.put(`/Users/${created.body.id}`, { schemas: [URN.User], userName: 'put-me', active: 'False' });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('title');
    expect(res.body).not.toHaveProperty('emails');
    expect(res.body.active).toBe(false);
    expect(res.body.id).toBe(created.body.id);
    expect(res.body.meta.created).toBe(created.body.meta.created);
    expect(res.headers.etag).toBe(res.body.meta.version);
  });

  it('answers 409 when the new userName belongs to another user, and 404 for an unknown id', async () => {
    const c = client();
    const a = await createUser(c, 'put-a');
    await createUser(c, 'put-b');
    expect((await c.put(`/Users/${a}`, { schemas: [URN.User], userName: 'PUT-B' })).status).toBe(409);
    expect((await c.put('/Users/unknown', { schemas: [URN.User], userName: 'x' })).status).toBe(404);
  });
});

describe('DELETE /Users/{id}', () => {
  it('answers 204 with an empty body, then 404 on GET, on filter and on a second DELETE (U-18, U-19)', async () => {
    const c = client();
    const id = await createUser(c, 'bye');
    const first = await c.delete(`/Users/${id}`);
    expect(first.status).toBe(204);
    expect(first.text).toBe('');
    expect((await c.get(`/Users/${id}`)).status).toBe(404);
    expect((await c.get('/Users?filter=userName+eq+%22bye%22')).body.totalResults).toBe(0);
    const second = await c.delete(`/Users/${id}`);
    expect(second.status).toBe(404);
    expect(second.body).toMatchObject({ schemas: [URN.Error], status: '404' });
    expect(c.server.store.count('User')).toBe(0);
  });

  it('frees the userName for a new user', async () => {
    const c = client();
    const id = await createUser(c, 'reuse');
    await c.delete(`/Users/${id}`);
    expect((await c.post('/Users', entraUser('reuse'))).status).toBe(201);
  });
});
