// Every built-in profile runs green against the bundled reference server serving that profile's schemas
// (`--demo --profile X`), and the generated profile tests ran for every attribute the profile maps.
import { describe, expect, it } from 'vitest';
import { builtinProfileNames, loadProfile } from '../src/profiles/load.js';
import { runCli } from './helpers/cli.js';

/** A request body as an object; {} for none, and for the deliberately malformed ones (D-09, D-13). */
function parsedObject(body: string | undefined): object {
  try {
    const value: unknown = JSON.parse(body ?? '{}');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

describe('--demo --profile <built-in>', () => {
  it.concurrent.each(builtinProfileNames())(
    '%s: exit 0, and generated tests for every mapped attribute',
    async (name) => {
      const run = await runCli(['--demo', '--profile', name, '--reporter', 'json', '--seed', '11'], {
        timeoutMs: 170_000,
      });
      expect(run.results, run.stderr).toBeDefined();
      const results = run.results!;
      const failed = results.tests
        .filter((t) => t.status === 'failed' || t.status === 'warning')
        .map((t) => `${t.name}: ${t.failure?.message}`);
      expect(failed).toEqual([]);
      expect(results.errors).toEqual([]);
      expect(run.code).toBe(0);
      expect(results.profile.name).toBe(name);
      const generated = results.tests.filter((t) => t.area === 'profile');
      expect(
        generated.every((t) => t.status === 'passed'),
        generated
          .filter((t) => t.status !== 'passed')
          .map((t) => t.name)
          .join('\n'),
      ).toBe(true);
      const profile = loadProfile(name);
      for (const mapping of profile.users.mappings) {
        const forIt = generated.filter(
          (t) =>
            t.name.includes(`profile mapping ${mapping.target}:`) ||
            t.name.includes(`profile mapping ${mapping.target} (`),
        );
        expect(forIt.length, `generated tests for ${mapping.target}`).toBeGreaterThan(0);
      }
      if (profile.resources === 'users+groups')
        expect(generated.some((t) => t.name.startsWith('G-05 profile group mapping'))).toBe(true);
      for (const extension of profile.extensions)
        expect(generated.some((t) => t.name.startsWith(`X-15 profile extension ${extension.urn}`))).toBe(true);
      // Attribute names are case-insensitive (RFC 7643 §2.1): no body the run sent has a member twice (externalId/externalID).
      const twice = results.tests
        .flatMap((t) => t.exchanges)
        .filter((e) => {
          const keys = Object.keys(parsedObject(e.request.body)).map((k) => k.toLowerCase());
          return new Set(keys).size !== keys.length;
        });
      expect(twice.map((e) => `${e.request.method} ${e.request.url} ${e.request.body}`)).toEqual([]);
      expect(results.cleanup.leftBehind).toEqual([]);
    },
    180_000,
  );
});
