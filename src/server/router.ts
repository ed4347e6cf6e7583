/**
 * Matches a request path against the route table. Unknown paths are 404 and known paths with another
 * method are 405 with an Allow header, both as SCIM errors (catalog D-13).
 */
import { ScimError } from '../scim/errors.js';
import type { Method, Route, RouteHandler } from './routes/types.js';

export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

function matchSegments(route: Route, segments: string[]): Record<string, string> | undefined {
  if (route.segments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, pattern] of route.segments.entries()) {
    const segment = segments[i];
    if (segment === undefined) return undefined;
    if (pattern.startsWith(':')) params[pattern.slice(1)] = segment;
    else if (pattern.toLowerCase() !== segment.toLowerCase()) return undefined;
  }
  return params;
}

/** `segments` are the decoded path segments below basePath. The first matching route wins. */
export function matchRoute(routes: Route[], method: string, segments: string[]): RouteMatch {
  for (const route of routes) {
    const params = matchSegments(route, segments);
    if (!params) continue;
    const handler = route.methods[method as Method] ?? route.any;
    if (handler) return { kind: 'found', handler, params };
    return { kind: 'method-not-allowed', allow: Object.keys(route.methods) };
  }
  return { kind: 'not-found' };
}

/**
 * Splits a raw path into decoded segments below basePath, tolerating a trailing slash and doubled slashes
 * (a tenant URL configured with a trailing slash gives `…/scim//Users`; catalog D-01). Returns undefined when
 * the path is not under basePath or cannot be decoded.
 */
export function segmentsBelow(basePath: string, rawPath: string): string[] | undefined {
  const parts = rawPath.split('/').filter(Boolean);
  const base = basePath.split('/').filter(Boolean);
  for (const [i, name] of base.entries()) {
    if (parts[i]?.toLowerCase() !== name.toLowerCase()) return undefined;
  }
  try {
    return parts.slice(base.length).map((p) => decodeURIComponent(p));
  } catch {
    return undefined;
  }
}

export function notFoundError(path: string): ScimError {
  return new ScimError(404, undefined, `No SCIM endpoint at ${path}.`);
}

export function methodNotAllowedError(method: string, path: string, allow: string[]): ScimError {
  return new ScimError(405, undefined, `${method} is not supported on ${path}; allowed: ${allow.join(', ')}.`);
}
