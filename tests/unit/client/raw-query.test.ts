// A raw query goes on the wire exactly as written: Microsoft's validator sends literal double quotes
// (catalog F-02), and the client must be able to reproduce that. A real loopback server sees the request line.
import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ScimClient } from '../../../src/client/scim-client.js';

const seen: string[] = [];
const server = createServer((req, res) => {
  seen.push(req.url ?? '');
  res.setHeader('Content-Type', 'application/scim+json');
  res.end('{}');
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/scim/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('keeps literal quotes, %40 and + in a raw query', async () => {
  const client = new ScimClient({ baseUrl: base, token: 'raw-query-test-token-1234' });
  const response = await client.get('/Users', { query: 'filter=userName+eq+"adrianna_jenkins%40jewessupton.com"' });
  expect(response.status).toBe(200);
  expect(seen.at(-1)).toBe('/scim/v2/Users?filter=userName+eq+"adrianna_jenkins%40jewessupton.com"');
  expect(response.exchange.request.url).toBe(`${base}/Users?filter=userName+eq+"adrianna_jenkins%40jewessupton.com"`);
});

it('encodes an object query like Entra: + for spaces, %22 for quotes', async () => {
  const client = new ScimClient({ baseUrl: base, token: 'raw-query-test-token-1234' });
  await client.get('/Groups', { query: { excludedAttributes: 'members', filter: 'displayName eq "A B"' } });
  expect(seen.at(-1)).toBe('/scim/v2/Groups?excludedAttributes=members&filter=displayName+eq+%22A+B%22');
});

it('sends the raw path of every request to an origin it has already parsed, and of one written unusually', async () => {
  // The transport parses each origin once (issue 19); later requests to it must still go out exactly as written.
  const client = new ScimClient({ baseUrl: base, token: 'raw-query-test-token-1234' });
  for (const value of ['a"b', 'c"d']) {
    await client.get('/Users', { query: `filter=userName+eq+"${value}"` });
    expect(seen.at(-1)).toBe(`/scim/v2/Users?filter=userName+eq+"${value}"`);
  }
  // An origin written in upper case is not new URL()'s form: the request still reaches the same server.
  const upper = new ScimClient({ baseUrl: base.replace('http://', 'HTTP://'), token: 'raw-query-test-token-1234' });
  expect((await upper.get('/Users/x')).status).toBe(200);
  expect(seen.at(-1)).toBe('/scim/v2/Users/x');
});
