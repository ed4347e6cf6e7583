// Prove the generated profile tests can fail: against a reference server serving uniFLOW Online's schemas, with one
// fault that silently drops one custom extension attribute (accepted, never returned: the app "forgets" cardNumber),
// exactly the generated tests that read that attribute back fail, each with a message naming its full path.
import { afterAll, describe, expect, it } from 'vitest';
import { createScimServer, type FaultRequest, type FaultResponse, type ServerFault } from '../../src/server/app.js';
import { loadProfile } from '../../src/profiles/load.js';
import { resourceTypesFor } from '../../src/server/profile-schemas.js';
import { failedJudgement, failedNames, runCli } from '../helpers/cli.js';
import { TEST_TOKEN } from '../helpers/target-server.js';

const URN = 'urn:ietf:params:scim:schemas:extension:uniFLOWOnline:2.0:User';
const PATH = `${URN}:cardNumber`;

/** Drops cardNumber from every resource the server returns (a server that accepts the attribute but never keeps it). */
const dropCardNumber: ServerFault = {
  name: 'drop-cardNumber',
  onResponse(_req: FaultRequest, res: FaultResponse) {
    const strip = (resource: unknown) => {
      const ext = resource && typeof resource === 'object' ? (resource as Record<string, unknown>)[URN] : undefined;
      if (ext && typeof ext === 'object') delete (ext as Record<string, unknown>).cardNumber;
    };
    const body = res.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return;
    strip(body);
    if (Array.isArray(body.Resources)) body.Resources.forEach(strip);
    return res;
  },
};

const servers: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('generated profile tests against a server that drops a custom extension attribute', () => {
  it('fail exactly where the attribute is read back, naming its path', async () => {
    const server = createScimServer({
      token: TEST_TOKEN,
      basePath: '/scim/v2',
      resourceTypes: resourceTypesFor(loadProfile('uniflow-online')),
      faults: [dropCardNumber],
    });
    servers.push(server);
    const { url } = await server.listen(0, '127.0.0.1');
    const run = await runCli(
      ['--url', url, '--profile', 'uniflow-online', '--suite', 'profile', '--reporter', 'json', '--seed', '3'],
      { env: { SCIM_TOKEN: TEST_TOKEN } },
    );
    expect(run.results, run.stderr).toBeDefined();
    const failed = run.results!.tests.filter(failedJudgement);
    expect(failedNames(run.results)).toEqual([
      `U-12 profile mapping ${URN}:{cardNumber, cardRegistrationCode, localUsername, pin}: a POST carrying them stores the values and GET returns them as sent`,
      `X-12 profile mapping ${PATH}: Replace (URN path) stores the value and leaves its neighbours alone`,
    ]);
    for (const test of failed) {
      expect(test.failure?.kind, test.name).toBe('conformance');
      expect(test.failure?.message, test.name).toContain(PATH);
    }
    expect(run.code).toBe(1);
    // Every other mapped attribute still passes: the fault is reported where it is, not everywhere.
    const passed = run.results!.tests.filter((t) => t.status === 'passed').map((t) => t.name);
    expect(passed.some((n) => n.includes(`${URN}:cardRegistrationCode: Replace`))).toBe(true);
    expect(run.results!.cleanup.leftBehind).toEqual([]);
  }, 120_000);
});
