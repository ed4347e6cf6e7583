// The published package works on its own. `npm pack`, installed into an empty project: its `scim-conformance --demo`
// runs the suites (compiled into dist/) to a pass; `scim-conformance/harness` resolves through package "exports" with
// declaration files, so the example vendor test of docs/harness.md type-checks against the installed package and runs
// with vitest against a server (and fails against one that cannot find users); `npm publish --dry-run` warns of nothing.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServerFault } from '../../src/server/app.js';
import { ROOT } from '../helpers/cli.js';
import { installIntoEmptyProject, packTarball } from '../helpers/pack.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';

type Ran = { code: number; stdout: string; stderr: string };

/** Runs a command without blocking this process (a target server in it must keep answering). */
function exec(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(command, args, { ...options, timeout: 180_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** An endpoint that cannot find its users by filter: every filtered list is empty (M-04-like, breaks U-03). */
const filterFindsNothing: ServerFault = {
  name: 'filter-finds-nothing',
  onResponse(req, res) {
    if (req.method === 'GET' && /\/Users$/.test(req.path) && req.query.has('filter'))
      return {
        ...res,
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
          totalResults: 0,
          startIndex: 1,
          itemsPerPage: 0,
          Resources: [],
        },
      };
  },
};

describe('npm pack → install into an empty project', () => {
  let app: string;
  beforeAll(async () => {
    // @types/node: the example's vitest.config.ts reads process.env, as a vendor's config does.
    app = await installIntoEmptyProject([await packTarball(), '@types/node@^20']);
  }, 300_000);

  it('runs --demo green from the installed tarball', () => {
    const run = spawnSync(
      join(app, 'node_modules', '.bin', 'scim-conformance'),
      ['--demo', '--reporter', 'json', '--out-dir', join(app, 'out')],
      {
        cwd: app,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(app, 'out', 'results.json'), 'utf8')) as {
      summary: { total: number; failed: number };
    };
    expect(results.summary.total).toBeGreaterThan(50);
    expect(results.summary.failed).toBe(0);
  }, 300_000);

  it('docs/examples/harness type-checks against the installed .d.ts files and runs with vitest against a server', async () => {
    cpSync(join(ROOT, 'docs', 'examples', 'harness'), app, { recursive: true });
    // A vendor's tsconfig, not this project's: strict, NodeNext, and library checking on (the .d.ts must hold up too).
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          types: ['node'],
        },
        include: ['*.ts'],
      }),
    );
    const tsc = [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app];
    const checked = await exec(process.execPath, tsc, { cwd: app });
    expect(checked.code, checked.stdout).toBe(0);
    // The types are real, not `any`, also for a consumer that skips library checks: a wrong call of behaviour() and
    // of a check is refused.
    writeFileSync(
      join(app, 'wrong.ts'),
      "import { behaviour, status } from 'scim-conformance/harness';\nbehaviour('U-03', 'x', 42);\nstatus('200');\n",
    );
    const wrong = await exec(process.execPath, [...tsc, '--skipLibCheck'], { cwd: app });
    expect(wrong.stdout).toMatch(/wrong\.ts\(2,[0-9]+\): error TS2345: .*BehaviourContext/);
    expect(wrong.stdout).toMatch(/wrong\.ts\(3,[0-9]+\): error TS2345/);
    rmSync(join(app, 'wrong.ts'));

    const vitest = [join(app, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=json'];
    const runAgainst = async (faults: ServerFault[]) => {
      const target = await startTarget(faults);
      try {
        const ran = await exec(process.execPath, vitest, {
          cwd: app,
          env: { ...process.env, SCIM_URL: target.url, SCIM_TOKEN: TEST_TOKEN, NO_COLOR: '1' },
        });
        const left = await fetch(`${target.url}/Users`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } }).then(
          (r) => r.json() as Promise<{ totalResults: number }>,
        );
        return {
          ...ran,
          report: JSON.parse(ran.stdout) as { numPassedTests: number; numFailedTests: number },
          left: left.totalResults,
        };
      } finally {
        await target.close();
      }
    };
    const good = await runAgainst([]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.report).toMatchObject({ numPassedTests: 1, numFailedTests: 0 });
    expect(good.left, 'the example deletes the users it created').toBe(0);

    const broken = await runAgainst([filterFindsNothing]);
    expect(broken.code).toBe(1);
    expect(broken.report).toMatchObject({ numPassedTests: 0, numFailedTests: 1 });
    expect(broken.stdout).toMatch(/U-03 a user with a generated userName is found by userName eq/);
    expect(broken.left, 'cleanup ran although the test failed').toBe(0);
  }, 300_000);

  it('npm publish --dry-run warns about nothing (metadata, files, exports, bin)', async () => {
    const published = await exec('npm', ['publish', '--dry-run', '--ignore-scripts'], { cwd: ROOT });
    expect(published.code, published.stderr).toBe(0);
    // Without an npm login, npm says so even in a dry run: that line is about this machine, not the package.
    const warnings = `${published.stdout}\n${published.stderr}`
      .split('\n')
      .filter((line) => /warn/i.test(line) && !/requires you to be logged in/.test(line));
    expect(warnings).toEqual([]);
    expect(published.stderr).toMatch(/dist\/types\/src\/harness\/index\.d\.ts/);
    expect(published.stderr).toMatch(/docs\/harness\.md/);
  }, 120_000);
});
