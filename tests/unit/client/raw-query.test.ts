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
