/**
 * Small readers and answers shared by the project's fault servers (tests/faults) and variant servers
 * (tests/variants): they rewrite the reference server's requests and responses (src/server/faults.ts).
 */
import type { FaultRequest, FaultResponse } from '../../src/server/app.js';
import { TEST_TOKEN } from './target-server.js';

export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The request carries the test token (a fault changes only what an authorised client would see). */
export const authorized = (req: FaultRequest) => req.headers.authorization === `Bearer ${TEST_TOKEN}`;

/** A PATCH of one user or group. */
export const isPatch = (req: FaultRequest, type: 'Users' | 'Groups') =>
  req.method === 'PATCH' && new RegExp(`/${type}/[^/]+$`).test(req.path);

/** A GET of the Users or Groups collection (a listing or a filter). */
export const isQuery = (req: FaultRequest, type: 'Users' | 'Groups') =>
  req.method === 'GET' && req.path.endsWith(`/${type}`);

/** The unfiltered GET /Users that Account Discovery pages through. */
export const isUnfilteredList = (req: FaultRequest) =>
  req.method === 'GET' && /\/Users$/.test(req.path) && !req.query.has('filter');

/** The Operations of a PatchOp body ([] when there are none). */
export const operations = (req: FaultRequest): Array<Record<string, unknown>> =>
  Array.isArray((req.body as { Operations?: unknown })?.Operations)
    ? (req.body as { Operations: Array<Record<string, unknown>> }).Operations
    : [];

/** The same request with another body. */
export const withBody = (req: FaultRequest, body: unknown): FaultRequest => ({ ...req, body });

/** A SCIM error answer (RFC 7644 §3.12). */
export const scimError = (status: number, scimType: string | undefined, detail: string): FaultResponse => ({
  status,
  headers: {},
  body: { schemas: [ERROR_URN], status: String(status), ...(scimType ? { scimType } : {}), detail },
});
