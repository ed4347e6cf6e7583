// The one parser of Entra's mapping target paths (src/entra/target-path.ts), from a table: every shape Entra writes
// in a mapping (catalog §4, §7), and what it is not.
import { describe, expect, test } from 'vitest';
import { mappingKind, parseProfileTarget, parseTargetPath, type TargetPath } from '../../../src/entra/target-path.js';
import { matchingElements, storedValue } from '../../../src/entra/read.js';
import { setInCreateBody } from '../../../src/entra/bodies.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const CUSTOM = 'urn:ietf:params:scim:schemas:extension:contoso:2.0:User';

const PATHS: Array<{ path: string; parsed: TargetPath; kind: ReturnType<typeof mappingKind> }> = [
  { path: 'title', parsed: { attribute: 'title' }, kind: 'simple' },
  { path: ' displayName ', parsed: { attribute: 'displayName' }, kind: 'simple' },
  { path: 'name.givenName', parsed: { attribute: 'name', sub: 'givenName' }, kind: 'complex' },
  {
    path: 'emails[type eq "work"].value',
    parsed: { attribute: 'emails', filter: { attribute: 'type', value: 'work' }, sub: 'value' },
    kind: 'multi',
  },
  {
    path: 'addresses[type EQ "work"].postalCode',
    parsed: { attribute: 'addresses', filter: { attribute: 'type', value: 'work' }, sub: 'postalCode' },
    kind: 'multi',
  },
  {
    path: 'roles[primary eq "True"].value',
    parsed: { attribute: 'roles', filter: { attribute: 'primary', value: 'True' }, sub: 'value' },
    kind: 'multi',
  },
  {
    path: 'emails[primary eq true].value',
    parsed: { attribute: 'emails', filter: { attribute: 'primary', value: true }, sub: 'value' },
    kind: 'multi',
  },
  {
    path: 'phoneNumbers[type eq "a\\"b"]',
    parsed: { attribute: 'phoneNumbers', filter: { attribute: 'type', value: 'a"b' } },
    kind: 'multi',
  },
  { path: `${ENTERPRISE}:department`, parsed: { urn: ENTERPRISE, attribute: 'department' }, kind: 'extension' },
  { path: `${ENTERPRISE}:manager`, parsed: { urn: ENTERPRISE, attribute: 'manager' }, kind: 'reference' },
  {
    path: `${ENTERPRISE}:manager.value`,
    parsed: { urn: ENTERPRISE, attribute: 'manager', sub: 'value' },
    kind: 'extension',
  },
  { path: `${CUSTOM}:costCenter`, parsed: { urn: CUSTOM, attribute: 'costCenter' }, kind: 'extension' },
  {
    path: 'urn:ietf:params:scim:schemas:core:2.0:User:userName',
    parsed: { urn: 'urn:ietf:params:scim:schemas:core:2.0:User', attribute: 'userName' },
    kind: 'simple',
  },
  { path: 'members', parsed: { attribute: 'members' }, kind: 'reference' },
];

const NOT_PATHS = [
  '',
  'urn:x',
  'emails[type ne "work"].value',
  'emails[type eq work].value',
  'name.given.name',
  '1title',
  'emails[type eq "work"',
];

describe('parseProfileTarget / parseTargetPath: one parser', () => {
  test.each(PATHS)('$path', ({ path, parsed, kind }) => {
    expect(parseProfileTarget(path)).toEqual(parsed);
    expect(parseTargetPath(path)).toEqual(parsed);
    expect(mappingKind(path, 'string')).toBe(kind);
  });

  test.each(NOT_PATHS)('"%s" is not a path Entra writes', (path) => {
    expect(parseProfileTarget(path)).toBeUndefined();
    expect(() => parseTargetPath(path)).toThrow(/unsupported attribute path/);
  });

  test('a boolean-typed mapping is PATCHed as a boolean, whatever its path', () => {
    expect(mappingKind('active', 'boolean')).toBe('boolean');
  });
});

describe('reading and writing along a target path', () => {
  // A filter path without a sub-attribute reads the whole matching element; its value goes under `value`.
  test.each(PATHS.filter(({ kind }) => kind !== 'reference'))(
    '$path: what setInCreateBody writes, storedValue reads back',
    ({ path, parsed }) => {
      const body = setInCreateBody({}, path, 'v-1');
      expect(storedValue(body, path)).toEqual(
        parsed.filter && !parsed.sub ? { [parsed.filter.attribute]: parsed.filter.value, value: 'v-1' } : 'v-1',
      );
    },
  );

  test('reads are case-insensitive and a filter matches "True" to a boolean primary (P-10)', () => {
    const user = {
      Emails: [
        { Type: 'home', value: 'h' },
        { type: 'WORK', Value: 'w', primary: true },
      ],
    };
    expect(storedValue(user, 'emails[type eq "work"].value')).toBe('w');
    expect(matchingElements(user, 'emails[primary eq "True"]')).toHaveLength(1);
  });
});
