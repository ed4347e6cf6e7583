/**
 * Starts the reference server on a real port for in-process callers (tests) and returns its URL and a close
 * function. The CLI's `serve` command builds the server itself (it adds the profile's resource types and prints).
 */
import { createScimServer, type ScimServerOptions } from './app.js';

export interface ServeOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Bearer token clients must send. */
  token: string;
  /** Path prefix, e.g. "/scim/v2"; default "". */
  basePath?: string;
  /** Passed through to createScimServer (resourceTypes, maxResults, …). */
  server?: Omit<ScimServerOptions, 'token' | 'basePath'>;
}

export interface RunningServer {
  /** Base URL including basePath, e.g. http://127.0.0.1:8080/scim/v2 */
  url: string;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  if (!options.token) throw new Error('Failed to start the reference server: a bearer token is required.');
  const server = createScimServer({ ...options.server, token: options.token, basePath: options.basePath });
  const { url } = await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return { url, close: () => server.close() };
}
