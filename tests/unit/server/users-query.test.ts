// GET /Users queries: Entra's exact probe and match requests, paging, projection, sorting, POST /.search
// (catalog U-01…U-05, U-21…U-23, F-01…F-10; RFC 7644 §3.4.2, §3.4.3).
import { describe, expect, it } from 'vitest';
import { URN } from '../../../src/scim/urns.js';
import { AUTH, client, createUser, HOST, type Client } from './helpers.js';

const EMPTY_LIST = { schemas: [URN.ListResponse], totalResults: 0, Resources: [], startIndex: 1, itemsPerPage: 0 };

async function seed(c: Client, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) ids.push(await createUser(c, `user${String(i).padStart(2, '0')}`));
  return ids;
}

describe('Entra probes and matches', () => {
  it('answers the Test Connection probe with + and %22 with an empty ListResponse (U-01)', async () => {
    const res = await client().get('/Users?filter=userName+eq+%22cf4d78e8-cc4f-4d5d-b8b9-183561c0104a%22');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(res.body).toEqual(EMPTY_LIST);
  });

  it("accepts the validator's literal quotes and %40 (F-02)", async () => {
    const c = client();
    await createUser(c, 'adrianna_jenkins@jewessupton.com');
    const res = await c.raw
      .get('/Users?filter=userName+eq+"adrianna_jenkins%40jewessupton.com"')
      .set(AUTH)
      .set('Host', HOST);
    expect(res.status).toBe(200);
    expect(res.body.totalResults).toBe(1);
  });

  it("accepts the un-encoded form printed in Microsoft's docs, with %20 spaces", async () => {
    const c = client();
    await createUser(c, 'spaced');
    const res = await c.get('/Users?filter=userName%20eq%20%22spaced%22');
    expect(res.body.totalResults).toBe(1);
  });

  it('returns exactly one resource with id, userName, schemas and meta for a match (U-03)', async () => {
    const c = client();
    const id = await createUser(c, 'Test_User_match');
    await createUser(c, 'Test_User_match2');
    const res = await c.get('/Users?filter=userName+eq+%22Test_User_match%22');
    expect(res.body).toMatchObject({ schemas: [URN.ListResponse], totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect(res.body.Resources).toHaveLength(1);
    expect(res.body.Resources[0]).toMatchObject({
      id,
      userName: 'Test_User_match',
      schemas: [URN.User],
      meta: { resourceType: 'User' },
    });
  });

  it('matches userName case-insensitively and returns the stored casing (U-21)', async () => {
    const c = client();
    await createUser(c, 'noemie.hoppe@schaefer.us');
    const res = await c.get('/Users?filter=userName+eq+"NOEMIE.HOPPE%40SCHAEFER.US"');
    expect(res.body.totalResults).toBe(1);
    expect(res.body.Resources[0].userName).toBe('noemie.hoppe@schaefer.us');
  });

  it('matches on externalId case-exactly (U-04, F-04)', async () => {
    const c = client();
    await createUser(c, 'john', { externalId: 'johnwong' });
    expect((await c.get('/Users?filter=externalId+eq+%22johnwong%22')).body.totalResults).toBe(1);
    expect((await c.get('/Users?filter=externalId+eq+%22JohnWong%22')).body.totalResults).toBe(0);
  });

  it('filters on emails[type eq "work"].value (U-05, F-08)', async () => {
    const c = client();
    await createUser(c, 'mailer');
    await createUser(c, 'other');
    const res = await c.get('/Users?filter=emails%5Btype+eq+%22work%22%5D.value+eq+%22mailer%40example.com%22');
    expect(res.body.totalResults).toBe(1);
    expect(res.body.Resources[0].userName).toBe('mailer');
  });

  it('accepts attribute names and operators in any case (F-03)', async () => {
    const c = client();
    await createUser(c, 'CaseUser');
    expect((await c.get('/Users?filter=UserName+EQ+%22caseuser%22')).body.totalResults).toBe(1);
  });

  it('answers the legacy manager check "id eq … and manager eq …&attributes=id" (F-10)', async () => {
    const c = client();
    const boss = await createUser(c, 'boss');
    const id = await createUser(c, 'report', { [URN.EnterpriseUser]: { manager: { value: boss } } });
    const res = await c.get(`/Users?filter=id+eq+%22${id}%22+and+manager+eq+%22${boss}%22&attributes=id`);
    expect(res.body.totalResults).toBe(1);
    expect(Object.keys(res.body.Resources[0]).sort()).toEqual(['id', 'schemas']);
    const none = await c.get(`/Users?filter=id+eq+%22${id}%22+and+manager+eq+%22someone-else%22&attributes=id`);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
  });

  it('honours the filter exactly: no prefix or substring matches (F-06)', async () => {
    const c = client();
    await createUser(c, 'ann');
    await createUser(c, 'anna');
    const res = await c.get('/Users?filter=userName+eq+%22ann%22');
    expect(res.body.totalResults).toBe(1);
  });

  it.each(['userName+zz+%22a%22', 'userName+eq', '(userName+eq+%22a%22', 'noSuchAttribute+eq+%22a%22', '%20'])(
    'answers the malformed or unsupported filter %s with 400 invalidFilter (F-09)',
    async (filter) => {
      const res = await client().get(`/Users?filter=${filter}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ schemas: [URN.Error], status: '400', scimType: 'invalidFilter' });
    },
  );

  it('ignores unknown query parameters (U-22) and accepts parameters in any order (F-02)', async () => {
    const c = client();
    await createUser(c, 'ordered');
    const res = await c.get('/Users?aadOptscim062020&attributes=userName&filter=userName+eq+%22ordered%22&foo=bar');
    expect(res.status).toBe(200);
    expect(res.body.totalResults).toBe(1);
    expect(res.body.Resources[0]).not.toHaveProperty('emails');
  });
});

describe('pagination (U-23, RFC 7644 §3.4.2.4)', () => {
  it('walks pages of 5 over 11 users with startIndex echoed and totalResults = all', async () => {
    const c = client();
    const ids = await seed(c, 11);
    const seen: string[] = [];
    for (const startIndex of [1, 6, 11]) {
      const res = await c.get(`/Users?startIndex=${startIndex}&count=5`);
      expect(res.body).toMatchObject({ totalResults: 11, startIndex, itemsPerPage: res.body.Resources.length });
      seen.push(...res.body.Resources.map((r: { id: string }) => r.id));
    }
    expect(seen).toEqual(ids);
  });

  it('returns itemsPerPage 2 and the full totalResults for ?startIndex=1&count=2 (Postman "Paginate")', async () => {
    const c = client();
    await seed(c, 4);
    const res = await c.get('/Users?startIndex=1&count=2');
    expect(res.body).toMatchObject({ totalResults: 4, itemsPerPage: 2, startIndex: 1 });
    expect(res.body.Resources).toHaveLength(2);
  });

  it('returns no resources for count=0 but still counts them', async () => {
    const c = client();
    await seed(c, 3);
    const res = await c.get('/Users?count=0');
    expect(res.body).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
  });

  it('reads startIndex below 1 as 1 and a negative count as 0', async () => {
    const c = client();
    await seed(c, 2);
    expect((await c.get('/Users?startIndex=0')).body).toMatchObject({ startIndex: 1, itemsPerPage: 2 });
    expect((await c.get('/Users?count=-4')).body).toMatchObject({ totalResults: 2, itemsPerPage: 0 });
  });

  it('returns an empty page past the end', async () => {
    const c = client();
    await seed(c, 2);
    expect((await c.get('/Users?startIndex=5&count=5')).body).toMatchObject({
      totalResults: 2,
      startIndex: 5,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it('pages by maxResults instead of refusing large results', async () => {
    const c = client({ maxResults: 3 });
    await seed(c, 5);
    const res = await c.get('/Users?count=100');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalResults: 5, itemsPerPage: 3 });
    expect((await c.get('/Users')).body.itemsPerPage).toBe(3);
  });

  it('answers a non-numeric count with 400 invalidValue', async () => {
    const res = await client().get('/Users?count=ten');
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe('invalidValue');
  });

  it('pages filtered results', async () => {
    const c = client();
    await seed(c, 6);
    const res = await c.get('/Users?filter=active+eq+true&startIndex=2&count=2');
    expect(res.body).toMatchObject({ totalResults: 6, startIndex: 2, itemsPerPage: 2 });
  });
});

describe('projection and sorting on lists', () => {
  it('limits attributes per resource and keeps id and schemas (U-22)', async () => {
    const c = client();
    await seed(c, 2);
    const res = await c.get('/Users?attributes=userName,emails');
    for (const r of res.body.Resources) expect(Object.keys(r).sort()).toEqual(['emails', 'id', 'schemas', 'userName']);
  });

  it('never excludes id or schemas, and returns only the named sub-attribute for name.givenName', async () => {
    const c = client();
    await createUser(c, 'keep-id');
    const excluded = await c.get('/Users?excludedAttributes=id,schemas,userName');
    expect(excluded.body.Resources[0]).toMatchObject({ id: expect.any(String), schemas: [URN.User] });
    expect(excluded.body.Resources[0]).not.toHaveProperty('userName');
    const sub = await c.get('/Users?attributes=NAME.GIVENNAME');
    expect(sub.body.Resources[0].name).toEqual({ givenName: 'givenName' });
  });

  it('returns URN-qualified extension attributes when asked for them', async () => {
    const c = client();
    await createUser(c, 'ent', { [URN.EnterpriseUser]: { department: 'Sales', employeeNumber: '7' } });
    const res = await c.get(`/Users?attributes=${URN.EnterpriseUser}:department`);
    expect(res.body.Resources[0][URN.EnterpriseUser]).toEqual({ department: 'Sales' });
    expect(res.body.Resources[0]).not.toHaveProperty('userName');
  });

  it('sorts by userName ascending and descending (RFC 7644 §3.4.2.3)', async () => {
    const c = client();
    for (const name of ['charlie', 'Alpha', 'bravo']) await createUser(c, name);
    const asc = await c.get('/Users?sortBy=userName');
    expect(asc.body.Resources.map((r: { userName: string }) => r.userName)).toEqual(['Alpha', 'bravo', 'charlie']);
    const desc = await c.get('/Users?sortBy=userName&sortOrder=descending');
    expect(desc.body.Resources.map((r: { userName: string }) => r.userName)).toEqual(['charlie', 'bravo', 'Alpha']);
  });
});

describe('POST /Users/.search and POST /.search (RFC 7644 §3.4.3)', () => {
  it('answers a SearchRequest like the equivalent GET', async () => {
    const c = client();
    await seed(c, 3);
    const res = await c.post('/Users/.search', {
      schemas: [URN.SearchRequest],
      filter: 'userName eq "user02"',
      attributes: ['userName'],
      startIndex: 1,
      count: 10,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schemas: [URN.ListResponse], totalResults: 1, itemsPerPage: 1 });
    expect(Object.keys(res.body.Resources[0]).sort()).toEqual(['id', 'schemas', 'userName']);
  });

  it('searches across resource types at the root', async () => {
    const c = client();
    await createUser(c, 'shared-name', { displayName: 'Shared' });
    await c.post('/Groups', { schemas: [URN.Group], displayName: 'Shared' });
    const res = await c.post('/.search', { schemas: [URN.SearchRequest], filter: 'displayName eq "shared"' });
    expect(res.body.totalResults).toBe(2);
    expect(res.body.Resources.map((r: { meta: { resourceType: string } }) => r.meta.resourceType).sort()).toEqual([
      'Group',
      'User',
    ]);
  });

  it('answers a body without the SearchRequest URN with 400 invalidSyntax', async () => {
    const res = await client().post('/Users/.search', { filter: 'userName eq "x"' });
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe('invalidSyntax');
  });

  it('answers GET /Users/.search with 405', async () => {
    expect((await client().get('/Users/.search')).status).toBe(405);
  });
});
