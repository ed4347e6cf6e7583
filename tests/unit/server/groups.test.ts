// /Groups and /Groups/{id} (catalog G-01…G-22, F-11, X-14).
import { describe, expect, it } from 'vitest';
import { URN } from '../../../src/scim/urns.js';
import { AUTH, client, createGroup, createUser, entraGroup, HOST, patchOp, type Client } from './helpers.js';

async function members(c: Client, id: string): Promise<string[]> {
  const res = await c.get(`/Groups/${id}`);
  return (res.body.members ?? []).map((m: { value: string }) => m.value).sort();
}

describe('group queries', () => {
  it("answers Entra's group probe with an empty ListResponse (G-01)", async () => {
    const res = await client().get('/Groups?excludedAttributes=members&filter=displayName+eq+%22probe-7f3a%22');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      schemas: [URN.ListResponse],
      totalResults: 0,
      Resources: [],
      startIndex: 1,
      itemsPerPage: 0,
    });
  });

  it('matches by displayName with members excluded: no members key at all (G-02, F-11)', async () => {
    const c = client();
    const user = await createUser(c, 'member1');
    const id = await createGroup(c, 'Sales Team', { members: [{ value: user }] });
    const res = await c.get('/Groups?excludedAttributes=members&filter=displayName+eq+%22Sales+Team%22');
    expect(res.body.totalResults).toBe(1);
    const group = res.body.Resources[0];
    expect(group).toMatchObject({
      id,
      displayName: 'Sales Team',
      externalId: 'ext-Sales Team',
      schemas: [URN.Group],
      meta: { resourceType: 'Group' },
    });
    expect(group).not.toHaveProperty('members');
  });

  it("accepts the validator's literal quotes with excludedAttributes first (F-02)", async () => {
    const c = client();
    await createGroup(c, 'QFNHWJVAJKRO');
    const res = await c.raw
      .get('/Groups?excludedAttributes=members&filter=displayName+eq+"QFNHWJVAJKRO"')
      .set(AUTH)
      .set('Host', HOST);
    expect(res.body.totalResults).toBe(1);
  });

  it('reads a group by id without members when asked (G-03)', async () => {
    const c = client();
    const user = await createUser(c, 'm');
    const id = await createGroup(c, 'G3', { members: [{ value: user }] });
    const res = await c.get(`/Groups/${id}?excludedAttributes=members`);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('members');
    expect((await c.get(`/Groups/${id}`)).body.members).toEqual([{ value: user }]);
  });

  it('matches displayName case-insensitively (G-04)', async () => {
    const c = client();
    await createGroup(c, 'MixedCase');
    expect((await c.get('/Groups?filter=displayName+eq+%22mixedcase%22')).body.totalResults).toBe(1);
  });

  it('pages groups like users (U-23 for groups)', async () => {
    const c = client();
    for (let i = 0; i < 7; i++) await createGroup(c, `page-${i}`);
    const res = await c.get('/Groups?startIndex=6&count=5');
    expect(res.body).toMatchObject({ totalResults: 7, startIndex: 6, itemsPerPage: 2 });
  });
});

describe('POST /Groups', () => {
  it("creates Entra's empty group with the ADSCIM URN: 201, Location, ADSCIM URN dropped (G-05, X-14)", async () => {
    const c = client();
    const res = await c.post('/Groups', entraGroup('displayName'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      displayName: 'displayName',
      externalId: 'ext-displayName',
      schemas: [URN.Group],
      meta: { resourceType: 'Group' },
    });
    expect(res.body.id).toEqual(expect.any(String));
    expect(res.headers.location).toBe(res.body.meta.location);
    expect(res.headers.etag).toBe(res.body.meta.version);
    expect(res.body.members ?? []).toEqual([]);
  });

  it('accepts the legacy ADSCIM URN as the only schema (X-14 legacy)', async () => {
    const res = await client().post('/Groups', {
      schemas: ['http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group'],
      displayName: 'legacy',
    });
    expect(res.status).toBe(201);
  });

  it('creates a group with initial members (G-06)', async () => {
    const c = client();
    const u = await createUser(c, 'vp');
    const res = await c.post('/Groups', entraGroup('Filled', { members: [{ value: u, display: 'VP' }] }));
    expect(res.status).toBe(201);
    expect(res.body.members).toEqual([{ value: u, display: 'VP' }]);
  });

  it('answers 409 uniqueness for a displayName that differs only in case (G-04)', async () => {
    const c = client();
    await createGroup(c, 'Engineering');
    const res = await c.post('/Groups', entraGroup('ENGINEERING'));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ schemas: [URN.Error], status: '409', scimType: 'uniqueness' });
    expect(c.server.store.count('Group')).toBe(1);
  });

  it('answers 400 invalidValue without displayName', async () => {
    const res = await client().post('/Groups', { schemas: [URN.Group], externalId: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe('invalidValue');
  });
});

describe('PATCH /Groups/{id}', () => {
  it('adds members in default mode with "$ref": null and answers 204 (G-07, G-20)', async () => {
    const c = client();
    const u = await createUser(c, 'f648');
    const g = await createGroup(c, 'G7');
    const res = await c.patch(
      `/Groups/${g}`,
      patchOp({ op: 'Add', path: 'members', value: [{ $ref: null, value: u }] }),
    );
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers.etag).toMatch(/^W\//);
    expect((await c.get(`/Groups/${g}`)).body.members).toEqual([{ value: u }]);
  });

  it('adds several members at once and ignores a repeated add (G-08, G-09)', async () => {
    const c = client();
    const [a, b] = [await createUser(c, 'a'), await createUser(c, 'b')];
    const g = await createGroup(c, 'G9');
    await c.patch(`/Groups/${g}`, patchOp({ op: 'add', path: 'members', value: [{ value: a }, { value: b }] }));
    const again = await c.patch(`/Groups/${g}`, patchOp({ op: 'add', path: 'members', value: [{ value: a }] }));
    expect(again.status).toBe(204);
    expect(await members(c, g)).toEqual([a, b].sort());
  });

  it('removes only the listed member with a value array (G-10) and with a filtered path (G-11)', async () => {
    const c = client();
    const [a, b, d] = [await createUser(c, 'ra'), await createUser(c, 'rb'), await createUser(c, 'rd')];
    const g = await createGroup(c, 'G10', { members: [{ value: a }, { value: b }, { value: d }] });
    expect(
      (await c.patch(`/Groups/${g}`, patchOp({ op: 'Remove', path: 'members', value: [{ value: a }] }))).status,
    ).toBe(204);
    expect(await members(c, g)).toEqual([b, d].sort());
    expect((await c.patch(`/Groups/${g}`, patchOp({ op: 'remove', path: `members[value eq "${b}"]` }))).status).toBe(
      204,
    );
    expect(await members(c, g)).toEqual([d]);
  });

  it('treats removing a non-member as success (G-12)', async () => {
    const c = client();
    const g = await createGroup(c, 'G12');
    const res = await c.patch(
      `/Groups/${g}`,
      patchOp({ op: 'Remove', path: 'members', value: [{ value: 'not-a-member' }] }),
    );
    expect(res.status).toBe(204);
  });

  it("renames, and answers 409 for a rename onto another group's name (G-15)", async () => {
    const c = client();
    const g = await createGroup(c, 'Old');
    await createGroup(c, 'Taken');
    expect((await c.patch(`/Groups/${g}`, patchOp({ op: 'Replace', path: 'displayName', value: 'New' }))).status).toBe(
      204,
    );
    expect((await c.get('/Groups?filter=displayName+eq+%22New%22')).body.totalResults).toBe(1);
    const clash = await c.patch(`/Groups/${g}`, patchOp({ op: 'replace', value: { displayName: 'taken' } }));
    expect(clash.status).toBe(409);
    expect(clash.body.scimType).toBe('uniqueness');
  });

  it('answers 200 with the resource when the client asks for attributes (RFC 7644 §3.5.2)', async () => {
    const c = client();
    const g = await createGroup(c, 'WithAttrs');
    const res = await c.patch(
      `/Groups/${g}?attributes=displayName`,
      patchOp({ op: 'replace', value: { externalId: 'e2' } }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ schemas: [URN.Group], id: g, displayName: 'WithAttrs' });
  });

  it('answers 404 for an unknown group (P-16)', async () => {
    const res = await client().patch('/Groups/nope', patchOp({ op: 'Add', path: 'members', value: [{ value: 'x' }] }));
    expect(res.status).toBe(404);
  });
});

describe('DELETE /Groups/{id} and membership hygiene', () => {
  it('answers 204, then 404 on GET and on a second DELETE, and 0 results on filter (G-17)', async () => {
    const c = client();
    const g = await createGroup(c, 'Doomed');
    expect((await c.delete(`/Groups/${g}`)).status).toBe(204);
    expect((await c.get(`/Groups/${g}`)).status).toBe(404);
    expect((await c.get('/Groups?filter=displayName+eq+%22Doomed%22')).body.totalResults).toBe(0);
    expect((await c.delete(`/Groups/${g}`)).status).toBe(404);
  });

  it('removes a deleted user from every group (G-21)', async () => {
    const c = client();
    const [a, b] = [await createUser(c, 'leaver'), await createUser(c, 'stayer')];
    const g1 = await createGroup(c, 'One', { members: [{ value: a }, { value: b }] });
    const g2 = await createGroup(c, 'Two', { members: [{ value: a }] });
    const before = (await c.get(`/Groups/${g1}`)).body.meta.version;
    await c.delete(`/Users/${a}`);
    expect(await members(c, g1)).toEqual([b]);
    const two = await c.get(`/Groups/${g2}`);
    expect(two.body).not.toHaveProperty('members');
    expect((await c.get(`/Groups/${g1}`)).body.meta.version).not.toBe(before);
  });

  it('keeps memberships of a disabled user (U-16, M-26)', async () => {
    const c = client();
    const u = await createUser(c, 'sleeper');
    const g = await createGroup(c, 'Kept', { members: [{ value: u }] });
    await c.patch(`/Users/${u}`, patchOp({ op: 'Replace', path: 'active', value: 'False' }));
    expect(await members(c, g)).toEqual([u]);
  });
});
