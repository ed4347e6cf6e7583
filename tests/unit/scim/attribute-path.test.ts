import { describe, expect, it } from 'vitest';
import { resolveAttributePath, splitSchemaPrefix } from '../../../src/scim/attribute-path.js';
import {
  COMMON_ATTRIBUTES,
  customExtensionSchema,
  defaultResourceTypes,
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../../src/scim/schema-definitions.js';
import type { AttributeDefinition } from '../../../src/scim/schema-types.js';
import { URN } from '../../../src/scim/urns.js';

const UNIFLOW = 'urn:ietf:params:scim:schemas:extension:uniFLOWOnline:2.0:User';
// A custom URN that extends the enterprise URN: the longest known prefix must win.
const NESTED = `${URN.EnterpriseUser}:acme:2.0:User`;
const [User, Group] = defaultResourceTypes({
  userExtensions: [customExtensionSchema(UNIFLOW, ['cardNumber']), customExtensionSchema(NESTED, ['badge'])],
});

describe('resolveAttributePath', () => {
  it.each([
    ['userName', URN.User, 'userName'],
    ['USERNAME', URN.User, 'userName'],
    ['name.givenName', URN.User, 'name.givenName'],
    ['Name.GivenName', URN.User, 'name.givenName'],
    ['emails.Value', URN.User, 'emails.value'],
    ['id', URN.User, 'id'],
    ['meta.lastModified', URN.User, 'meta.lastModified'],
    [`${URN.User}:userName`, URN.User, 'userName'],
    [`${URN.User}:name.familyName`, URN.User, 'name.familyName'],
    [`${URN.EnterpriseUser}:department`, URN.EnterpriseUser, `${URN.EnterpriseUser}:department`],
    [`${URN.EnterpriseUser}:manager.value`, URN.EnterpriseUser, `${URN.EnterpriseUser}:manager.value`],
    [`${URN.EnterpriseUser.toLowerCase()}:MANAGER`, URN.EnterpriseUser, `${URN.EnterpriseUser}:manager`],
    ['manager', URN.EnterpriseUser, `${URN.EnterpriseUser}:manager`],
    ['employeeNumber', URN.EnterpriseUser, `${URN.EnterpriseUser}:employeeNumber`],
    [`${URN.EnterpriseUser}.department`, URN.EnterpriseUser, `${URN.EnterpriseUser}:department`],
    [`${UNIFLOW}:cardNumber`, UNIFLOW, `${UNIFLOW}:cardNumber`],
    [`${NESTED}:badge`, NESTED, `${NESTED}:badge`],
  ])('%s → %s %s', (path, schemaUrn, canonicalName) => {
    expect(resolveAttributePath(path, User)).toMatchObject({ schemaUrn, canonicalName });
  });

  it.each([
    ['nope'],
    ['name.nope'],
    ['userName.sub'],
    ['name.givenName.extra'],
    ['urn:ietf:params:scim:schemas:extension:unknown:2.0:User:department'],
    [`${URN.EnterpriseUser}:nope`],
    [URN.EnterpriseUser],
    [''],
    ['members'],
  ])('%j does not resolve for User', (path) => {
    expect(resolveAttributePath(path, User)).toBeUndefined();
  });

  it('resolves Group attributes and not User ones', () => {
    expect(resolveAttributePath('members.value', Group)).toMatchObject({
      schemaUrn: URN.Group,
      canonicalName: 'members.value',
    });
    expect(resolveAttributePath('userName', Group)).toBeUndefined();
  });

  it('reports the extension flag and definitions', () => {
    const resolved = resolveAttributePath('manager.value', User);
    expect(resolved?.isExtension).toBe(true);
    expect(resolved?.attribute.type).toBe('complex');
    expect(resolved?.subAttribute?.name).toBe('value');
  });

  it('matches the longest schema URN first', () => {
    expect(splitSchemaPrefix(`${NESTED}:badge`, User)).toMatchObject({ schema: { id: NESTED }, rest: 'badge' });
    expect(splitSchemaPrefix(`${URN.EnterpriseUser}:department`, User)).toMatchObject({ rest: 'department' });
  });
});

describe('schema definitions (RFC 7643 §8.7.1)', () => {
  const find = (attrs: AttributeDefinition[] | readonly AttributeDefinition[], name: string) =>
    attrs.find((a) => a.name === name)!;

  it('declares the characteristics Entra relies on', () => {
    expect(find(USER_SCHEMA.attributes, 'userName')).toMatchObject({
      required: true,
      caseExact: false,
      uniqueness: 'server',
    });
    expect(find(COMMON_ATTRIBUTES, 'id')).toMatchObject({
      caseExact: true,
      mutability: 'readOnly',
      returned: 'always',
    });
    expect(find(COMMON_ATTRIBUTES, 'externalId')).toMatchObject({ caseExact: true });
    expect(find(USER_SCHEMA.attributes, 'active').type).toBe('boolean');
    expect(find(USER_SCHEMA.attributes, 'password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
    expect(find(USER_SCHEMA.attributes, 'groups').mutability).toBe('readOnly');
  });

  it('has the canonical type values', () => {
    const types = (name: string) => find(find(USER_SCHEMA.attributes, name).subAttributes!, 'type').canonicalValues;
    expect(types('emails')).toEqual(['work', 'home', 'other']);
    expect(types('phoneNumbers')).toEqual(['work', 'home', 'mobile', 'fax', 'pager', 'other']);
    expect(types('addresses')).toEqual(['work', 'home', 'other']);
  });

  it('models members and manager as complex attributes', () => {
    const members = find(GROUP_SCHEMA.attributes, 'members');
    expect(members.multiValued).toBe(true);
    expect(members.subAttributes!.map((s) => s.name)).toEqual(['value', '$ref', 'type', 'display']);
    const manager = find(ENTERPRISE_USER_SCHEMA.attributes, 'manager');
    expect(manager).toMatchObject({ type: 'complex', multiValued: false });
    expect(manager.subAttributes!.map((s) => s.name)).toEqual(['value', '$ref', 'displayName']);
  });

  it('builds custom extension schemas of simple strings and default resource types', () => {
    const schema = customExtensionSchema(UNIFLOW, ['cardNumber']);
    expect(schema).toMatchObject({ id: UNIFLOW, name: 'uniFLOWOnline' });
    expect(schema.attributes[0]).toMatchObject({
      name: 'cardNumber',
      type: 'string',
      multiValued: false,
      mutability: 'readWrite',
    });
    const [user, group] = defaultResourceTypes();
    expect(user).toMatchObject({ name: 'User', endpoint: '/Users', schema: { id: URN.User } });
    expect(user.extensions).toEqual([{ schema: ENTERPRISE_USER_SCHEMA, required: false }]);
    expect(group).toMatchObject({ name: 'Group', endpoint: '/Groups', extensions: [] });
  });
});
