// withExamples (src/harness/incidental.ts) ends a test as inconclusive only when the server refuses the example data
// itself: the wrapped request got 400, a plain create with the same examples gets 400, Entra's create body alone
// does not. Against the reference server with faults that refuse one value, one attribute or everything.
import { afterAll, describe, expect, it } from 'vitest';
import { ScimClient } from '../../../src/client/scim-client.js';
import { Names } from '../../../src/entra/names.js';
import { withExamples, type IncidentalContext } from '../../../src/harness/incidental.js';
import { Resources } from '../../../src/harness/resources.js';
import { patchUserOk } from '../../../src/harness/user-state.js';
import { ConformanceError } from '../../../src/harness/verify.js';
import { newTaskMeta } from '../../../src/model/task-meta.js';
import type { ServerFault } from '../../../src/server/app.js';
import { startTarget } from '../../helpers/target-server.js';

const EXAMPLE = '+12015550142';
const error = (status: number, detail: string) => ({
  status,
  headers: {},
  body: {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(status),
    scimType: 'invalidValue',
    detail,
  },
});
/** Any write to /Users carrying `needle` anywhere in its body is refused with `status`. */
const refuses = (name: string, needle: RegExp, status = 400): ServerFault => ({
  name,
  onRequest(req) {
    if (['POST', 'PATCH'].includes(req.method) && /\/Users/.test(req.path) && needle.test(JSON.stringify(req.body)))
      return error(status, `refused by ${name}`);
  },
});

class Skipped extends Error {}

const servers: Array<{ close(): Promise<void> }> = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function setup(faults: ServerFault[]) {
  const server = await startTarget(faults);
  servers.push(server);
  const client = new ScimClient({ baseUrl: server.url, token: server.token });
  const meta = newTaskMeta({ behaviour: 'P-08', level: 'required', mode: 'default', spec: [], entra: '' });
  const names = new Names('0a1b2c3d', 1, 'incidental');
  const resources = new Resources(client, client, meta, names);
  const reasons: string[] = [];
  const ctx: IncidentalContext = {
    resources,
    target: { readOnly: false },
    skip: (reason: string): never => {
      reasons.push(reason);
      throw new Skipped(reason);
    },
  };
  /** A user, then a Replace of its mobile number with the example, wrapped as example data. */
  const replacePhone = async () => {
    const user = await resources.createUser();
    const examples = { what: 'phone number', attributes: { phoneNumbers: [{ type: 'mobile', value: EXAMPLE }] } };
    return withExamples(ctx, examples, () =>
      patchUserOk(client, user.id, [{ op: 'Replace', path: 'phoneNumbers[type eq "mobile"].value', value: EXAMPLE }]),
    );
  };
  return { server, ctx, resources, reasons, replacePhone };
}

describe('withExamples', () => {
  it('a server that refuses the example value: inconclusive, naming the request and the answer', async () => {
    const { reasons, replacePhone, resources, server } = await setup([refuses('no-555', /\+1201555/)]);
    await expect(replacePhone()).rejects.toBeInstanceOf(Skipped);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(
      /^inconclusive: the server refused the test's own example phone number: PATCH \/scim\/v2\/Users\/\S+ → 400 .*refused by no-555.*POST \/Users with the same values was refused too/,
    );
    await resources.cleanup();
    expect(server.server.store.count('User')).toBe(0);
  });

  it('a server that refuses the path but takes the value (noTarget): the failure stands', async () => {
    const { reasons, replacePhone } = await setup([refuses('no-value-filter', /phoneNumbers\[type eq/)]);
    await expect(replacePhone()).rejects.toBeInstanceOf(ConformanceError);
    expect(reasons).toEqual([]);
  });

  it("a server that refuses Entra's create body too: the failure stands (setup failures are failures)", async () => {
    const { ctx, reasons, resources } = await setup([refuses('no-users', /"schemas"/)]);
    const body = { phoneNumbers: [{ type: 'mobile', value: EXAMPLE }] };
    await expect(
      withExamples(ctx, { what: 'phone number', attributes: body }, () => resources.createUser(body)),
    ).rejects.toBeInstanceOf(ConformanceError);
    expect(reasons).toEqual([]);
  });

  it('an answer other than 400 is never inconclusive, and no control request is sent', async () => {
    const { reasons, replacePhone, server } = await setup([refuses('conflict', /\+1201555/, 409)]);
    await expect(replacePhone()).rejects.toBeInstanceOf(ConformanceError);
    expect(reasons).toEqual([]);
    expect(server.server.store.count('User')).toBe(1);
  });
});
