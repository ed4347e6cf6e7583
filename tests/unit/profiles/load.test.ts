// The profile loader: every built-in profile is valid and names its source document; a bad file is refused with
// the file, the exact line and column, the attribute path and what was expected.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinProfileNames, loadProfile, parseProfileText } from '../../../src/profiles/load.js';
import { parseJsonWithPositions } from '../../../src/profiles/json-positions.js';

const errorsOf = (text: string) => {
  const result = parseProfileText(text, 'app.json');
  if (result.ok) throw new Error('expected the profile to be refused');
  return result.errors;
};

const minimal = (users: string, extra = '') => `{
  "name": "acme",
  "title": "Acme",
  "resources": "users",${extra}
  "users": {
    "mappings": [
${users}
    ]
  }
}`;

describe('built-in profiles', () => {
  it('are the five documented apps', () => {
    expect(builtinProfileNames()).toEqual([
      'entra-default',
      'mediusflow',
      'microsoft-365',
      'oneflow',
      'uniflow-online',
    ]);
  });

  it.each(builtinProfileNames())('%s is valid and names its source document', (name) => {
    const profile = loadProfile(name);
    expect(profile.name).toBe(name);
    expect(profile.source).toBeTruthy();
    expect(profile.documents.length).toBeGreaterThan(0);
    expect(profile.users.mappings.length).toBeGreaterThan(0);
    expect(profile.users.mappings.some((m) => m.matching)).toBe(true);
  });

  it.each(builtinProfileNames())('%s says in its notes what it infers rather than reads in its documents', (name) => {
    expect(loadProfile(name).notes.filter((n) => n.startsWith('Inferred:')).length).toBeGreaterThan(0);
  });

  it('carry the documented specifics', () => {
    const uniflow = loadProfile('uniflow-online');
    expect(uniflow.resources).toBe('users');
    expect(uniflow.extensions[0]!.attributes.map((a) => a.name).sort()).toEqual([
      'cardNumber',
      'cardRegistrationCode',
      'localUsername',
      'pin',
    ]);
    expect(uniflow.users.mappings.find((m) => m.target.endsWith(':localUsername'))?.source).toBe('mailNickname');
    expect(uniflow.users.deprovision).toEqual(['disable', 'delete']);
    const oneflow = loadProfile('oneflow');
    expect(oneflow.resources).toBe('users+groups');
    expect(oneflow.users.mappings.filter((m) => m.required).map((m) => m.target)).toEqual(['userName', 'active']);
    expect(oneflow.groups.mappings.filter((m) => m.required).map((m) => m.target)).toEqual([
      'displayName',
      'externalId',
    ]);
    expect(oneflow.extensions[0]!.urn).toBe('urn:ietf:params:scim:schemas:extension:ws1b:2.0:User');
    const medius = loadProfile('mediusflow');
    expect(medius.users.mappings.find((m) => m.target.endsWith(':manager'))?.type).toBe('reference');
    expect(medius.extensions[0]!.attributes).toHaveLength(8);
    const m365 = loadProfile('microsoft-365');
    // No active in its mapping: Entra deprovisions with DELETE only (catalog U-17).
    expect(m365.users.deprovision).toEqual(['delete']);
    expect(oneflow.notes.some((n) => /Inferred: disable/.test(n))).toBe(true);
    expect(m365.users.mappings.map((m) => `${m.source}→${m.target}`)).toEqual([
      'givenName→name.givenName',
      'surname→name.familyName',
      'mailNickname→userName',
      'userPrincipalName→emails[type eq "work"].value',
    ]);
  });
});

describe('a bad profile is refused with line, path and what was expected', () => {
  it('an unknown type names line 8 and the accepted types', () => {
    const errors = errorsOf(
      minimal('      { "target": "userName", "matching": true },\n      { "target": "title", "type": "strng" }'),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^app\.json:8:36: users\.mappings\[1\]\.type: expected one of "string", "boolean", .*; got "strng"$/,
    );
  });

  it('a misspelt member is reported at its own line', () => {
    const errors = errorsOf(minimal('      { "target": "userName",\n        "matchng": true }'));
    expect(errors[0]).toMatch(/^app\.json:8:9: users\.mappings\[0\]: unknown member "matchng"/);
  });

  it('a missing member is reported at the object that should hold it', () => {
    const errors = errorsOf('{\n  "name": "acme",\n  "title": "Acme"\n}');
    expect(errors).toEqual(['app.json:1:1: resources: missing; expected one of "users", "users+groups"']);
  });

  it('an extension target that is not declared, on the line of the target', () => {
    const errors = errorsOf(
      minimal(
        '      { "target": "userName" },\n      { "target": "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badge" }',
      ),
    );
    expect(errors[0]).toMatch(
      /^app\.json:8:19: users\.mappings\[1\]\.target: the extension urn:ietf:params:scim:schemas:extension:acme:2\.0:User is not declared in "extensions"/,
    );
  });

  it('a target that is not a SCIM path, and a duplicate target', () => {
    const errors = errorsOf(
      minimal(
        '      { "target": "emails[type eq work].value" },\n      { "target": "title" },\n      { "target": "title" }',
      ),
    );
    expect(errors[0]).toMatch(
      /^app\.json:7:19: users\.mappings\[0\]\.target: "emails\[type eq work\]\.value" is not a SCIM path Entra writes/,
    );
    expect(errors[1]).toMatch(/^app\.json:9:19: users\.mappings\[2\]\.target: "title" is mapped twice/);
  });

  it('two targets that differ only in case are one target (RFC 7643 §2.1): refused in one line naming both', () => {
    const text =
      '{\n  "name": "acme", "title": "A", "resources": "users+groups",\n  "users": { "mappings": [{ "target": "userName", "matching": true }] },\n  "groups": { "mappings": [\n    { "target": "externalId" },\n    { "target": "externalID" }] }\n}';
    const errors = errorsOf(text);
    expect(errors).toEqual([
      'app.json:6:17: groups.mappings[1].target: "externalID" and "externalId" (groups.mappings[0]) differ only in case; attribute names are case-insensitive (RFC 7643 §2.1), so they are one target: keep one',
    ]);
  });

  it('a type that disagrees with the extension declaration', () => {
    const ext =
      '\n  "extensions": [{ "urn": "urn:ietf:params:scim:schemas:extension:acme:2.0:User", "attributes": [{ "name": "badge", "type": "integer" }] }],';
    const errors = errorsOf(
      minimal('      { "target": "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badge" }', ext),
    );
    expect(errors[0]).toMatch(
      /^app\.json:8:7: users\.mappings\[0\]\.type: "string" differs from the type "integer" declared/,
    );
  });

  it('group mappings on a users-only profile', () => {
    const errors = errorsOf(
      '{\n  "name": "acme", "title": "A", "resources": "users",\n  "groups": { "mappings": [\n    { "target": "displayName" }] }\n}',
    );
    expect(errors[0]).toMatch(/^app\.json:3:27: groups\.mappings: resources is "users"/);
  });

  it('JSON syntax errors carry line and column', () => {
    expect(errorsOf('{\n  "name": "acme",\n  "title": "A",\n}')).toEqual([
      'app.json:4:1: not valid JSON: expected a member name in double quotes, found "}" (trailing comma?)',
    ]);
    expect(errorsOf('{\n  "name": "acme" // x\n}')[0]).toMatch(
      /^app\.json:2:18: not valid JSON: comments are not allowed/,
    );
    expect(errorsOf('{\n  "name": "a",\n  "name": "b"\n}')[0]).toMatch(
      /^app\.json:3:3: not valid JSON: duplicate member name "name"/,
    );
  });

  it('loadProfile reports every problem of a file as a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scimc-profile-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      minimal('      { "target": "title", "type": "strng" },\n      { "target": "userName", "matching": "yes" }'),
    );
    expect(() => loadProfile(file)).toThrow(
      /^--profile: \S*bad\.json has 2 problems: \S*bad\.json:7:36: users\.mappings\[0\]\.type: [^\n]*; \S*bad\.json:8:43: users\.mappings\[1\]\.matching: expected true or false, got "yes"$/,
    );
    expect(() => loadProfile(join(dir, 'missing.json'))).toThrow(/neither a built-in profile/);
    expect(() => loadProfile('discover')).toThrow(/needs a target/);
  });
});

describe('the README', () => {
  it('documents the format with a full example that is a valid profile', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Profile format'));
    const example = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const parsed = parseProfileText(example!, 'README example');
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
  });
});

describe('parseJsonWithPositions', () => {
  it('parses like JSON.parse and records positions by path', () => {
    const text = '{\n  "a": [1, {"b": "x\\"y"}],\n  "c": null\n}';
    const { value, positions } = parseJsonWithPositions(text);
    expect(value).toEqual(JSON.parse(text));
    expect(positions.get('a.1.b')).toEqual({ line: 2, column: 18 });
    expect(positions.get('c')).toEqual({ line: 3, column: 8 });
  });

  it('reads every JSON document as JSON.parse does (jsonc-parser with comments and trailing commas refused)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseJsonWithPositions(text).value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('keeps a "__proto__" member as an own member, as JSON.parse does (found by the property above, seed 1791767135)', () => {
    const text = '{"__proto__": "", "a": {"__proto__": {"b": 1}}}';
    const { value } = parseJsonWithPositions(text);
    expect(value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__', 'a']);
  });

  it('keeps columns after a byte order mark and names a line break inside a string', () => {
    expect(parseJsonWithPositions('\ufeff{"a": 1}').positions.get('a')).toEqual({ line: 1, column: 8 });
    expect(() => parseJsonWithPositions('{\n  "a": "x\ny"\n}')).toThrow(
      /unterminated string \(a line break inside a string must be written \\n\)/,
    );
    expect(() => parseJsonWithPositions('[1, 2,]')).toThrow(/found "\]" \(trailing comma\?\)/);
    expect(() => parseJsonWithPositions('')).toThrow(/found the end of the file/);
  });
});
