/**
 * Joins resource paths onto the configured base URL the way Entra does (catalog D-01): the base may have a
 * path prefix and may or may not end in a slash; resources live directly under it. A query string on the
 * base (such as Entra's `aadOptscim062020` flag) is not sent with requests (catalog §10, question 2).
 *
 * The path is `/{endpoint}` or `/{endpoint}/{id}` (RFC 7644 §3.2): everything after the endpoint is the id, a
 * value the target handed out, and is percent-encoded here as ONE segment, for every request of the run. An id
 * with `/`, `?`, `#`, `%`, a space, `+` or non-ASCII letters stays one segment of the base path, and `../` can
 * never leave it (issue 16 item 4; decisions/ids-in-paths.md). Callers pass ids as they are, never encoded.
 */
export function joinUrl(baseUrl: string, path: string, query?: Record<string, string> | string): string {
  const suffix = resourcePath(path.startsWith('/') ? path : `/${path}`);
  let url = `${resourceRoot(baseUrl)}${suffix}`;
  const qs = typeof query === 'string' ? query : query ? encodeQuery(query) : '';
  if (qs) url += `?${qs}`;
  return url;
}

/** A run has one base URL: what it is joined from is parsed once, not for every request (issue 19). */
const roots = new Map<string, string>();

/** `protocol//host/prefix` of a base URL: its query and trailing slashes dropped. */
function resourceRoot(baseUrl: string): string {
  let root = roots.get(baseUrl);
  if (root === undefined) {
    const base = new URL(baseUrl);
    root = `${base.protocol}//${base.host}${base.pathname.replace(/\/+$/, '')}`;
    if (roots.size >= 16) roots.clear();
    roots.set(baseUrl, root);
  }
  return root;
}

/**
 * Form-style encoding, exactly as Entra's provisioning service sends queries: spaces as `+`, quotes as `%22`,
 * `@` as `%40` (catalog F-02: `?filter=userName+eq+%22...%22`).
 */
export function encodeQuery(query: Record<string, string>): string {
  return new URLSearchParams(query).toString();
}

/** The path and query of a URL, relative to the base, for messages ("GET /Users?filter=..."). */
export function displayPath(baseUrl: string, url: string): string {
  const prefix = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const target = new URL(url);
  const path = target.pathname.startsWith(prefix) ? target.pathname.slice(prefix.length) || '/' : target.pathname;
  return `${path}${target.search}`;
}

/** Thrown for an id that no encoding keeps inside the endpoint: `.` and `..` (URL parsers resolve even %2E%2E). */
export class UnsafeIdError extends Error {
  constructor(id: string) {
    super(`the id "${id}" cannot be sent as a path segment (it would address another path); not sent`);
    this.name = 'UnsafeIdError';
  }
}

/** `/Users/<id>` with the id percent-encoded as one segment (`:` and `@` kept, as RFC 3986 pchar allows). */
export function resourcePath(path: string): string {
  const second = path.indexOf('/', 1);
  if (second < 0) return path;
  const id = path.slice(second + 1);
  if (id === '') return path;
  if (id === '.' || id === '..') throw new UnsafeIdError(id);
  return `${path.slice(0, second + 1)}${encodeURIComponent(id).replace(/%3A/g, ':').replace(/%40/g, '@')}`;
}
