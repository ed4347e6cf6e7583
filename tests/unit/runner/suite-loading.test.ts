// All suites of a run share one vitest file (src/runner/suites-entry.ts). A suite file that fails to load must not
// take the others down: its error is a run error naming the suite, and every other suite's tests still run.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../../src/profiles/load.js';
import { packageRoot } from '../../../src/model/package-root.js';
import { runSuites, type SuiteRunOutput } from '../../../src/runner/run.js';
import { compiledSuite, uncompiledSuites } from '../../../src/runner/suites.js';
import { startTarget, TEST_TOKEN } from '../../helpers/target-server.js';

const root = packageRoot();
const broken = join(root, 'suites', `zz-broken-${process.pid}.test.ts`);

describe('a suite file that fails to load', () => {
  let target: Awaited<ReturnType<typeof startTarget>>;
  let out: SuiteRunOutput;
  beforeAll(async () => {
    // Only its compiled form exists: the runner imports dist/suites/…, and no other test lists this name.
    writeFileSync(compiledSuite(broken), "import '#harness';\nthrow new Error('boom while loading');\n");
    target = await startTarget();
    out = await runSuites({
      target: {
        baseUrl: target.url,
        token: TEST_TOKEN,
        timeoutMs: 5000,
        maxBodyBytes: 1 << 20,
        insecure: false,
        runId: 'load0001',
        seed: 1,
        concurrency: 4,
        noCleanup: false,
      },
      profile: loadProfile('entra-default'),
      files: [join(root, 'suites', 'discovery.test.ts'), broken, join(root, 'suites', 'auth.test.ts')],
    });
  }, 120_000);
  afterAll(async () => {
    rmSync(compiledSuite(broken), { force: true });
    await target?.close();
  });

  it('is a run error that names the suite and the error', () => {
    expect(out.errors).toEqual([`zz-broken-${process.pid}: boom while loading`]);
  });

  it('does not stop the suites before and after it, and is not counted as a test', () => {
    const areas = new Set(out.tests.map((t) => t.area));
    expect(areas).toEqual(new Set(['discovery', 'auth']));
    expect(out.tests.filter((t) => t.status === 'passed').length).toBeGreaterThan(10);
    expect(out.tests.some((t) => t.name.includes('failed to load'))).toBe(false);
    expect(out.tests.every((t) => t.file === `suites/${t.area}.test.ts`)).toBe(true);
  });
});

describe('a suite that was never compiled', () => {
  it('is found before the run, so the CLI can ask for "npm run build" (exit 4) instead of failing it as a load error', () => {
    const compiled = join(root, 'suites', 'discovery.test.ts');
    const added = join(root, 'suites', 'users', `zz-added-${process.pid}.test.ts`);
    expect(uncompiledSuites([compiled, added])).toEqual([added]);
  });
});
