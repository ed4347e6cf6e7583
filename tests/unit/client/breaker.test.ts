// The run-wide circuit breaker and the --read-only safety net of the client, in process against loopback servers.
import { afterAll, describe, expect, it } from 'vitest';
import { Breaker } from '../../../src/client/breaker.js';
import { ReadOnlyError, ScimClient } from '../../../src/client/scim-client.js';
import { TransportError } from '../../../src/client/transport.js';
import { listen, type LoopbackServer } from '../../fixtures/broken-servers.js';

const servers: LoopbackServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('Breaker', () => {
  it('opens after N failures of the same kind in a row, and stays open', () => {
    const b = new Breaker(3);
    b.failure('timeout');
    b.failure('timeout');
    b.success(); // an answer in between starts the count again
    b.failure('timeout');
    b.failure('connection-reset'); // another kind starts the count again
    b.failure('timeout');
    b.failure('timeout');
    expect(b.openReason).toBeUndefined();
    expect(b.failure('timeout')).toBe(true);
    expect(b.openReason).toBe('the target stopped answering (3 timeouts in a row)');
    b.success();
    expect(b.openReason).toBeDefined();
  });

  it('describes a 429 storm', () => {
    const b = new Breaker(2);
    b.failure('throttled');
    b.failure('throttled');
    expect(b.openReason).toBe(
      'the target kept answering 429 Too Many Requests (2 requests in a row gave up after their retries)',
    );
  });
});

describe('ScimClient with a breaker', () => {
  it('after 3 timeouts, later requests (of every client sharing it) fail at once without being sent', async () => {
    const server = await listen((req) => void req.resume()); // never answers
    servers.push(server);
    const client = new ScimClient({ baseUrl: server.url, token: 'tok-breaker-test-123', timeoutMs: 150 });
    const other = client.withRecorder(() => undefined);
    for (let i = 0; i < 3; i++) await expect(client.get('/Users')).rejects.toMatchObject({ code: 'timeout' });
    expect(server.requests).toBe(3);
    const error = await other.get('/Groups').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('not-sent');
    expect((error as TransportError).message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/Groups: not sent: the target stopped answering \(3 timeouts in a row\)$/,
    );
    expect(server.requests).toBe(3);
  });
});

describe('--read-only safety net', () => {
  it('a POST, PUT, PATCH or DELETE throws ReadOnlyError and is never sent; GET is', async () => {
    const server = await listen(
      (req, res) => void res.writeHead(200, { 'Content-Type': 'application/scim+json' }).end('{}'),
    );
    servers.push(server);
    const client = new ScimClient({ baseUrl: server.url, token: 'tok-breaker-test-123', readOnly: true }).withRecorder(
      () => undefined,
    );
    await expect(client.post('/Users', {})).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(client.put('/Users/1', {})).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(client.patch('/Users/1', {})).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(client.delete('/Users/1')).rejects.toThrow(/--read-only: refused to send DELETE \/Users\/1/);
    expect(server.requests).toBe(0);
    expect((await client.get('/Users')).status).toBe(200);
    expect(server.requests).toBe(1);
  });
});
