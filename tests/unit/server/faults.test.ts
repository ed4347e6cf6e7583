// The fault-injection mechanism (src/server/faults.ts): the hooks the project's fault tests build on.
import { describe, expect, it } from 'vitest';
import type { ServerFault } from '../../../src/server/app.js';
import { URN } from '../../../src/scim/urns.js';
import { client, createUser, entraUser, patchOp } from './helpers.js';

describe('server faults', () => {
  it('lets onRequest rewrite the request before routing', async () => {
    const renameOnCreate: ServerFault = {
      name: 'upper-cases userName on create',
      onRequest: (req) =>
        req.method === 'POST' && req.path.endsWith('/Users')
          ? {
              ...req,
              body: {
                ...(req.body as object),
                userName: String((req.body as { userName: string }).userName).toUpperCase(),
              },
            }
          : undefined,
    };
    const c = client({ faults: [renameOnCreate] });
    const res = await c.post('/Users', entraUser('lower'));
    expect(res.body.userName).toBe('LOWER');
  });

  it('lets onRequest answer directly, skipping auth and routing', async () => {
    const teapot: ServerFault = {
      name: 'always 418',
      onRequest: () => ({ status: 418, headers: {}, body: { nope: true } }),
    };
    const c = client({ faults: [teapot] });
    const res = await c.raw.get('/Users');
    expect(res.status).toBe(418);
    expect(res.body).toEqual({ nope: true });
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
  });

  it('lets onResponse replace the response, including a verbatim string body and another content type', async () => {
    const html: ServerFault = {
      name: 'html errors',
      onResponse: (_req, res) =>
        res.status === 404
          ? { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html>nope</html>' }
          : undefined,
    };
    const c = client({ faults: [html] });
    const res = await c.get('/Users/unknown');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.text).toBe('<html>nope</html>');
  });

  it('passes the parsed body and the form-decoded query to onRequest', async () => {
    const seen: Array<{ filter: string | null; body: unknown }> = [];
    const spy: ServerFault = {
      name: 'spy',
      onRequest: (req) => void seen.push({ filter: req.query.get('filter'), body: req.body }),
    };
    const c = client({ faults: [spy] });
    await c.get('/Users?filter=userName+eq+%22a%22');
    await c.post('/Users', entraUser('spied'));
    expect(seen[0]).toEqual({ filter: 'userName eq "a"', body: undefined });
    expect(seen[1]?.body).toMatchObject({ userName: 'spied' });
  });

  it('runs faults in order and lets a later fault see an earlier rewrite', async () => {
    const order: string[] = [];
    const first: ServerFault = {
      name: 'first',
      onRequest: (req) => (order.push('first'), { ...req, path: req.path.replace('/People', '/Users') }),
    };
    const second: ServerFault = { name: 'second', onRequest: (req) => void order.push(`second:${req.path}`) };
    const c = client({ faults: [first, second] });
    const res = await c.get('/People');
    expect(res.status).toBe(200);
    expect(order).toEqual(['first', 'second:/Users']);
  });

  it('can turn a correct behaviour into a wrong one (a group PATCH that drops every member)', async () => {
    const removeAll: ServerFault = {
      name: 'value-array member removal removes all (M-03)',
      onRequest: (req) => {
        if (req.method !== 'PATCH' || !req.path.includes('/Groups/')) return undefined;
        const body = req.body as { Operations: Array<Record<string, unknown>> };
        return {
          ...req,
          body: {
            ...body,
            Operations: body.Operations.map((op) =>
              String(op.op).toLowerCase() === 'remove' ? { op: 'replace', path: 'members', value: [] } : op,
            ),
          },
        };
      },
    };
    const c = client({ faults: [removeAll] });
    const [a, b] = [await createUser(c, 'fa'), await createUser(c, 'fb')];
    const g = (
      await c.post('/Groups', { schemas: [URN.Group], displayName: 'F', members: [{ value: a }, { value: b }] })
    ).body.id;
    await c.patch(`/Groups/${g}`, patchOp({ op: 'Remove', path: 'members', value: [{ value: a }] }));
    expect((await c.get(`/Groups/${g}`)).body.members).toBeUndefined();
  });

  it('answers a fault that throws with a 500 SCIM error instead of crashing', async () => {
    const broken: ServerFault = {
      name: 'throws',
      onResponse: () => {
        throw new Error('boom');
      },
    };
    const res = await client({ faults: [broken] }).get('/Users');
    expect(res.status).toBe(500);
    expect(res.body.schemas).toEqual([URN.Error]);
  });
});
