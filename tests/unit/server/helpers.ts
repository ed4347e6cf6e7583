/**
 * Shared set-up for the reference-server tests: a fresh server per test, a supertest agent bound to its
 * handler, and the Entra request shapes used across files.
 */
import request from 'supertest';
import { createScimServer, type ScimServer, type ScimServerOptions } from '../../../src/server/app.js';
import { URN } from '../../../src/scim/urns.js';

export const TOKEN = 'test-token-0123456789';
export const AUTH = { Authorization: `Bearer ${TOKEN}` };
/** supertest listens on a new port per request; a fixed Host keeps meta.location comparable. */
export const HOST = 'scim.test';
export const SCIM_JSON = 'application/scim+json';

export function makeServer(options: Partial<ScimServerOptions> = {}): {
  server: ScimServer;
  http: ReturnType<typeof request>;
} {
  const server = createScimServer({ token: TOKEN, ...options });
  return { server, http: request(server.handler) };
}

/** A supertest agent whose every request carries the bearer token and the SCIM content type. */
export function client(options: Partial<ScimServerOptions> = {}) {
  const { server, http } = makeServer(options);
  const base = options.basePath ?? '';
  return {
    server,
    get: (path: string) =>
      http
        .get(base + path)
        .set(AUTH)
        .set('Host', HOST),
    delete: (path: string) =>
      http
        .delete(base + path)
        .set(AUTH)
        .set('Host', HOST),
    post: (path: string, body: unknown) =>
      http
        .post(base + path)
        .set(AUTH)
        .set('Host', HOST)
        .set('Content-Type', SCIM_JSON)
        .send(JSON.stringify(body)),
    put: (path: string, body: unknown) =>
      http
        .put(base + path)
        .set(AUTH)
        .set('Host', HOST)
        .set('Content-Type', SCIM_JSON)
        .send(JSON.stringify(body)),
    patch: (path: string, body: unknown) =>
      http
        .patch(base + path)
        .set(AUTH)
        .set('Host', HOST)
        .set('Content-Type', SCIM_JSON)
        .send(JSON.stringify(body)),
    raw: http,
  };
}

export type Client = ReturnType<typeof client>;

/** Catalog U-06: Entra's documented create body (enterprise URN listed, no enterprise object). */
export function entraUser(userName: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [URN.User, URN.EnterpriseUser],
    externalId: `ext-${userName}`,
    userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: `${userName}@example.com` }],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
    ...extra,
  };
}

/** Catalog G-05: Entra's group create body with Microsoft's ADSCIM URN. */
export function entraGroup(displayName: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [URN.Group, URN.EntraAdscimGroup],
    externalId: `ext-${displayName}`,
    displayName,
    meta: { resourceType: 'Group' },
    ...extra,
  };
}

export function patchOp(...operations: unknown[]) {
  return { schemas: [URN.PatchOp], Operations: operations };
}

export async function createUser(c: Client, userName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await c.post('/Users', entraUser(userName, extra));
  if (res.status !== 201) throw new Error(`create user ${userName}: ${res.status} ${res.text}`);
  return res.body.id as string;
}

export async function createGroup(
  c: Client,
  displayName: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await c.post('/Groups', entraGroup(displayName, extra));
  if (res.status !== 201) throw new Error(`create group ${displayName}: ${res.status} ${res.text}`);
  return res.body.id as string;
}
