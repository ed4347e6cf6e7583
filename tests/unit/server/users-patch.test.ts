// Entra's PATCH dialects through the HTTP layer: the engine applies them, the server must store and return
// the result unchanged (catalog P-03…P-13, U-25, X-04, X-06, X-08).
import { describe, expect, it } from 'vitest';
import { URN } from '../../../src/scim/urns.js';
import { client, createUser, patchOp } from './helpers.js';

const ENT = URN.EnterpriseUser;

describe('PATCH /Users/{id} with Entra request shapes', () => {
  it('applies the default-mode multi-replace in order (P-04)', async () => {
    const c = client();
    const id = await createUser(c, 'p04');
    const res = await c.patch(
      `/Users/${id}`,
      patchOp(
        { op: 'Replace', path: 'displayName', value: 'Pvlo' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
        { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
        { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
        { op: 'Replace', path: 'externalId', value: 'Eqpj' },
        { op: 'Replace', path: `${ENT}:employeeNumber`, value: 'Eqpj' },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Pvlo',
      externalId: 'Eqpj',
      name: { givenName: 'Gtfd', familyName: 'Pkqf' },
      [ENT]: { employeeNumber: 'Eqpj' },
    });
    expect(res.body.emails).toEqual([{ primary: true, type: 'work', value: 'TestBcwqnm@test.microsoft.com' }]);
    expect((await c.get(`/Users/${id}`)).body).toEqual(res.body);
  });

  it('applies the flag-mode batched path-less replace with dotted and URN keys (P-05, X-04)', async () => {
    const c = client();
    const id = await createUser(c, 'p05');
    const res = await c.patch(
      `/Users/${id}`,
      patchOp({
        op: 'replace',
        value: {
          displayName: 'Bjfe',
          'name.givenName': 'Kkom',
          'name.familyName': 'Unua',
          [`${ENT}:employeeNumber`]: 'Aklq',
          active: false,
        },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Bjfe',
      active: false,
      name: { givenName: 'Kkom', familyName: 'Unua', formatted: 'givenName familyName' },
      [ENT]: { employeeNumber: 'Aklq' },
    });
    expect(Object.keys(res.body)).not.toContain('name.givenName');
    expect(Object.keys(res.body)).not.toContain(`${ENT}:employeeNumber`);
  });

  it('creates the element for a value-filter path that matches nothing (P-08)', async () => {
    const c = client();
    const id = await createUser(c, 'p08');
    const res = await c.patch(
      `/Users/${id}`,
      patchOp({ op: 'Replace', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555' }),
    );
    expect(res.status).toBe(200);
    expect(res.body.phoneNumbers).toEqual([{ type: 'mobile', value: '+1 555' }]);
  });

  it('sets the manager from a bare id string and removes it again (X-06, X-08)', async () => {
    const c = client();
    const boss = await createUser(c, 'boss');
    const id = await createUser(c, 'report');
    const set = await c.patch(`/Users/${id}`, patchOp({ op: 'Add', path: `${ENT}:manager`, value: boss }));
    expect(set.body[ENT]).toEqual({ manager: { value: boss } });
    const removed = await c.patch(`/Users/${id}`, patchOp({ op: 'Remove', path: `${ENT}:manager` }));
    expect(removed.status).toBe(200);
    expect(removed.body[ENT]?.manager).toBeUndefined();
    expect(removed.body.schemas).toEqual([URN.User]);
  });

  it('stores roles as sent by the default-mode role PATCH (U-25)', async () => {
    const c = client();
    const id = await createUser(c, 'roles');
    const encoded = JSON.stringify({ id: '06b07648', value: '25', displayName: 'Role1234' });
    const res = await c.patch(`/Users/${id}`, patchOp({ op: 'Add', path: 'roles', value: [{ value: encoded }] }));
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual([{ value: encoded }]);
  });

  it('clears an attribute with an empty or null replace (U-27)', async () => {
    const c = client();
    const id = await createUser(c, 'clear', { title: 'Boss', nickName: 'B' });
    await c.patch(
      `/Users/${id}`,
      patchOp({ op: 'replace', path: 'title', value: null }, { op: 'replace', value: { nickName: '' } }),
    );
    const got = (await c.get(`/Users/${id}`)).body;
    expect(got.title ?? null).toBeNull();
    expect(got.nickName ?? '').toBe('');
  });

  it('applies nothing when one operation fails (atomic, RFC 7644 §3.5.2)', async () => {
    const c = client();
    const id = await createUser(c, 'atomic');
    const res = await c.patch(
      `/Users/${id}`,
      patchOp(
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Replace', path: 'noSuchAttribute', value: 'x' },
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.schemas).toEqual([URN.Error]);
    expect((await c.get(`/Users/${id}`)).body.active).toBe(true);
  });
});
