// `scim-conformance profile --url` as a process (e2e): the profile it writes on stdout is valid, a missing token is a
// usage error (2) and a target without /Schemas a target error (3). Discovery itself: tests/unit/profiles/discover.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfileText, loadProfile } from '../../src/profiles/load.js';
import { createScimServer, type ScimServer } from '../../src/server/app.js';
import { resourceTypesFor } from '../../src/server/profile-schemas.js';
import { runCli } from '../helpers/cli.js';

const TOKEN = 'discover-test-token';
const WS1B = 'urn:ietf:params:scim:schemas:extension:ws1b:2.0:User';
const servers: ScimServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('the profile command', () => {
  let oneflow: { url: string };
  beforeAll(async () => {
    const server = createScimServer({
      token: TOKEN,
      basePath: '/scim/v2',
      resourceTypes: resourceTypesFor(loadProfile('oneflow')),
    });
    servers.push(server);
    oneflow = await server.listen(0, '127.0.0.1');
  });

  it('is written by `scim-conformance profile --url` as a valid profile file', async () => {
    const run = await runCli(['profile', '--url', oneflow.url, '--name', 'my-app'], { env: { SCIM_TOKEN: TOKEN } });
    expect(run.code, run.stderr).toBe(0);
    const parsed = parseProfileText(run.stdout, 'stdout');
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (parsed.ok) {
      expect(parsed.profile.name).toBe('my-app');
      expect(parsed.profile.extensions[0]!.urn).toBe(WS1B);
    }
    expect(run.stderr).toMatch(/derived \d+ user and \d+ group mappings/);
    expect(run.stdout).not.toContain(TOKEN);
  });

  it('the profile command refuses a missing token and an unreachable /Schemas clearly', async () => {
    const noToken = await runCli(['profile', '--url', oneflow.url]);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/profile: no token/);
    const bare = createScimServer({
      token: TOKEN,
      basePath: '/scim/v2',
      faults: [
        {
          name: 'no-schemas',
          onRequest: (req) =>
            req.path.endsWith('/Schemas') ? { status: 404, headers: {}, body: { detail: 'no' } } : undefined,
        },
      ],
    });
    servers.push(bare);
    const { url } = await bare.listen(0, '127.0.0.1');
    const run = await runCli(['profile', '--url', url], { env: { SCIM_TOKEN: TOKEN } });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/GET \/Schemas answered 404/);
  });
});
