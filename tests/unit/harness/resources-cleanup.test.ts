// Resources.cleanup (src/harness/resources.ts) deletes what a test left, but not what the test itself deleted and
// saw gone (204, 200 or 404): a second DELETE would only cost a request (issue 19).
import { afterAll, describe, expect, it } from 'vitest';
import { ScimClient } from '../../../src/client/scim-client.js';
import { Names } from '../../../src/entra/names.js';
import { Resources } from '../../../src/harness/resources.js';
import { newTaskMeta } from '../../../src/model/task-meta.js';
import type { ServerFault } from '../../../src/server/app.js';
import { startTarget } from '../../helpers/target-server.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function setup(faults: ServerFault[] = []) {
  const server = await startTarget(faults);
  servers.push(server);
  const meta = newTaskMeta({ behaviour: 'U-18', level: 'required', mode: 'default', spec: [], entra: '' });
  const base = new ScimClient({ baseUrl: server.url, token: server.token });
  const client = base.withRecorder((exchange) => meta.exchanges.push(exchange));
  const cleanupClient = base.withRecorder(() => {
    meta.cleanupRequests++;
  });
  const resources = new Resources(client, cleanupClient, meta, new Names('0a1b2c3d', 1, 'cleanup'));
  return { server, meta, client, resources };
}

describe('Resources.cleanup', () => {
  it('does not DELETE again a user the test deleted (204), and still deletes the one it did not', async () => {
    const { server, meta, client, resources } = await setup();
    const gone = await resources.createUser();
    const kept = await resources.createUser();
    expect((await client.delete(`/Users/${gone.id}`)).status).toBe(204);
    await resources.cleanup();
    expect(meta.cleanupRequests).toBe(1);
    expect(meta.deleted.map((r) => r.id).sort()).toEqual([gone.id, kept.id].sort());
    expect(server.server.store.count('User')).toBe(0);
  });

  it('deletes at cleanup what the test tried to delete but the server refused', async () => {
    const refuse: ServerFault = {
      name: 'delete-500-once',
      onRequest: (req) =>
        req.method === 'DELETE' && req.headers['x-refuse'] ? { status: 500, headers: {}, body: {} } : undefined,
    };
    const { server, meta, client, resources } = await setup([refuse]);
    const user = await resources.createUser();
    expect((await client.delete(`/Users/${user.id}`, { headers: { 'x-refuse': '1' } })).status).toBe(500);
    await resources.cleanup();
    expect(meta.cleanupRequests).toBe(1);
    expect(meta.deleted.map((r) => r.id)).toEqual([user.id]);
    expect(server.server.store.count('User')).toBe(0);
  });
});
