// Issue 16 item 4: every id goes into a path as one percent-encoded segment, in one place (the client's joinUrl):
// a hostile id cannot leave the base path, and ids with a space, `+`, `/` or non-ASCII letters work end to end.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ScimClient } from '../../src/client/scim-client.js';
import { joinUrl, UnsafeIdError } from '../../src/client/url.js';
import { runCli } from '../helpers/cli.js';
import { TEST_TOKEN } from '../helpers/target-server.js';
import { oddId, startCareless } from '../fixtures/careless-servers.js';

const HOSTILE = '../../../outside/admin-purge?all=true&x=';
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

/** A server that records the raw request target of every request and answers 404. */
async function recorder() {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(404, { 'content-type': 'application/scim+json' }).end('{"status":"404"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2` };
}

describe('ids in paths', () => {
  it('a hostile id stays one segment under the base path, for every method', async () => {
    const target = await recorder();
    const client = new ScimClient({ baseUrl: target.url, token: 'a-token-of-some-length' });
    await client.get(`/Users/${HOSTILE}`);
    await client.patch(`/Users/${HOSTILE}`, { Operations: [] });
    await client.put(`/Groups/${HOSTILE}`, {});
    await client.delete(`/Groups/${HOSTILE}`);
    expect(target.seen).toHaveLength(4);
    for (const raw of target.seen) {
      expect(raw).toMatch(/^\/scim\/v2\/(Users|Groups)\/[^/?#]+$/);
      expect(decodeURIComponent(raw.split('/').pop()!)).toBe(HOSTILE);
      expect(new URL(raw, 'http://x').pathname.startsWith('/scim/v2/')).toBe(true);
    }
  });

  it('"." and ".." are refused before anything is sent; other odd ids are encoded', async () => {
    expect(() => joinUrl('http://h/scim', '/Users/..')).toThrow(UnsafeIdError);
    expect(() => joinUrl('http://h/scim', '/Users/.')).toThrow(UnsafeIdError);
    expect(joinUrl('http://h/scim', `/Users/${oddId(7)}`)).toBe(
      'http://h/scim/Users/Zo%C3%AB%20%CE%A9%2B7%2F%C3%A4%20b',
    );
    expect(joinUrl('http://h/scim', '/Users/a%2Fb')).toBe('http://h/scim/Users/a%252Fb');
    expect(joinUrl('http://h/scim', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User')).toBe(
      'http://h/scim/Schemas/urn:ietf:params:scim:schemas:core:2.0:User',
    );
    expect(joinUrl('http://h/scim', '/Users/.search')).toBe('http://h/scim/Users/.search');
  });

  it('ids with a space, "+", "/" and non-ASCII letters work end to end, and nothing is left', async () => {
    const t = await startCareless('odd-ids');
    closers.push(t.close);
    // The whole default run: every place that builds a path (suites, harness, cleanup). The properties' model commands
    // are reached only when a property draws an update or a delete for an odd id, so a double encoding there is caught
    // by chance (1 of 2 tries when measured), not every run.
    const run = await runCli(['--url', t.url, '--reporter', 'json', '--timeout', '5s'], {
      env: { SCIM_TOKEN: TEST_TOKEN },
    });
    const results = run.results!;
    const transport = results.tests.flatMap((test) =>
      test.exchanges.filter((e) => e.error).map((e) => `${test.name}: ${e.error!.message}`),
    );
    const notFound = results.tests.flatMap((test) =>
      test.exchanges
        .filter(
          (e) =>
            /\/(Users|Groups)\/Zo/.test(e.request.url) && e.request.method !== 'DELETE' && e.response?.status === 404,
        )
        .map((e) => `${test.name}: ${e.request.method} ${e.request.url}`),
    );
    if (process.env.SCIMC_MEASURE)
      console.log(
        'odd ids: transport errors',
        transport.length,
        'unexpected 404',
        notFound.length,
        'left',
        t.left(),
        'failed',
        results.summary.failed,
      );
    expect(transport, run.stderr).toEqual([]);
    expect(
      results.tests.filter((test) => test.status === 'failed').map((test) => `${test.name}: ${test.failure?.message}`),
    ).toEqual([]);
    expect(
      results.tests.some((test) => test.exchanges.some((e) => e.request.url.includes('Zo%C3%AB%20%CE%A9%2B'))),
    ).toBe(true);
    expect(t.left()).toBe(0);
    expect(results.cleanup.leftBehind).toEqual([]);
  }, 180_000);
});
