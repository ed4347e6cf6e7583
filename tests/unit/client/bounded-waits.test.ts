// Issue 16 item 6: the breaker sends nothing once open, not even requests that were already queued; a timed-out
// test says what it waited for.
import { afterAll, describe, expect, it } from 'vitest';
import { Limiter } from '../../../src/client/limiter.js';
import { ScimClient } from '../../../src/client/scim-client.js';
import { timedOut } from '../../../src/runner/collect.js';
import type { Exchange } from '../../../src/model/exchange.js';
import { listen, type LoopbackServer } from '../../fixtures/broken-servers.js';

const servers: LoopbackServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('bounded waits', () => {
  it('requests queued behind the limiter are not sent once the breaker has opened, nor recorded', async () => {
    const server = await listen((req) => void req.resume()); // never answers
    servers.push(server);
    const recorded: Exchange[] = [];
    const client = new ScimClient({
      baseUrl: server.url,
      token: 'tok-bounded-test-123',
      timeoutMs: 100,
      limiter: new Limiter(1),
    }).withRecorder((e) => recorded.push(e));
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => client.get(`/Users/${i}`)));
    expect(server.requests).toBe(3);
    expect(
      results.filter((r) => r.status === 'rejected' && /not sent: the target stopped answering/.test(String(r.reason)))
        .length,
    ).toBe(3);
    expect(recorded).toHaveLength(3);
  });

  it('vitest\'s "Test timed out" says what the test waited for', () => {
    const exchange = {
      seq: 1,
      request: { method: 'GET', url: 'https://x.example/scim/Users/1', headers: {} },
      response: { status: 429, headers: { 'retry-after': '3600' }, body: '', truncated: false },
      startedAt: '',
      durationMs: 12,
      attempt: 4,
    } as unknown as Exchange;
    expect(timedOut('Test timed out in 34000ms.', [exchange])).toBe(
      'the test did not finish within its 34 s (8 × --timeout + 10 s): after 1 requests; the last, GET https://x.example/scim/Users/1, answered 429 with Retry-After: 3600 after 12 ms',
    );
    expect(timedOut('Test timed out in 34000ms.', [])).toMatch(/no request of the test had come back/);
    expect(timedOut('expected 200', [])).toBeUndefined();
  });
});
