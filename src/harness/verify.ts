/**
 * Judging responses inside suites: verify() runs pure checks on a response and throws one ConformanceError for the
 * first that fails; fail() and expectThat() state a judgement the checks library does not cover. The behaviour
 * wrapper turns the error into the structured Failure that reports show.
 */
import type { ScimResponse } from '../client/scim-client.js';
import { displayPath } from '../client/url.js';
import type { Check, CheckFailure } from '../checks/check.js';
import type { Exchange } from '../model/exchange.js';

export class ConformanceError extends Error {
  constructor(
    readonly detail: CheckFailure,
    readonly exchange?: Exchange,
  ) {
    super(detail.message);
    this.name = 'ConformanceError';
  }
}

/** "GET /Users?filter=... → 404" for messages. */
export function requestLine(response: ScimResponse, baseUrl?: string): string {
  const { request } = response.exchange;
  let path = request.url;
  try {
    path = baseUrl ? displayPath(baseUrl, request.url) : new URL(request.url).pathname + new URL(request.url).search;
  } catch {
    /* keep the full URL */
  }
  return `${request.method} ${path} → ${response.status}`;
}

export function verify(response: ScimResponse, ...checks: Check[]): void {
  for (const check of checks) {
    const failure = check(response);
    if (failure)
      throw new ConformanceError(
        { ...failure, message: `${requestLine(response)}: ${failure.message}` },
        response.exchange,
      );
  }
}

/** States a failed judgement; `response` names the exchange that shows it. */
export function fail(
  message: string,
  details: Omit<CheckFailure, 'message'> & { response?: ScimResponse } = {},
): never {
  const { response, ...rest } = details;
  const prefix = response ? `${requestLine(response)}: ` : '';
  throw new ConformanceError({ ...rest, message: `${prefix}${message}` }, response?.exchange);
}

/** Fails with `message` unless `condition` holds. */
export function expectThat(
  condition: unknown,
  message: string,
  details: Omit<CheckFailure, 'message'> & { response?: ScimResponse } = {},
): asserts condition {
  if (!condition) fail(message, details);
}

/**
 * Ends a test as skipped because the target offers no way to observe what the test is about (e.g. membership on a
 * server that returns members nowhere, catalog G-23). Not a failure: Entra would not notice either. The reason
 * starts with "inconclusive:" in every report.
 */
export class InconclusiveError extends Error {
  constructor(readonly reason: string) {
    super(`inconclusive: ${reason}`);
    this.name = 'InconclusiveError';
  }
}

export function inconclusive(reason: string): never {
  throw new InconclusiveError(reason);
}
