/**
 * One HTTP exchange over node:http/https with a hard deadline and a cap on how much of the body is kept.
 * Redirects are never followed (the token must not travel to another host). Bodies larger than the cap are
 * cut: the client stops reading and closes the connection, so a 10 MB or endless body costs at most the cap.
 *
 * Connections are kept alive and reused, as Entra's provisioning service does: a new TCP (and TLS) handshake for
 * every request would cost the target and the run more than many requests do. A reused connection that the server
 * had already closed (its idle timeout raced our request) fails before any response byte; that request is sent
 * once more on a new connection, as Node's documentation advises (http.ClientRequest reusedSocket).
 */
import http from 'node:http';
import https from 'node:https';
import type { RecordedResponse, TransportErrorCode } from '../model/exchange.js';

export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBodyBytes: number;
  insecure?: boolean;
  ca?: string;
}

export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

const agents = {
  http: new http.Agent({ keepAlive: true }),
  // TLS options (ca, rejectUnauthorized) are part of the agent's connection key: sockets are shared only alike.
  https: new https.Agent({ keepAlive: true }),
};

/** Set on the error of a request whose reused keep-alive connection turned out to be closed: safe to send again. */
const STALE = Symbol('stale keep-alive connection');

export function send(request: TransportRequest): Promise<RecordedResponse> {
  const deadline = Date.now() + request.timeoutMs;
  return attempt(request, request.timeoutMs, true).catch((error: unknown) => {
    if (!(error as { [STALE]?: boolean })[STALE]) throw error;
    return attempt(request, Math.max(1, deadline - Date.now()), false);
  });
}

/** Where a request goes: parsed once per origin, not for every request (issue 19: the suite-phase ratio). */
interface Endpoint {
  protocol: string;
  hostname: string;
  port: string | undefined;
  isHttps: boolean;
}

const endpoints = new Map<string, Endpoint>();
const ORIGIN = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i;

/**
 * The endpoint and the path and query of a URL. The path and query go out exactly as written (new URL() would turn
 * a literal `"` into %22, and Microsoft's validator sends literal quotes: catalog F-02); a URL whose origin is not
 * written the way new URL() writes it (upper case, a default port, credentials) is sent as new URL() reads it.
 */
function target(text: string): { endpoint: Endpoint; path: string } {
  const written = ORIGIN.exec(text)?.[0];
  const known = written === undefined ? undefined : endpoints.get(written);
  if (known && written) return { endpoint: known, path: text.slice(written.length) || '/' };
  const url = new URL(text);
  const endpoint: Endpoint = {
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port || undefined,
    isHttps: url.protocol === 'https:',
  };
  const origin = `${url.protocol}//${url.host}`;
  if (!text.startsWith(origin)) return { endpoint, path: `${url.pathname}${url.search}` };
  if (written === origin) {
    if (endpoints.size >= 16) endpoints.clear();
    endpoints.set(origin, endpoint);
  }
  return { endpoint, path: text.slice(origin.length) || '/' };
}

function attempt(request: TransportRequest, timeoutMs: number, reuse: boolean): Promise<RecordedResponse> {
  const { endpoint, path } = target(request.url);
  const { isHttps } = endpoint;
  const lib = isHttps ? https : http;
  const headers: Record<string, string> = { ...request.headers };
  // As text, like every other header value (one number among strings makes V8 recompile node:http's setHeader).
  if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));
  const options: https.RequestOptions = {
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port,
    path,
    method: request.method,
    headers,
    agent: reuse ? (isHttps ? agents.https : agents.http) : false,
  };
  if (isHttps) {
    options.rejectUnauthorized = !request.insecure;
    if (request.ca) options.ca = request.ca;
  }

  return new Promise<RecordedResponse>((resolve, reject) => {
    let settled = false;
    let answered = false;
    const finish = (error: TransportError | undefined, response?: RecordedResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(response!);
    };
    const req = lib.request(options, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let kept = 0;
      let bytes = 0;
      let truncated = false;
      const done = () =>
        finish(undefined, {
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: flattenHeaders(res.headers),
          body: (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8'),
          bytes,
          truncated,
        });
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (truncated) return;
        const room = request.maxBodyBytes - kept;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          kept += room;
          truncated = true;
          // Stop reading: the rest of an oversized (or endless) body is not needed to judge the response.
          done();
          res.destroy();
          req.destroy();
          return;
        }
        chunks.push(chunk);
        kept += chunk.length;
      });
      res.on('end', done);
      res.on('aborted', () =>
        finish(new TransportError('connection-reset', 'the connection closed before the response body was complete')),
      );
      res.on('error', (error) => finish(classify(error, request)));
    });
    const timer = setTimeout(() => {
      finish(new TransportError('timeout', `no complete response within ${request.timeoutMs} ms`));
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const classified = classify(error, request);
      if (req.reusedSocket && !answered && (error.code === 'ECONNRESET' || error.code === 'EPIPE'))
        Object.assign(classified, { [STALE]: true });
      finish(classified);
    });
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

function classify(error: NodeJS.ErrnoException, request: TransportRequest): TransportError {
  const code = error.code ?? '';
  const host = new URL(request.url).host;
  if (code === 'ECONNREFUSED') return new TransportError('connection-refused', `connection refused by ${host}`);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET')
    return new TransportError('connection-reset', `connection to ${host} was reset`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new TransportError('dns', `host ${new URL(request.url).hostname} not found`);
  if (TLS_CODES.has(code) || /certificate|ssl|tls/i.test(error.message)) {
    const advice =
      code.includes('SELF_SIGNED') || code.includes('ISSUER') || code.includes('VERIFY')
        ? ' (pass --ca <file.pem> to trust its certificate authority, or --insecure to skip verification for a test server)'
        : '';
    return new TransportError('tls', `TLS error with ${host}: ${code || error.message}${advice}`);
  }
  return new TransportError('network', `network error with ${host}: ${code || error.message}`);
}
