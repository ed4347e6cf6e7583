/**
 * What every route handler receives and returns. Handlers are synchronous and pure apart from the store:
 * they read the (possibly fault-rewritten) request and return a response value that app.ts writes.
 */
import type { ResourceTypeDefinition } from '../../scim/schema-types.js';
import type { FaultRequest, FaultResponse } from '../faults.js';
import type { SchemaIndex } from '../schema-index.js';
import type { ResourceStore } from '../store.js';

export interface ServerConfig {
  resourceTypes: ResourceTypeDefinition[];
  /** SchemaIndex per resource type name. */
  indexes: Map<string, SchemaIndex>;
  maxResults: number;
  now: () => Date;
}

export interface RouteContext {
  req: FaultRequest;
  /** Decoded path parameters, e.g. { id } for /Users/{id}. */
  params: Record<string, string>;
  /** Absolute base URL of this server as the client reached it, basePath included, no trailing slash. */
  baseUrl: string;
  store: ResourceStore;
  config: ServerConfig;
}

export type RouteHandler = (ctx: RouteContext) => FaultResponse;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  /** Path segments below basePath; `:name` captures a segment. Literal segments match case-insensitively. */
  segments: string[];
  methods: Partial<Record<Method, RouteHandler>>;
  /** Answers every method (used for endpoints this server does not implement, e.g. /Bulk → 501). */
  any?: RouteHandler;
}

/** A path parameter the route declares (`:id` → param(ctx, 'id')): always there when its handler runs. */
export function param(ctx: RouteContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`the route has no :${name} segment`);
  return value;
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): FaultResponse {
  return { status, headers, body };
}

/** Reads one header as a single string (first value if repeated). */
export function header(ctx: RouteContext, name: string): string | undefined {
  const value = ctx.req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
