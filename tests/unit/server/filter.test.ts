import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchesFilter, parseFilter, type FilterNode } from '../../../src/server/filter/index.js';
import type { JsonObject } from '../../../src/scim/schema-types.js';
import { RESOURCE_TYPES, scimErrorOf } from './patch-helpers.js';

interface FilterTable {
  resources: JsonObject[];
  cases: Array<{ source: string; filter: string; matches: string[] }>;
  errors: Array<{ filter: string; detail: string }>;
}

const table = JSON.parse(
  readFileSync(new URL('../../../fixtures/rfc7644/filter-cases.json', import.meta.url), 'utf8'),
) as FilterTable;
const User = RESOURCE_TYPES.User;

describe('filter matching (fixtures/rfc7644/filter-cases.json)', () => {
  it.each(table.cases.map((c) => [`${c.source} ${c.filter}`, c] as const))('%s', (_title, c) => {
    const ast = parseFilter(c.filter, User);
    const ids = table.resources.filter((r) => matchesFilter(r, ast, User)).map((r) => r.id);
    expect(ids).toEqual(c.matches);
  });
});

describe('filter errors are 400 invalidFilter with a precise detail', () => {
  it.each(table.errors.map((e) => [e.filter, e] as const))('%j', (_title, e) => {
    const error = scimErrorOf(() => parseFilter(e.filter, User));
    expect.soft(error.status).toBe(400);
    expect.soft(error.scimType).toBe('invalidFilter');
    expect.soft(error.message).toContain(e.detail);
  });
});

describe('parseFilter AST', () => {
  it('gives and precedence over or, and keeps URN paths whole', () => {
    const ast = parseFilter(
      'a eq 1 or b eq 2 and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value pr',
    );
    const expected: FilterNode = {
      kind: 'or',
      left: { kind: 'compare', attribute: { path: 'a', position: 0 }, operator: 'eq', value: 1 },
      right: {
        kind: 'and',
        left: { kind: 'compare', attribute: { path: 'b', position: 10 }, operator: 'eq', value: 2 },
        right: {
          kind: 'present',
          attribute: { path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value', position: 21 },
        },
      },
    };
    expect(ast).toEqual(expected);
  });

  it('desugars emails[type eq "work"].value eq "x" into a value path with a conjunction', () => {
    const ast = parseFilter('emails[type eq "work"].value eq "x"');
    expect(ast).toMatchObject({
      kind: 'valuePath',
      attribute: { path: 'emails' },
      filter: {
        kind: 'and',
        left: { kind: 'compare', operator: 'eq', value: 'work' },
        right: { kind: 'compare', attribute: { path: 'value' } },
      },
    });
  });

  it('parses literals: true/false/null in any case, numbers, unicode escapes', () => {
    expect(parseFilter('a eq TRUE')).toMatchObject({ value: true });
    expect(parseFilter('a eq False')).toMatchObject({ value: false });
    expect(parseFilter('a eq NULL')).toMatchObject({ value: null });
    expect(parseFilter('a eq -1.5e2')).toMatchObject({ value: -150 });
    expect(parseFilter('a eq "\\u00e9\\"\\\\"')).toMatchObject({ value: 'é"\\' });
  });

  it('parses without a resource type (syntax only) and accepts unknown attributes then', () => {
    expect(parseFilter('whatever eq "x"')).toMatchObject({ kind: 'compare' });
  });

  it('matchesFilter accepts filter text directly', () => {
    const [bjensen] = table.resources;
    assert(bjensen, 'the filter fixture has resources');
    expect(matchesFilter(bjensen, 'userName eq "BJENSEN@EXAMPLE.COM"', User)).toBe(true);
  });
});
