import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../src/server/patch/index.js';
import type { JsonObject } from '../../../src/scim/schema-types.js';
import { URN } from '../../../src/scim/urns.js';
import { RESOURCE_TYPES, scimErrorOf } from './patch-helpers.js';

interface PatchCase {
  id: string;
  description: string;
  resourceType: 'User' | 'Group';
  resource: JsonObject;
  body: unknown;
  expected?: JsonObject;
  error?: { status: number; scimType: string };
}

function load(name: string): PatchCase[] {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8')) as PatchCase[];
}

for (const file of ['entra/patch-cases.json', 'rfc7644/patch-cases.json']) {
  describe(file, () => {
    it.each(load(file).map((c) => [`${c.id} ${c.description}`, c] as const))('%s', (_title, c) => {
      const rt = RESOURCE_TYPES[c.resourceType];
      const before = structuredClone(c.resource);
      if (c.error) {
        const error = scimErrorOf(() => applyPatch(c.resource, c.body, rt));
        expect.soft(error.status).toBe(c.error.status);
        expect.soft(error.scimType).toBe(c.error.scimType);
        expect.soft(error.message).toMatch(/^Failed to /);
      } else {
        expect(applyPatch(c.resource, c.body, rt)).toEqual(c.expected);
      }
      expect(c.resource, 'the input resource must not be mutated').toEqual(before);
    });
  });
}

const patchOp = (...Operations: unknown[]) => ({ schemas: [URN.PatchOp], Operations });
const baseUser: JsonObject = {
  schemas: [URN.User],
  id: 'u-1',
  userName: 'bjensen',
  active: true,
  meta: { resourceType: 'User', created: '2024-01-01T00:00:00Z', lastModified: '2024-01-01T00:00:00Z' },
};

describe('applyPatch behaviour beyond the tables', () => {
  it('is atomic: an error in a later operation leaves the input untouched and returns nothing', () => {
    const resource = structuredClone(baseUser);
    const error = scimErrorOf(() =>
      applyPatch(
        resource,
        patchOp({ op: 'Replace', path: 'active', value: 'False' }, { op: 'replace', path: 'nope', value: 1 }),
        RESOURCE_TYPES.User,
      ),
    );
    expect(error.scimType).toBe('invalidPath');
    expect(resource).toEqual(baseUser);
  });

  it('returns a new object and leaves meta alone when no clock is given', () => {
    const result = applyPatch(baseUser, patchOp({ op: 'replace', path: 'title', value: 'CEO' }), RESOURCE_TYPES.User);
    expect(result).not.toBe(baseUser);
    expect(result.meta).toEqual(baseUser.meta);
  });

  it('sets meta.lastModified from opts.now only when something changed', () => {
    const now = () => new Date('2025-06-01T12:00:00Z');
    const changed = applyPatch(baseUser, patchOp({ op: 'replace', path: 'title', value: 'CEO' }), RESOURCE_TYPES.User, {
      now,
    });
    expect((changed.meta as JsonObject).lastModified).toBe('2025-06-01T12:00:00.000Z');
    expect((changed.meta as JsonObject).created).toBe('2024-01-01T00:00:00Z');
    const unchanged = applyPatch(
      baseUser,
      patchOp({ op: 'replace', path: 'active', value: 'True' }),
      RESOURCE_TYPES.User,
      { now },
    );
    expect(unchanged).toEqual(baseUser);
  });

  it('accepts replacing id with its own value (no modification) but rejects a different id', () => {
    expect(
      applyPatch(baseUser, patchOp({ op: 'replace', value: { id: 'u-1', title: 'x' } }), RESOURCE_TYPES.User).title,
    ).toBe('x');
    expect(
      scimErrorOf(() => applyPatch(baseUser, patchOp({ op: 'replace', value: { id: 'u-2' } }), RESOURCE_TYPES.User))
        .scimType,
    ).toBe('mutability');
  });

  it('renames a non-canonical stored key when it is written (Manager → manager)', () => {
    const resource: JsonObject = { ...baseUser, [URN.EnterpriseUser]: { Manager: { value: 'm-1' } } };
    const result = applyPatch(
      resource,
      patchOp({ op: 'replace', path: `${URN.EnterpriseUser}:manager`, value: 'm-2' }),
      RESOURCE_TYPES.User,
    );
    expect(result[URN.EnterpriseUser]).toEqual({ manager: { value: 'm-2' } });
  });

  it('ignores a schemas key inside a path-less value', () => {
    const result = applyPatch(
      baseUser,
      patchOp({ op: 'replace', value: { schemas: ['x'], title: 'CEO' } }),
      RESOURCE_TYPES.User,
    );
    expect(result.schemas).toEqual([URN.User]);
  });
});
