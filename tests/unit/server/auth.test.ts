// Bearer authentication on every endpoint (catalog D-03, D-04; RFC 6750).
import { describe, expect, it } from 'vitest';
import { URN } from '../../../src/scim/urns.js';
import { makeServer, TOKEN } from './helpers.js';

const endpoints = [
  '/Users',
  '/Groups',
  '/Users/some-id',
  '/ServiceProviderConfig',
  '/ResourceTypes',
  '/Schemas',
  '/no-such-route',
];

describe('bearer authentication', () => {
  it.each(endpoints)(
    'answers 401 with a SCIM error and a Bearer challenge when %s is called without a token',
    async (path) => {
      const { http } = makeServer();
      const res = await http.get(path);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer\b/);
      expect(res.body).toMatchObject({ schemas: [URN.Error], status: '401' });
      expect(res.body.detail).toEqual(expect.any(String));
    },
  );

  it.each([
    ['a wrong token', 'Bearer not-the-token'],
    ['the token without the Bearer scheme', TOKEN],
    ['the Basic scheme', `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}`],
    ['an empty Bearer', 'Bearer '],
    ['the token with a prefix', `Bearer x${TOKEN}`],
    ['a longer token', `Bearer ${TOKEN}x`],
  ])('answers 401 for %s', async (_label, authorization) => {
    const { http } = makeServer();
    const res = await http.get('/Users').set('Authorization', authorization);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer\b/);
    expect(res.body.schemas).toEqual([URN.Error]);
  });

  it('marks a presented but wrong token as invalid_token (RFC 6750 §3)', async () => {
    const { http } = makeServer();
    const res = await http.get('/Users').set('Authorization', 'Bearer wrong');
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('accepts the scheme name in any case (RFC 9110 §11.1)', async () => {
    const { http } = makeServer();
    const res = await http.get('/Users').set('Authorization', `bearer ${TOKEN}`);
    expect(res.status).toBe(200);
  });

  it('checks the token before anything else, so an unauthenticated POST with junk gets 401, not 400', async () => {
    const { http, server } = makeServer();
    const res = await http.post('/Users').set('Content-Type', 'application/scim+json').send('{not json');
    expect(res.status).toBe(401);
    expect(server.store.count('User')).toBe(0);
  });

  it('never creates anything for a request with a wrong token', async () => {
    const { http, server } = makeServer();
    const res = await http
      .post('/Users')
      .set('Authorization', 'Bearer wrong')
      .set('Content-Type', 'application/scim+json')
      .send(JSON.stringify({ schemas: [URN.User], userName: 'x' }));
    expect(res.status).toBe(401);
    expect(server.store.count('User')).toBe(0);
  });
});
