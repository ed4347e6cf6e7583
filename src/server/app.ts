/**
 * The reference SCIM 2.0 server: spec-correct, in memory, node:http only. It is the `--demo` target and the
 * oracle for the project's own tests.
 *
 * Request pipeline (see faults.ts for the fault hooks):
 *   read body (cap → 413) → faults.onRequest → bearer auth (401) → route (404/405) → content type (415)
 *   → JSON syntax (400 invalidSyntax) → handler → faults.onResponse → write (always application/scim+json).
 * Authentication runs before routing so that an unauthenticated client learns nothing about the routes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScimError } from '../scim/errors.js';
import type { ResourceTypeDefinition } from '../scim/schema-types.js';
import { checkBearer } from './auth.js';
import { defaultResourceTypes } from './engine.js';
import {
  responseDelay,
  runRequestFaults,
  runResponseFaults,
  type FaultRequest,
  type FaultResponse,
  type ServerFault,
} from './faults.js';
import { BodyTooLargeError, errorResponse, readBody, responseForThrown, writeResponse } from './http-io.js';
import { matchRoute, methodNotAllowedError, notFoundError, segmentsBelow } from './router.js';
import { buildRoutes } from './routes/index.js';
import type { Route, ServerConfig } from './routes/types.js';
import { SchemaIndex } from './schema-index.js';
import { ResourceStore, type UniqueAttribute } from './store.js';

export type { FaultRequest, FaultResponse, ServerFault } from './faults.js';

export interface ScimServerOptions {
  /** The bearer token every request must carry (catalog D-03). */
  token: string;
  /** Resource types to serve; default: User (+ enterprise extension) and Group. */
  resourceTypes?: ResourceTypeDefinition[];
  /** Path prefix of every endpoint, e.g. "/scim/v2"; default "" (endpoints at the root). */
  basePath?: string;
  /** Largest page a list returns, advertised as filter.maxResults; default 200. */
  maxResults?: number;
  /** Request/response hooks for the project's fault-injection tests; see faults.ts. */
  faults?: ServerFault[];
  /** Clock for meta.created / meta.lastModified; default () => new Date(). */
  now?: () => Date;
  /** Largest accepted request body in bytes (413 above it); default 1 MiB. */
  maxBodyBytes?: number;
}

export interface ScimServer {
  /** A node:http request listener; usable with supertest or any http.Server. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Starts listening (port 0 = any free port); resolves with the base URL, basePath included. */
  listen(port?: number, host?: string): Promise<{ url: string }>;
  /** Stops listening and closes open connections. Safe to call when not listening. */
  close(): Promise<void>;
  /** The in-memory store, for tests: store.count('User'), store.get('Group', id), store.clear(). */
  store: ResourceStore;
}

const DEFAULT_MAX_RESULTS = 200;
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** RFC 7644 §3.8 and catalog D-07: both media types, any parameters (charset). */
const ACCEPTED_MEDIA_TYPES = new Set(['application/scim+json', 'application/json']);

/** "/scim/v2/" → "/scim/v2"; "" and "/" → "". */
function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').split('/').filter(Boolean).join('/');
  return trimmed === '' ? '' : `/${trimmed}`;
}

/**
 * Unique attributes per resource type: every attribute the schema marks unique (userName), plus Group
 * displayName, which Entra matches on and therefore needs unique (catalog G-04; not an RFC rule).
 */
function uniqueAttributes(types: ResourceTypeDefinition[]): Record<string, UniqueAttribute[]> {
  const out: Record<string, UniqueAttribute[]> = {};
  for (const rt of types) {
    const rules = rt.schema.attributes
      .filter((a) => a.uniqueness !== 'none' && !a.multiValued && a.type === 'string')
      .map((a) => ({ name: a.name, caseExact: a.caseExact }));
    const displayName = rt.schema.attributes.find((a) => a.name === 'displayName');
    if (rt.name === 'Group' && displayName && !rules.some((r) => r.name === 'displayName')) {
      rules.push({ name: 'displayName', caseExact: false });
    }
    out[rt.name] = rules;
  }
  return out;
}

function contentTypeError(contentType: string | undefined): ScimError | undefined {
  if (contentType === undefined) return undefined; // lenient: a body without a content type is read as JSON
  const [type = ''] = contentType.split(';');
  const media = type.trim().toLowerCase();
  if (ACCEPTED_MEDIA_TYPES.has(media)) return undefined;
  return new ScimError(
    415,
    undefined,
    `Unsupported Content-Type "${contentType}"; send application/scim+json or application/json.`,
  );
}

function requestHost(req: IncomingMessage): string {
  const host = req.headers.host;
  return host && /^[\w.:\[\]-]+$/.test(host) ? host : 'localhost';
}

export function createScimServer(options: ScimServerOptions): ScimServer {
  const basePath = normaliseBasePath(options.basePath);
  const resourceTypes = options.resourceTypes ?? defaultResourceTypes();
  const now = options.now ?? (() => new Date());
  const faults = options.faults ?? [];
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const config: ServerConfig = {
    resourceTypes,
    indexes: new Map(resourceTypes.map((rt) => [rt.name, new SchemaIndex(rt)])),
    maxResults: options.maxResults ?? DEFAULT_MAX_RESULTS,
    now,
  };
  const store = new ResourceStore({ unique: uniqueAttributes(resourceTypes), now });
  const routes: Route[] = buildRoutes(config);

  /** Steps 3 of the pipeline: auth, routing, validation and the handler. */
  function route(req: FaultRequest, malformed: boolean, baseUrl: string): FaultResponse {
    const denied = checkBearer(req.headers.authorization, options.token);
    if (denied) return denied;
    const segments = segmentsBelow(basePath, req.path);
    if (!segments) return errorResponse(notFoundError(req.path));
    const match = matchRoute(routes, req.method, segments);
    if (match.kind === 'not-found') return errorResponse(notFoundError(req.path));
    if (match.kind === 'method-not-allowed') {
      return errorResponse(methodNotAllowedError(req.method, req.path, match.allow), { Allow: match.allow.join(', ') });
    }
    if (req.body !== undefined) {
      const header = req.headers['content-type'];
      const unsupported = contentTypeError(Array.isArray(header) ? header[0] : header);
      if (unsupported) return errorResponse(unsupported);
    }
    if (malformed) return errorResponse(new ScimError(400, 'invalidSyntax', 'The request body is not valid JSON.'));
    try {
      return match.handler({ req, params: match.params, baseUrl, store, config });
    } catch (error) {
      return responseForThrown(error);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const cut = rawUrl.indexOf('?');
    let request: FaultRequest = {
      method,
      path: cut < 0 ? rawUrl : rawUrl.slice(0, cut),
      // Form-style decoding: `+` is a space, `%22` and a literal `"` are both a quote (catalog F-02).
      query: new URLSearchParams(cut < 0 ? '' : rawUrl.slice(cut + 1)),
      headers: { ...req.headers },
      body: undefined,
    };
    let response: FaultResponse;
    try {
      const raw = await readBody(req, maxBodyBytes);
      let malformedBody: unknown;
      if (raw.trim() !== '') {
        try {
          request.body = JSON.parse(raw);
        } catch {
          request.body = malformedBody = raw;
        }
      }
      const faulted = runRequestFaults(faults, request);
      request = faulted.req;
      // Malformed only if no fault replaced the raw text with something else.
      const malformed = malformedBody !== undefined && request.body === malformedBody;
      response = faulted.response ?? route(request, malformed, `http://${requestHost(req)}${basePath}`);
    } catch (error) {
      response =
        error instanceof BodyTooLargeError
          ? errorResponse(new ScimError(413, undefined, `The request body exceeds ${error.limit} bytes.`), {
              Connection: 'close',
            })
          : responseForThrown(error);
    }
    try {
      response = runResponseFaults(faults, request, response);
    } catch (error) {
      response = responseForThrown(error);
    }
    const delay = faults.length > 0 ? responseDelay(faults, request) : 0;
    if (delay > 0) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (res.destroyed) return; // the client gave up waiting (its timeout)
    }
    writeResponse(res, response, method);
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) writeResponse(res, responseForThrown(error), 'GET');
      else res.destroy();
    });
  };

  let server: Server | undefined;

  return {
    handler,
    store,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const instance = createServer(handler);
        instance.once('error', reject);
        instance.listen(port, host, () => {
          server = instance;
          const address = instance.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ url: `http://${shownHost}:${address.port}${basePath}` });
        });
      });
    },
    close() {
      const instance = server;
      server = undefined;
      if (!instance) return Promise.resolve();
      return new Promise((resolve, reject) => {
        instance.close((error) => (error ? reject(error) : resolve()));
        instance.closeAllConnections();
      });
    },
  };
}
