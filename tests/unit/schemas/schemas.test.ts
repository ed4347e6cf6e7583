import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { URN } from '../../../src/scim/urns.js';
import { formatIssue, packageRoot, schemaIds, validateList, validateSchema } from '../../../src/schemas/registry.js';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');
const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** RFC fixtures are named by section (`8.2-user-full.json`); other files in these folders belong to other tests. */
function rfcFixtures(folder: 'rfc7643' | 'rfc7644'): string[] {
  return readdirSync(join(fixtures, folder)).filter((f) => /^\d+(\.\d+)*-.+\.json$/.test(f));
}

/** Which schema an RFC example is an instance of, from its file name. */
function schemaFor(file: string): string {
  const rules: Array<[RegExp, string]> = [
    [/-schema-/, URN.Schema],
    [/user/, URN.User],
    [/group\.json$/, URN.Group],
    [/service-provider-config/, URN.ServiceProviderConfig],
    [/resource-types/, URN.ResourceType],
    [/list-response/, URN.ListResponse],
    [/error/, URN.Error],
    [/patch-op/, URN.PatchOp],
  ];
  const id = rules.find(([pattern]) => pattern.test(file))?.[1];
  if (!id) throw new Error(`No schema rule for fixture ${file}`);
  return id;
}

describe('schema registry', () => {
  it('finds the package root and loads every SCIM schema by its URN', () => {
    expect(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).toContain('"name": "scim-conformance"');
    for (const id of [
      URN.User,
      URN.Group,
      URN.EnterpriseUser,
      URN.ListResponse,
      URN.Error,
      URN.PatchOp,
      URN.ServiceProviderConfig,
      URN.ResourceType,
      URN.Schema,
    ]) {
      expect(schemaIds()).toContain(id);
    }
  });

  it('throws on an unknown schema id', () => {
    expect(() => validateSchema('urn:example:nope', {})).toThrow(/Unknown schema id/);
  });

  describe.each(['rfc7643', 'rfc7644'] as const)('%s examples are valid', (folder) => {
    it.each(rfcFixtures(folder))('%s', (file) => {
      const data = read(join(fixtures, folder, file));
      const items = Array.isArray(data) ? data : [data]; // §8.6 is a bare array of ResourceTypes
      for (const item of items) expect(validateSchema(schemaFor(file), item).map(formatIssue)).toEqual([]);
    });
  });

  it('has the RFC fixtures the brief names', () => {
    expect(rfcFixtures('rfc7643')).toEqual(
      expect.arrayContaining([
        '8.1-user-minimal.json',
        '8.2-user-full.json',
        '8.3-enterprise-user.json',
        '8.4-group.json',
        '8.5-service-provider-config.json',
        '8.6-resource-types.json',
      ]),
    );
    expect(rfcFixtures('rfc7644')).toEqual(
      expect.arrayContaining([
        '3.4.2-list-response.json',
        '3.12-error-bad-request.json',
        '3.5.2.1-patch-op-add-member.json',
      ]),
    );
  });

  interface InvalidFixture {
    schema: string;
    expectedPaths: string[];
    note: string;
    data: unknown;
  }
  const invalid = readdirSync(join(fixtures, 'invalid')).filter((f) => f.endsWith('.json'));

  it.each(invalid)('invalid/%s is rejected at the expected paths', (file) => {
    const fixture = read(join(fixtures, 'invalid', file)) as InvalidFixture;
    const issues = validateSchema(fixture.schema, fixture.data);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(fixture.expectedPaths));
    for (const issue of issues) expect(issue.message).not.toBe('');
  });

  it('writes messages a vendor understands', () => {
    const lines = (file: string): string[] => {
      const fixture = read(join(fixtures, 'invalid', file)) as InvalidFixture;
      return validateSchema(fixture.schema, fixture.data).map(formatIssue);
    };
    expect(lines('list-response-active-string.json')).toContain(
      '/Resources/0/active: must be boolean or null, got string "False"',
    );
    expect(lines('error-numeric-status.json')).toEqual([
      '/status: must be string, got number 404 — status is the HTTP status code as a JSON string, e.g. "404" (RFC 7644 §3.12)',
    ]);
    expect(lines('user-missing-schemas.json')).toEqual(['/schemas: is required but missing']);
    expect(lines('user-manager-string.json')[0]).toMatch(
      /^\/urn:ietf:params:scim:schemas:extension:enterprise:2\.0:User\/manager: must be object or null, got string "myuser" — manager is a complex attribute/,
    );
    expect(lines('list-response-lowercase-resources.json')).toContain(
      '/resources: must not be present — the member is "Resources" with a capital R (RFC 7644 §3.4.2); Entra and strict clients do not read "resources"',
    );
  });

  it('accepts what RFC 7643/7644 and Entra allow in responses', () => {
    const user = { schemas: [URN.User], id: 'u1', userName: 'bjensen' };
    const ok = (id: string, data: unknown): void => expect(validateSchema(id, data).map(formatIssue)).toEqual([]);
    ok(URN.User, { ...user, title: null, emails: null, active: null, unknownVendorAttribute: { any: 'thing' } }); // §2.5 nulls
    ok(URN.User, { ...user, meta: { created: '2024-05-01T10:00:00.1234567' } }); // xsd:dateTime without zone
    ok(URN.User, { ...user, schemas: [URN.User, URN.EnterpriseUser] }); // enterprise URN without object
    ok(URN.User, { ...user, [URN.EnterpriseUser]: { manager: null } }); // manager removed
    ok(URN.User, { ...user, [URN.EnterpriseUser]: { manager: { value: '' } } }); // validator-style removal
    ok(URN.User, { ...user, 'urn:ietf:params:scim:schemas:extension:Custom:2.0:User': { tag: 'x' } });
    ok(URN.Group, { schemas: [URN.Group, URN.EntraAdscimGroup], id: 'g1', displayName: 'Sales', members: [] }); // G-05
    ok(URN.ListResponse, { schemas: [URN.ListResponse], totalResults: 0, startIndex: 1, itemsPerPage: 0 }); // no Resources at 0
    ok(URN.PatchOp, { schemas: [URN.PatchOp], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] }); // U-14
    ok(URN.PatchOp, {
      schemas: [URN.PatchOp],
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: 'u1' }] }],
    }); // G-10
  });

  it('validateList demands complete resources and prefixes their paths', () => {
    const list = { schemas: [URN.ListResponse], totalResults: 1, Resources: [{ schemas: [URN.User], id: 'u1' }] };
    expect(validateSchema(URN.ListResponse, list)).toEqual([]); // may be an ?attributes=id projection
    expect(validateList(URN.User, list).map(formatIssue)).toEqual(['/Resources/0/userName: is required but missing']);
  });
});
