/**
 * A reference server in the test process, optionally with faults, on a loopback port, for the CLI (a child
 * process) to run against.
 */
import { createScimServer, type ServerFault } from '../../src/server/app.js';

export const TEST_TOKEN = 'sentinel-token-7Q2mX9vK4pZ1';

export async function startTarget(faults: ServerFault[] = [], token = TEST_TOKEN) {
  const server = createScimServer({ token, basePath: '/scim/v2', faults });
  const { url } = await server.listen(0, '127.0.0.1');
  return { url, token, server, close: () => server.close() };
}
