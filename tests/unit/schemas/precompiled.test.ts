// The validators `npm run build` precompiles (scripts/build-validators.mjs → dist/src/schemas/validators.cjs) judge
// every body exactly as the validators Ajv compiles at run time: same ids, same issues, same messages.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as runtime from '../../../src/schemas/registry.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const compiled = (await import(
  pathToFileURL(join(root, 'dist', 'src', 'schemas', 'registry.js')).href
)) as typeof runtime;

/** Every JSON example of the fixtures folder (valid bodies, and the broken ones other tests use). */
function fixtureBodies(): unknown[] {
  const out: unknown[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) {
        try {
          out.push(JSON.parse(readFileSync(path, 'utf8')));
        } catch {
          /* not JSON on purpose */
        }
      }
    }
  };
  walk(join(root, 'fixtures'));
  return out.flatMap((body) => (Array.isArray(body) ? [body, ...body] : [body]));
}

/** A body with one value somewhere replaced: the kinds of mistakes vendors make (strings for booleans, nulls, …). */
const mutated = (bodies: unknown[]) =>
  fc
    .tuple(
      fc.constantFrom(...bodies.filter((b) => b && typeof b === 'object')),
      fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      fc.oneof(
        fc.constant('False'),
        fc.constant(null),
        fc.constant(42),
        fc.constant([]),
        fc.constant({}),
        fc.string(),
        fc.constant('not a uri'),
        fc.constant('2024-13-45'),
      ),
    )
    .map(([body, steps, value]) => {
      const copy = structuredClone(body) as Record<string, unknown>;
      let node: Record<string, unknown> = copy;
      for (const [i, step] of steps.entries()) {
        const keys = Object.keys(node);
        if (keys.length === 0) break;
        const key = keys[step % keys.length]!;
        const next = node[key];
        if (i === steps.length - 1 || !next || typeof next !== 'object') {
          node[key] = value;
          break;
        }
        node = next as Record<string, unknown>;
      }
      return copy;
    });

describe('precompiled validators', () => {
  it('are what the compiled package uses; the sources compile their own', () => {
    expect(compiled.validatorSource()).toBe('precompiled');
    expect(runtime.validatorSource()).toBe('compiled');
    expect([...compiled.schemaIds()].sort()).toEqual([...runtime.schemaIds()].sort());
  });

  it('are what the suites use: the bundled harness (#harness at run time) loads them too', async () => {
    const harness = (await import(pathToFileURL(join(root, 'dist', 'src', 'harness', 'bundle.js')).href)) as {
      validatorSource(): string;
    };
    expect(harness.validatorSource()).toBe('precompiled');
  });

  it('give the same issues as run-time compilation, for fixtures, mutated fixtures and arbitrary JSON', () => {
    const bodies = fixtureBodies();
    const ids = runtime.schemaIds();
    const same = (body: unknown) => {
      for (const id of ids) expect(compiled.validateSchema(id, body), id).toEqual(runtime.validateSchema(id, body));
    };
    bodies.forEach(same);
    fc.assert(fc.property(mutated(bodies), same), { numRuns: 300, seed: 7 });
    fc.assert(fc.property(fc.jsonValue(), same), { numRuns: 200, seed: 7 });
  });

  it('find problems (the comparison is not between two validators that accept everything)', () => {
    const issues = compiled.validateSchema('urn:ietf:params:scim:schemas:core:2.0:User', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'a',
      active: 'False',
    });
    expect(issues.map(compiled.formatIssue)).toEqual([
      '/active: must be boolean or null, got string "False"',
      '/id: is required but missing',
    ]);
  });
});
