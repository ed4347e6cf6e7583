// A server that differs from the reference server only in ways RFC 7643/7644 allow and Entra copes with gets no
// blocking failure from the default suite (issue 14, "Done when"); the differences the RFC forbids but Entra
// tolerates show up as warnings of the listed behaviours only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTests, limiter, runAgainst } from './run-variant.js';
import { VARIANTS } from './variants.js';

// Each case is a whole CLI run (CPU-bound, ~2-3 s idle): two at a time, on a machine shared with other runs.
const limit = limiter(2);

describe('variant servers (RFC-allowed, Entra-compatible differences) → no blocking failure', () => {
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it.concurrent(
      name,
      async () => {
        const { run, blocking, warnings } = await limit(() =>
          runAgainst((server) => variant.faults(server), variant.server ?? {}),
        );
        expect(run.results, run.stderr).toBeDefined();
        expect(
          blocking.map((t) => t.name),
          `${variant.why}\nblocking failures:\n${describeTests(blocking)}`,
        ).toEqual([]);
        const unexpected = warnings.filter((t) => !variant.warns.includes(t.behaviour));
        expect(
          unexpected.map((t) => t.name),
          `warnings outside the expected ${JSON.stringify(variant.warns)}:\n${describeTests(unexpected)}`,
        ).toEqual([]);
        // What a pipeline sees: exit 0 and a JUnit file without <failure> or <error> (warnings are passing testcases).
        expect(run.code, run.stderr).toBe(0);
        expect(readFileSync(join(run.outDir, 'junit.xml'), 'utf8')).not.toMatch(/<(failure|error)[\s>]/);
        expect(run.results!.cleanup.leftBehind).toEqual([]);
      },
      600_000,
    );
  }
});
