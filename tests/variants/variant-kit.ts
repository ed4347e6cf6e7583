/**
 * The types of variant servers (variants.ts) and the response rewrites they are built from.
 */
import type { FaultRequest, FaultResponse, ServerFault } from '../../src/server/app.js';
import type { ResourceStore } from '../../src/server/store.js';
import { ERROR_URN } from '../helpers/fault-kit.js';

export type Json = Record<string, unknown>;

/** What a stateful variant may read from the server it runs on. */
export interface VariantServer {
  store(): ResourceStore;
}

export interface Variant {
  /** Why the RFC allows this answer and why Entra copes with it. */
  why: string;
  faults(server: VariantServer): ServerFault[];
  /** Options for the reference server (e.g. a smaller page cap). */
  server?: { maxResults?: number };
  /** Behaviour ids whose lower-level tests may fail (warnings); a blocking failure is never allowed. */
  warns: string[];
}

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isError = (res: FaultResponse) =>
  res.status >= 400 && isObject(res.body) && Array.isArray(res.body.schemas) && res.body.schemas.includes(ERROR_URN);
export const resourcePath = (req: FaultRequest, type: 'Users' | 'Groups') =>
  new RegExp(`/${type}(/[^/]+)?$`).test(req.path);

/** Applies `rewrite` to the resource of a body and to every resource of a ListResponse. */
export function eachResource(res: FaultResponse, rewrite: (resource: Json) => Json): FaultResponse | void {
  const body = res.body;
  if (!isObject(body) || res.status >= 400) return;
  if (Array.isArray(body.Resources))
    return { ...res, body: { ...body, Resources: body.Resources.map((r) => (isObject(r) ? rewrite(r) : r)) } };
  if (typeof body.id === 'string') return { ...res, body: rewrite(body) };
}

/** The resource type of a response body: from meta.resourceType, or the endpoint. */
export function typeOf(resource: Json, req: FaultRequest): 'User' | 'Group' | undefined {
  const meta = resource.meta;
  const declared = isObject(meta) ? meta.resourceType : undefined;
  if (declared === 'User' || declared === 'Group') return declared;
  if (/\/Users(\/|$)/.test(req.path)) return 'User';
  if (/\/Groups(\/|$)/.test(req.path)) return 'Group';
  return undefined;
}

export function onResponse(
  name: string,
  fn: (req: FaultRequest, res: FaultResponse) => FaultResponse | void,
): ServerFault[] {
  return [{ name, onResponse: fn }];
}

/** Merges `change(type, resource)` into the meta of every User and Group a response carries. */
export function withMeta(name: string, change: (type: 'User' | 'Group', resource: Json) => Json): ServerFault[] {
  return onResponse(name, (req, res) =>
    eachResource(res, (r) => {
      const type = typeOf(r, req);
      return isObject(r.meta) && type ? { ...r, meta: { ...r.meta, ...change(type, r) } } : r;
    }),
  );
}

export function asked(req: FaultRequest, attribute: string): boolean {
  const value = [...req.query].find(([k]) => k.toLowerCase() === 'attributes')?.[1] ?? '';
  return value.split(',').some((a) => a.trim().toLowerCase() === attribute);
}

export function withoutMembers(req: FaultRequest, res: FaultResponse, unlessAsked: boolean): FaultResponse | void {
  if (!resourcePath(req, 'Groups') || (unlessAsked && asked(req, 'members'))) return;
  return eachResource(res, (r) => {
    const { members: _members, ...rest } = r;
    return rest;
  });
}
