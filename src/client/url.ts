/**
 * Joins resource paths onto the configured base URL the way Entra does (catalog D-01): the base may have a
 * path prefix and may or may not end in a slash; resources live directly under it. A query string on the
 * base (such as Entra's `aadOptscim062020` flag) is not sent with requests (catalog §10, question 2).
 */
export function joinUrl(baseUrl: string, path: string, query?: Record<string, string> | string): string {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const suffix = path.startsWith('/') ? path : `/${path}`;
  let url = `${base.protocol}//${base.host}${prefix}${suffix}`;
  const qs = typeof query === 'string' ? query : query ? encodeQuery(query) : '';
  if (qs) url += `?${qs}`;
  return url;
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
