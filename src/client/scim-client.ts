/**
 * The only way suites reach the target. Joins paths onto the base URL, sends the bearer token and
 * application/scim+json, records every exchange as it was (the checks judge raw data; the token is redacted only
 * where results leave the process, src/client/redact.ts) for the test that made it, enforces a per-request
 * deadline and a body cap, bounds concurrency, and retries 429 answers after Retry-After.
 */
import type { Exchange, RecordedResponse } from '../model/exchange.js';
import { ENTRA_BODY_CONTENT_TYPE, ENTRA_HEADERS } from './entra-headers.js';
import { Breaker } from './breaker.js';
import { Limiter, sleep } from './limiter.js';
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
  /** Run-wide circuit breaker (src/client/breaker.ts); shared by every client made with withRecorder. */
  breaker?: Breaker;
  /** --read-only safety net: a POST, PUT, PATCH or DELETE throws ReadOnlyError instead of being sent. */
  readOnly?: boolean;
  /** Aborted when the run is interrupted: later requests throw TransportError code 'aborted' without being sent. */
  signal?: AbortSignal;
  /** How often a 429 is retried, and the longest single wait honoured from Retry-After. */
  retry?: { max: number; maxWaitMs: number };
  /** Receives every exchange as sent and received (not redacted: see src/client/redact.ts). */
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

/** Thrown when a mutating request is attempted in --read-only mode: a test is tagged read-only by mistake. */
export class ReadOnlyError extends Error {
  constructor(method: string, path: string) {
    super(`--read-only: refused to send ${method} ${path}; this test changes data and must not be tagged read-only`);
    this.name = 'ReadOnlyError';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** 60 s is how long Entra waits for an answer (catalog D-23, Microsoft Q&A 1151866). */
const DEFAULTS = { timeoutMs: 60_000, maxBodyBytes: 1024 * 1024, retry: { max: 3, maxWaitMs: 30_000 } };

export class ScimClient {
  private seq = 0;
  readonly limiter: Limiter;
  readonly breaker: Breaker;

  constructor(readonly options: ClientOptions) {
    this.limiter = options.limiter ?? new Limiter(4);
    this.breaker = options.breaker ?? new Breaker();
  }

  /**
   * A client for the same target that records into another sink (one per test), sharing the limiter, the breaker
   * and the interrupt signal; `signal: null` makes a client that keeps working after an interrupt (cleanup).
   */
  withRecorder(onExchange: (exchange: Exchange) => void, signal?: AbortSignal | null): ScimClient {
    const { signal: inherited, ...options } = this.options;
    const use = signal === null ? undefined : (signal ?? inherited);
    return new ScimClient({
      ...options,
      limiter: this.limiter,
      breaker: this.breaker,
      onExchange,
      ...(use ? { signal: use } : {}),
    });
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
    if (this.options.readOnly && !SAFE_METHODS.has(method.toUpperCase())) throw new ReadOnlyError(method, path);
    const retry = this.options.retry ?? DEFAULTS.retry;
    for (let attempt = 1; ; attempt++) {
      // Interrupted: send nothing new. A request already in flight is left to finish (within --timeout), so that
      // a POST that created something returns its id and the test can still delete it.
      if (this.options.signal?.aborted)
        throw new TransportError(
          'aborted',
          `${method} ${joinUrl(this.options.baseUrl, path, options.query)}: not sent: the run was interrupted`,
        );
      const open = this.breaker.openReason;
      if (open)
        throw new TransportError(
          'not-sent',
          `${method} ${joinUrl(this.options.baseUrl, path, options.query)}: not sent: ${open}`,
        );
      const response = await this.once(method, path, options, attempt);
      if (response.status !== 429) this.breaker.success();
      if (response.status !== 429) return response;
      if (attempt > retry.max) {
        this.breaker.failure('throttled');
        return response;
      }
      // once() already paused the whole run for this long (before it freed its slot).
      await sleep(this.throttleWait(response.headers['retry-after'], attempt));
    }
  }

  private async once(method: string, path: string, options: RequestOptions, attempt: number): Promise<ScimResponse> {
    const url = joinUrl(this.options.baseUrl, path, options.query);
    const headers: Record<string, string> = {
      ...ENTRA_HEADERS,
      'User-Agent': this.options.userAgent ?? 'scim-conformance',
      ...options.headers,
    };
    const auth = options.auth ?? 'token';
    if (auth === 'token' && this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
    else if (typeof auth === 'object') headers.Authorization = auth.header;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      // Only the caller's headers can name a Content-Type (the defaults and Authorization do not).
      if (!options.headers || !Object.keys(options.headers).some((h) => h.toLowerCase() === 'content-type'))
        headers['Content-Type'] = ENTRA_BODY_CONTENT_TYPE;
    }

    // The recorded request shares the headers object: nothing changes it after this point (the transport copies it
    // to add Content-Length).
    const exchange: Exchange = {
      seq: ++this.seq,
      request: body === undefined ? { method, url, headers } : { method, url, headers, body },
      startedAt: new Date().toISOString(),
      durationMs: 0,
      attempt,
    };
    const release = await this.limiter.acquire();
    // Queued while the breaker opened or the run was interrupted: the slot is freed, nothing is sent or recorded.
    const stop = this.options.signal?.aborted ? 'the run was interrupted' : this.breaker.openReason;
    if (stop) {
      release();
      throw new TransportError(
        this.options.signal?.aborted ? 'aborted' : 'not-sent',
        `${method} ${url}: not sent: ${stop}`,
      );
    }
    const started = performance.now();
    let raw: RecordedResponse;
    try {
      raw = await send({
        method,
        url,
        headers,
        body,
        timeoutMs: this.options.timeoutMs ?? DEFAULTS.timeoutMs,
        maxBodyBytes: this.options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
        insecure: this.options.insecure,
        ca: this.options.ca,
      });
    } catch (error) {
      release();
      exchange.durationMs = Math.round(performance.now() - started);
      const transport = error instanceof TransportError ? error : new TransportError('network', String(error));
      if (transport.code !== 'aborted' && transport.code !== 'not-sent') this.breaker.failure(transport.code);
      exchange.error = { code: transport.code, message: transport.message };
      this.options.onExchange?.(exchange);
      throw new TransportError(transport.code, `${method} ${exchange.request.url}: ${exchange.error.message}`);
    }
    exchange.durationMs = Math.round(performance.now() - started);
    exchange.response = raw;
    this.limiter.answered(raw.status);
    // Pause the run before this slot is freed, so that no queued request slips through in between (D-14).
    if (raw.status === 429)
      this.limiter.pauseUntil(Date.now() + this.throttleWait(raw.headers['retry-after'], attempt));
    // The answer is complete: the slot goes to the next queued request now, before this one is recorded and parsed,
    // so that the target works on it while this worker thread does (issue 19: the suite-phase ratio).
    release();
    this.options.onExchange?.(exchange);
    return toScimResponse(exchange);
  }

  private throttleWait(retryAfter: string | undefined, attempt: number): number {
    return Math.min(retryAfterMs(retryAfter, attempt), (this.options.retry ?? DEFAULTS.retry).maxWaitMs);
  }
}

function toScimResponse(exchange: Exchange): ScimResponse {
  const response = exchange.response!;
  let json: unknown;
  let jsonError: string | undefined;
  if (response.truncated)
    jsonError = `the body is larger than ${response.body.length} bytes; the client stopped reading it`;
  else if (response.body.trim() === '') jsonError = 'the body is empty';
  else {
    try {
      json = JSON.parse(response.body);
    } catch (error) {
      jsonError = `the body is not JSON (${(error as Error).message})`;
    }
  }
  return {
    status: response.status,
    headers: response.headers,
    text: response.body,
    json,
    jsonError,
    truncated: response.truncated,
    exchange,
  };
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
