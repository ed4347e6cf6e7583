// The in-memory store on its own (src/server/store.ts).
import { describe, expect, it } from 'vitest';
import { ResourceStore } from '../../../src/server/store.js';

function makeStore(now = () => new Date('2026-01-01T00:00:00.000Z')) {
  return new ResourceStore({
    unique: { User: [{ name: 'userName', caseExact: false }], Group: [{ name: 'displayName', caseExact: false }] },
    now,
  });
}

describe('ResourceStore', () => {
  it('assigns a UUID id and meta with a weak version, ignoring id and meta in the input', () => {
    const store = makeStore();
    const user = store.create('User', { id: 'mine', userName: 'a', meta: { version: 'x' } });
    expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(user.meta).toEqual({
      resourceType: 'User',
      created: '2026-01-01T00:00:00.000Z',
      lastModified: '2026-01-01T00:00:00.000Z',
      version: 'W/"1"',
    });
  });

  it('advances lastModified strictly and bumps the version even when the clock stands still (P-15)', () => {
    const store = makeStore();
    const user = store.create('User', { userName: 'a' });
    const next = store.replace('User', String(user.id), { userName: 'b' });
    expect(next.meta).toMatchObject({
      created: '2026-01-01T00:00:00.000Z',
      lastModified: '2026-01-01T00:00:00.001Z',
      version: 'W/"2"',
    });
  });

  it('enforces case-insensitive uniqueness on create and replace, but not against itself', () => {
    const store = makeStore();
    const a = store.create('User', { userName: 'Alice' });
    expect(() => store.create('User', { userName: 'ALICE' })).toThrowError(
      expect.objectContaining({ status: 409, scimType: 'uniqueness' }),
    );
    const b = store.create('User', { userName: 'bob' });
    expect(() => store.replace('User', String(b.id), { userName: 'alice' })).toThrowError(
      expect.objectContaining({ status: 409 }),
    );
    expect(store.replace('User', String(a.id), { userName: 'alice' }).userName).toBe('alice');
    expect(store.create('Group', { displayName: 'alice' }).displayName).toBe('alice');
  });

  it('hands out copies, so callers cannot change stored state', () => {
    const store = makeStore();
    const user = store.create('User', { userName: 'a', name: { givenName: 'A' } });
    (user.name as { givenName: string }).givenName = 'changed';
    expect(store.get('User', String(user.id))?.name).toEqual({ givenName: 'A' });
  });

  it('removes a deleted resource from every members list (G-21) and reports unknown ids', () => {
    const store = makeStore();
    const u = store.create('User', { userName: 'u' });
    const g = store.create('Group', { displayName: 'g', members: [{ value: String(u.id) }, { value: 'other' }] });
    expect(store.delete('User', String(u.id))).toBe(true);
    expect(store.get('Group', String(g.id))?.members).toEqual([{ value: 'other' }]);
    expect(store.delete('User', String(u.id))).toBe(false);
    expect(() => store.replace('User', String(u.id), { userName: 'u' })).toThrowError(
      expect.objectContaining({ status: 404 }),
    );
  });

  it('counts, lists in creation order and clears', () => {
    const store = makeStore();
    store.create('User', { userName: 'b' });
    store.create('User', { userName: 'a' });
    expect(store.count('User')).toBe(2);
    expect(store.count('Group')).toBe(0);
    expect(store.list('User').map((u) => u.userName)).toEqual(['b', 'a']);
    store.clear();
    expect(store.count('User')).toBe(0);
  });
});
