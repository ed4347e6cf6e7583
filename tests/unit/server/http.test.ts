// Transport-level behaviour of the reference server: content types, routing errors, body limits, base URL
// handling (catalog D-01, D-07, D-08, D-09, D-13; RFC 7644 §3.8, §3.12).
import { afterEach, describe, expect, it } from 'vitest';
import { createScimServer } from '../../../src/server/app.js';
import { serve } from '../../../src/server/serve.js';
import { URN } from '../../../src/scim/urns.js';
import { AUTH, client, entraUser, makeServer, TOKEN } from './helpers.js';

const SCIM_CT = 'application/scim+json; charset=utf-8';

describe('request content types (D-07)', () => {
  it.each([
    'application/scim+json',
    'application/json',
    'application/scim+json; charset=utf-8',
    'application/json; charset=UTF-8',
    'Application/SCIM+JSON',
  ])('accepts a POST body sent as %s', async (contentType) => {
    const { http } = makeServer();
    const res = await http
      .post('/Users')
      .set(AUTH)
      .set('Content-Type', contentType)
      .send(JSON.stringify(entraUser('ct-user')));
    expect(res.status).toBe(201);
  });

  it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])(
    'answers 415 with a SCIM error for %s',
    async (contentType) => {
      const { http, server } = makeServer();
      const res = await http
        .post('/Users')
        .set(AUTH)
        .set('Content-Type', contentType)
        .send(JSON.stringify(entraUser('x')));
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toBe(SCIM_CT);
      expect(res.body).toMatchObject({ schemas: [URN.Error], status: '415' });
      expect(server.store.count('User')).toBe(0);
    },
  );
});

describe('response content type on every response (D-08)', () => {
  it.each([
    ['GET list', (c: ReturnType<typeof client>) => c.get('/Users')],
    ['404 unknown route', (c: ReturnType<typeof client>) => c.get('/Nope')],
    ['404 unknown id', (c: ReturnType<typeof client>) => c.get('/Users/unknown')],
    ['400 invalid filter', (c: ReturnType<typeof client>) => c.get('/Users?filter=userName+zz+%22a%22')],
    ['405', (c: ReturnType<typeof client>) => c.raw.put('/Users').set(AUTH)],
    ['discovery', (c: ReturnType<typeof client>) => c.get('/ServiceProviderConfig')],
  ])('%s is application/scim+json; charset=utf-8', async (_label, call) => {
    const res = await call(client());
    expect(res.headers['content-type']).toBe(SCIM_CT);
  });
});

describe('routing errors (D-13)', () => {
  it('answers an unknown path with a 404 SCIM error', async () => {
    const res = await client().get('/Widgets');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ schemas: [URN.Error], status: '404' });
  });

  it('answers an unsupported method with a 405 SCIM error and an Allow header', async () => {
    const c = client();
    const res = await c.raw.put('/Users').set(AUTH);
    expect(res.status).toBe(405);
    expect(res.body).toMatchObject({ schemas: [URN.Error], status: '405' });
    expect(res.headers.allow).toBe('GET, POST');
  });

  it('answers DELETE on the collection with 405', async () => {
    const res = await client().delete('/Groups');
    expect(res.status).toBe(405);
  });

  it.each(['/Me', '/Bulk'])('answers %s with 501 Not Implemented (RFC 7644 §3.11, §3.7)', async (path) => {
    const res = await client().get(path);
    expect(res.status).toBe(501);
    expect(res.body.schemas).toEqual([URN.Error]);
  });
});

describe('request bodies', () => {
  it('answers malformed JSON with 400 invalidSyntax (U-09)', async () => {
    const c = client();
    const res = await c.raw.post('/Users').set(AUTH).set('Content-Type', 'application/scim+json').send('{"userName": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ schemas: [URN.Error], status: '400', scimType: 'invalidSyntax' });
  });

  it('answers an empty POST body with 400 invalidSyntax', async () => {
    const c = client();
    const res = await c.raw.post('/Users').set(AUTH).set('Content-Type', 'application/scim+json');
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe('invalidSyntax');
  });

  it('answers a JSON array body with 400 invalidSyntax', async () => {
    const res = await client().post('/Users', [entraUser('a')]);
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe('invalidSyntax');
  });

  it('answers a body over the cap with a 413 SCIM error', async () => {
    const { http, server } = makeServer({ maxBodyBytes: 1024 });
    const res = await http
      .post('/Users')
      .set(AUTH)
      .set('Content-Type', 'application/scim+json')
      .send(JSON.stringify(entraUser('big', { title: 'x'.repeat(5000) })));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ schemas: [URN.Error], status: '413' });
    expect(server.store.count('User')).toBe(0);
  });

  it('caps bodies at 1 MiB by default', async () => {
    const { http } = makeServer();
    const res = await http
      .post('/Users')
      .set(AUTH)
      .set('Content-Type', 'application/scim+json')
      .send(JSON.stringify(entraUser('huge', { title: 'x'.repeat(1024 * 1024) })));
    expect(res.status).toBe(413);
  });
});

describe('base path (D-01)', () => {
  it.each(['/scim/v2', '/scim/v2/', 'scim/v2'])('serves resources under basePath %s', async (basePath) => {
    const { http } = makeServer({ basePath });
    expect((await http.get('/scim/v2/Users').set(AUTH)).status).toBe(200);
    expect((await http.get('/Users').set(AUTH)).status).toBe(404);
  });

  it('accepts a trailing slash and the doubled slash of a tenant URL that ends in "/"', async () => {
    const { http } = makeServer({ basePath: '/scim/v2' });
    expect((await http.get('/scim/v2/Users/').set(AUTH)).status).toBe(200);
    expect((await http.get('/scim/v2//Users?filter=userName+eq+%22x%22').set(AUTH)).status).toBe(200);
    expect((await http.get('/scim/v2/ServiceProviderConfig/').set(AUTH)).status).toBe(200);
  });

  it('puts basePath into meta.location and the Location header', async () => {
    const c = client({ basePath: '/scim/v2' });
    const res = await c.post('/Users', entraUser('located'));
    expect(res.status).toBe(201);
    expect(res.body.meta.location).toMatch(new RegExp(`^http://[^/]+/scim/v2/Users/${res.body.id}$`));
    expect(res.headers.location).toBe(res.body.meta.location);
  });
});

describe('listen, close and serve', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (closers.length) await closers.pop()?.();
  });

  it('listens on a free port and returns the base URL with basePath', async () => {
    const server = createScimServer({ token: TOKEN, basePath: '/scim/v2' });
    const { url } = await server.listen(0);
    closers.push(() => server.close());
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
    const res = await fetch(`${url}/Users?filter=userName+eq+%22probe%22`, { headers: AUTH });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(SCIM_CT);
    expect(await res.json()).toMatchObject({ totalResults: 0, Resources: [] });
  });

  it('close() is safe to call twice and when never started', async () => {
    const server = createScimServer({ token: TOKEN });
    await server.close();
    await server.listen(0);
    await server.close();
    await server.close();
  });

  it('serve() starts a server for the CLI and close() stops it', async () => {
    const running = await serve({ port: 0, host: '127.0.0.1', token: TOKEN, basePath: '/scim' });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim$/);
    const res = await fetch(`${running.url}/ServiceProviderConfig`, { headers: AUTH });
    expect(res.status).toBe(200);
    await running.close();
    await expect(fetch(`${running.url}/ServiceProviderConfig`, { headers: AUTH })).rejects.toThrow();
  });

  it('serve() refuses to start without a token', async () => {
    await expect(serve({ token: '' })).rejects.toThrow(/token/);
  });
});
