// D-23's pure parts: the limits (and their hidden knobs), slow answers slowest first, timeouts, the request line.
import { describe, expect, it } from 'vitest';
import { responseTimeLimits, slowAnswers, timedOut, timedRequest } from '../../../src/harness/timing.js';
import type { Exchange } from '../../../src/model/exchange.js';

const exchange = (method: string, url: string, durationMs: number, status?: number): Exchange => ({
  seq: 1,
  attempt: 1,
  startedAt: '2026-12-04T00:00:00Z',
  durationMs,
  request: { method, url, headers: {} },
  ...(status
    ? { response: { status, statusText: '', headers: {}, body: '', bytes: 0, truncated: false } }
    : { error: { code: 'timeout', message: 'no complete response' } }),
});

describe('D-23 timing', () => {
  it("defaults to Entra's 60 s and a 5 s warning; the knobs take positive integers only", () => {
    expect(responseTimeLimits({})).toEqual({ slowMs: 5000, entraWaitMs: 60_000 });
    expect(responseTimeLimits({ SCIMC_SLOW_ANSWER_MS: '400', SCIMC_ENTRA_WAIT_MS: '1000' })).toEqual({
      slowMs: 400,
      entraWaitMs: 1000,
    });
    expect(responseTimeLimits({ SCIMC_SLOW_ANSWER_MS: '-1', SCIMC_ENTRA_WAIT_MS: 'soon' })).toEqual({
      slowMs: 5000,
      entraWaitMs: 60_000,
    });
  });

  it('lists answered requests slower than the limit, slowest first, and timeouts apart', () => {
    const all = [
      exchange('GET', 'https://h/scim/Users/1', 6000, 200),
      exchange('POST', 'https://h/scim/Users', 20_300, 201),
      exchange('GET', 'https://h/scim/Users', 100, 200),
      exchange('GET', 'https://h/scim/Groups/2', 60_000),
    ];
    expect(slowAnswers(all, 5000).map(timedRequest)).toEqual([
      'POST /scim/Users → 201 after 20.3 s',
      'GET /scim/Users/1 → 200 after 6.0 s',
    ]);
    expect(timedOut(all).map(timedRequest)).toEqual(['GET /scim/Groups/2 → no answer after 60.0 s']);
  });
});
