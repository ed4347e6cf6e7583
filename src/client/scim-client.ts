/**
 * The only way suites reach the target. Joins paths onto the base URL, sends the bearer token and
 * application/scim+json, records every exchange (redacted) for the test that made it, enforces a per-request
 * deadline and a body cap, bounds concurrency, and retries 429 answers after Retry-After.
 */
import type { Exchange } from '../model/exchange.js';
import { SCIM_CONTENT_TYPE } from '../scim/urns.js';
import { Limiter, sleep } from './limiter.js';
import { makeRedactor } from './redact.js';
import { send, TransportError } from './transport.js';
import { joinUrl } from './url.js';

export interface ClientOptions {
  baseUrl: string;
  token?: string;
  timeoutMs?: number;
  maxBodyBytes?: number;
  insecure?: boolean;
  ca?: string;
  limiter?: Limiter;
  /** How often a 429 is retried, and the longest single wait honoured from Retry-After. */
  retry?: { max: number; maxWaitMs: number };
  /** Receives every exchange, already redacted. */
  onExchange?: (exchange: Exchange) => void;
  userAgent?: string;
}

/** How a request authenticates: the configured token (default), none, or another literal header value. */
export type Auth = 'token' | 'none' | { header: string };

export interface RequestOptions {
  /** Query parameters, form-encoded like Entra; or a raw query string sent verbatim. */
  query?: Record<string, string> | string;
  /** JSON value (serialised) or a raw string sent verbatim. */
  body?: unknown;
  headers?: Record<string, string>;
  auth?: Auth;
}

export interface ScimResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parsed body when it is JSON; undefined otherwise (see jsonError). */
  json: unknown;
  jsonError?: string;
  truncated: boolean;
  exchange: Exchange;
}

const DEFAULTS = { timeoutMs: 15_000, maxBodyBytes: 1024 * 1024, retry: { max: 3, maxWaitMs: 30_000 } };

export class ScimClient {
  private seq = 0;
  private readonly redact: (text: string) => string;
  readonly limiter: Limiter;

  constructor(readonly options: ClientOptions) {
    this.redact = makeRedactor(options.token);
    this.limiter = options.limiter ?? new Limiter(4);
  }

  /** A client for the same target that records into another sink (one per test), sharing the limiter. */
  withRecorder(onExchange: (exchange: Exchange) => void): ScimClient {
    return new ScimClient({ ...this.options, limiter: this.limiter, onExchange });
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }
  post(path: string, body: unknown, options?: RequestOptions) {
    return this.request('POST', path, { ...options, body });
  }
  put(path: string, body: unknown, options?: RequestOptions) {
    return this.request('PUT', path, { ...options, body });
  }
  patch(path: string, body: unknown, options?: RequestOptions) {
    return this.request('PATCH', path, { ...options, body });
  }
  delete(path: string, options?: RequestOptions) {
    return this.request('DELETE', path, options);
  }

  /** Sends one request (and its 429 retries). Throws TransportError when no complete response came back. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<ScimResponse> {
    const retry = this.options.retry ?? DEFAULTS.retry;
    for (let attempt = 1; ; attempt++) {
      const response = await this.once(method, path, options, attempt);
      if (response.status !== 429 || attempt > retry.max) return response;
      const wait = Math.min(retryAfterMs(response.headers['retry-after'], attempt), retry.maxWaitMs);
      this.limiter.pauseUntil(Date.now() + wait);
      await sleep(wait);
    }
  }

  private async once(method: string, path: string, options: RequestOptions, attempt: number): Promise<ScimResponse> {
    const url = joinUrl(this.options.baseUrl, path, options.query);
    const headers: Record<string, string> = {
      Accept: SCIM_CONTENT_TYPE,
      'User-Agent': this.options.userAgent ?? 'scim-conformance',
      ...options.headers,
    };
    const auth = options.auth ?? 'token';
    if (auth === 'token' && this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
    else if (typeof auth === 'object') headers.Authorization = auth.header;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = SCIM_CONTENT_TYPE;
    }

    const exchange: Exchange = {
      seq: ++this.seq,
      request: { method, url: this.redact(url), headers: this.redactHeaders(headers), ...(body !== undefined ? { body: this.redact(body) } : {}) },
      startedAt: new Date().toISOString(),
      durationMs: 0,
      attempt,
    };
    const release = await this.limiter.acquire();
    const started = performance.now();
    try {
      const raw = await send({
        method,
        url,
        headers,
        body,
        timeoutMs: this.options.timeoutMs ?? DEFAULTS.timeoutMs,
        maxBodyBytes: this.options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
        insecure: this.options.insecure,
        ca: this.options.ca,
      });
      exchange.durationMs = Math.round(performance.now() - started);
      exchange.response = { ...raw, body: this.redact(raw.body), headers: this.redactHeaders(raw.headers) };
      this.options.onExchange?.(exchange);
      return toScimResponse(exchange);
    } catch (error) {
      exchange.durationMs = Math.round(performance.now() - started);
      const transport = error instanceof TransportError ? error : new TransportError('network', String(error));
      exchange.error = { code: transport.code, message: this.redact(transport.message) };
      this.options.onExchange?.(exchange);
      throw new TransportError(transport.code, `${method} ${exchange.request.url}: ${exchange.error.message}`);
    } finally {
      release();
    }
  }

  private redactHeaders(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) out[name] = this.redact(value);
    return out;
  }
}

function toScimResponse(exchange: Exchange): ScimResponse {
  const response = exchange.response!;
  let json: unknown;
  let jsonError: string | undefined;
  if (response.truncated) jsonError = `the body is larger than ${response.body.length} bytes; the client stopped reading it`;
  else if (response.body.trim() === '') jsonError = 'the body is empty';
  else {
    try {
      json = JSON.parse(response.body);
    } catch (error) {
      jsonError = `the body is not JSON (${(error as Error).message})`;
    }
  }
  return { status: response.status, headers: response.headers, text: response.body, json, jsonError, truncated: response.truncated, exchange };
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3); without it, back off exponentially. */
export function retryAfterMs(header: string | undefined, attempt: number): number {
  if (header !== undefined) {
    const seconds = Number(header.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return 500 * 2 ** (attempt - 1);
}
