// refusedAlone (src/harness/user-state.ts) names the operations a server refuses one by one, with the server's own
// error decoded ("400 invalidSyntax: unknown op"), not the escaped JSON of its body (issue 17: readable errors).
import { afterAll, describe, expect, it } from 'vitest';
import { ScimClient } from '../../../src/client/scim-client.js';
import { refusedAlone } from '../../../src/harness/user-state.js';
import type { ServerFault } from '../../../src/server/app.js';
import type { FaultResponse } from '../../../src/server/faults.js';
import { startTarget } from '../../helpers/target-server.js';
import { scimError } from '../../helpers/fault-kit.js';

const refuseTitle: ServerFault = {
  name: 'refuse-title',
  onRequest: (req): FaultResponse | undefined => {
    const ops = (req.body as { Operations?: Array<{ path?: string }> } | undefined)?.Operations ?? [];
    if (req.method !== 'PATCH') return;
    if (ops.some((o) => o.path === 'nickName'))
      return { status: 400, headers: { 'content-type': 'text/plain' }, body: 'Bad Request' };
    if (!ops.some((o) => o.path === 'title')) return;
    return scimError(400, 'invalidPath', 'title is read-only here');
  },
};

const server = await startTarget([refuseTitle]);
afterAll(() => server.close());

let users = 0;
async function newUser(client: ScimClient): Promise<string> {
  const created = await client.post('/Users', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: `refused-${++users}@example.com`,
  });
  return String((created.json as { id: string }).id);
}

describe('refusedAlone', () => {
  it('lists only the refused operations, each with the decoded SCIM error', async () => {
    const client = new ScimClient({ baseUrl: server.url, token: server.token });
    const id = await newUser(client);
    const refused = await refusedAlone(client, id, [
      { op: 'replace', path: 'title', value: 'Engineer' },
      { op: 'replace', path: 'displayName', value: 'Ada' },
    ]);
    expect(refused).toEqual(['title → 400 invalidPath: title is read-only here']);
  });

  it('quotes a body that is no SCIM error, cut short', async () => {
    const client = new ScimClient({ baseUrl: server.url, token: server.token });
    const id = await newUser(client);
    const refused = await refusedAlone(client, id, [{ op: 'replace', path: 'nickName', value: 'Ada' }]);
    expect(refused).toEqual(['nickName → 400 "Bad Request"']);
  });
});
