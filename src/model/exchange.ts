/**
 * One HTTP request and what came back, as recorded by the SCIM client. Exchanges are JSON-safe (they travel
 * from the test worker to the runner in vitest task meta) and hold the raw data the checks judge, bearer token
 * included; it is redacted once, where results leave the process (src/client/redact.ts).
 */
export interface RecordedRequest {
  method: string;
  /** Full URL as sent. */
  url: string;
  headers: Record<string, string>;
  /** Body as sent (text), if any. */
  body?: string;
}

export interface RecordedResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  /** Body text as kept by the client: at most the body cap, decoded as UTF-8. */
  body: string;
  /** Bytes received before the client stopped reading. */
  bytes: number;
  /** True when the body was longer than the cap and the client stopped reading it. */
  truncated: boolean;
}

export type TransportErrorCode =
  | 'timeout'
  | 'connection-refused'
  | 'connection-reset'
  | 'dns'
  | 'tls'
  | 'network'
  /** Not sent: the run was interrupted (Ctrl-C, SIGTERM). A request already in flight is let finish, so that what it created is recorded and cleaned up. */
  | 'aborted'
  /** Never sent: the run-wide circuit breaker is open (the target stopped answering, src/client/breaker.ts). */
  | 'not-sent';

export interface Exchange {
  /** Order of the exchange within its test, from 1. */
  seq: number;
  request: RecordedRequest;
  response?: RecordedResponse;
  /** Set when no complete response was received. */
  error?: { code: TransportErrorCode; message: string };
  startedAt: string;
  durationMs: number;
  /** 1 for the first attempt; higher when the client retried after 429. */
  attempt: number;
}
