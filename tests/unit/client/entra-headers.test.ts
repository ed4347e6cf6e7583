// The client sends Entra's header set by default (catalog D-07, D-22; decisions/entra-headers.md): no Accept,
// `application/scim+json; charset=utf-8` on bodies only, ADSCIMVersion; a test's own headers win.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ScimClient } from '../../../src/client/scim-client.js';

const BASE = 'https://scim.test/scim/v2';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function recordHeaders(method: 'get' | 'patch'): Headers[] {
  const seen: Headers[] = [];
  server.use(
    http[method](
      `${BASE}/Users*`,
      ({ request }) => (seen.push(request.headers), HttpResponse.json({}, { status: 200 })),
    ),
  );
  return seen;
}

describe("Entra's request headers", () => {
  const client = new ScimClient({ baseUrl: BASE, token: 't', timeoutMs: 2000 });

  it('a GET carries no Accept and no Content-Type, but ADSCIMVersion', async () => {
    const seen = recordHeaders('get');
    await client.get('/Users', { query: { filter: 'userName eq "x"' } });
    expect(seen[0]!.get('accept')).toBeNull();
    expect(seen[0]!.get('content-type')).toBeNull();
    expect(seen[0]!.get('adscimversion')).toBeTruthy();
  });

  it('a PATCH body says application/scim+json; charset=utf-8', async () => {
    const seen = recordHeaders('patch');
    await client.patch('/Users/1', { schemas: [], Operations: [] });
    expect(seen[0]!.get('content-type')).toBe('application/scim+json; charset=utf-8');
    expect(seen[0]!.get('accept')).toBeNull();
  });

  it("a test's own Accept and Content-Type replace the defaults (the D-22 variant)", async () => {
    const seen = recordHeaders('patch');
    await client.patch('/Users/1', '{}', {
      headers: { Accept: 'application/scim+json', 'Content-Type': 'application/json' },
    });
    expect(seen[0]!.get('accept')).toBe('application/scim+json');
    expect(seen[0]!.get('content-type')).toBe('application/json');
  });
});
