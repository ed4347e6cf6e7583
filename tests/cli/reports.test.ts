/**
 * Issue 17 end to end, through the built CLI: a failing run's console names each failing behaviour once with what
 * Entra would do, the decoded server error and a rerun command; the reproduction script from results.json
 * reproduces the failure against the same server after the run cleaned up; a bad --out-dir exits 2 before any
 * request; a rejected token (exit 3) still leaves junit.xml and results.json.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { runCli, ROOT, type CliRun } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';
import type { ServerFault } from '../../src/server/app.js';
import { scimError } from '../helpers/fault-kit.js';

type Target = Awaited<ReturnType<typeof startTarget>>;

/** Catalog M-01: a PATCH of active as a string ("False") is refused with a SCIM error. */
const activeStringRejected: ServerFault = {
  name: 'active-string-rejected',
  onRequest(req) {
    if (
      req.method !== 'PATCH' ||
      !/\/Users\/[^/]+$/.test(req.path) ||
      req.headers.authorization !== `Bearer ${TEST_TOKEN}`
    )
      return;
    const ops = (req.body as { Operations?: Array<{ path?: unknown; value?: unknown }> } | undefined)?.Operations ?? [];
    if (ops.some((o) => String(o.path).toLowerCase() === 'active' && typeof o.value === 'string'))
      return scimError(400, 'invalidValue', 'active must be a boolean');
  },
};

describe('reports people act on (issue 17)', () => {
  let target: Target;
  let run: CliRun;
  let requestsSeen = 0;

  beforeAll(async () => {
    const counter: ServerFault = {
      name: 'count',
      onRequest: () => {
        requestsSeen += 1;
      },
    };
    target = await startTarget([activeStringRejected, counter]);
    run = await runCli(['--url', target.url, '--suite', 'users', '--seed', '7', '--quiet'], {
      env: { SCIM_TOKEN: target.token },
    });
  }, 180_000);
  afterAll(() => target?.close());

  it('the failing run prints each failing behaviour once, with Entra, the decoded error and a rerun command', () => {
    expect(run.code).toBe(1);
    const summary = run.stdout.slice(run.stdout.indexOf('Blocking failures'));
    expect(summary.match(/✗ U-14\b/g)).toHaveLength(1);
    expect(summary).toMatch(/✗ U-14 ×\d+ \(required, users\)/);
    expect(summary).toContain('got 400 invalidValue: active must be a boolean');
    expect(summary).not.toContain('\\"schemas');
    expect(summary).toMatch(/Entra: Users are never disabled/);
    expect(summary).toContain(`rerun: scim-conformance --url '${target.url}' --grep '^U-14 ' --seed 7`);
    // --quiet: no line per test, one per area; the header has the real count.
    expect(run.stdout).toMatch(/^scim-conformance: \d{2,} tests against/);
    expect(run.stdout).not.toMatch(/^✓ users +\d+\/\d+ U-/m);
    expect(run.stdout.split('\n').length).toBeLessThan(60);
  });

  it('the reproduction script of a failed test reproduces the failing status after the run cleaned up', async () => {
    const test = run.results!.tests.find((t) => t.status === 'failed' && t.behaviour === 'U-14')!;
    expect(run.results!.cleanup.leftBehind).toEqual([]);
    expect(test.reproduce?.rerun).toMatch(/^scim-conformance --url '.+' --grep '\^U-14 .+\$' --seed 7$/);
    const file = join(mkdtempSync(join(tmpdir(), 'repro-')), 'repro.sh');
    writeFileSync(file, test.reproduce!.script!);
    // Asynchronously: the target server runs in this process and must keep answering while the script runs.
    const { stdout: out } = await promisify(execFile)('bash', [file], {
      env: { PATH: process.env.PATH, SCIM_TOKEN: target.token },
      encoding: 'utf8',
    });
    const culprit = test.failure!.exchange! + 1;
    const recorded = test.exchanges[test.failure!.exchange!]!.response!.status;
    expect(out).toContain(`step ${culprit}: HTTP ${recorded} (in the run: ${recorded})`);
    expect(out).toContain('active must be a boolean');
    expect(out).toMatch(/cleanup: DELETE 204/);
    expect(out).not.toContain(target.token);
    expect(test.reproduce!.script).not.toContain(target.token);
  });

  it('results.json (reproductions included) is valid against its schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'results.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormatsModule.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(run.results), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('a bad --out-dir exits 2 with one line, before any request', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'outdir-')), 'a-file');
    writeFileSync(file, 'x');
    for (const outDir of [file, '/dev/stdout', '-', join(file, 'below')]) {
      const before = requestsSeen;
      const bad = await runCli(['--url', target.url, '--out-dir', outDir], { env: { SCIM_TOKEN: target.token } });
      expect(bad.code, outDir).toBe(2);
      expect(bad.stderr.trim().split('\n'), outDir).toHaveLength(1);
      expect(bad.stderr).toMatch(/^scim-conformance: --out-dir: /);
      expect(requestsSeen, outDir).toBe(before);
    }
  });

  it('a rejected token exits 3 and still writes junit.xml with one <error> and a results.json', async () => {
    const rejected = await runCli(['--url', target.url], { env: { SCIM_TOKEN: 'wrong-token' } });
    expect(rejected.code).toBe(3);
    expect(rejected.stderr).toContain('rejected the token');
    const junit = readFileSync(join(rejected.outDir, 'junit.xml'), 'utf8');
    expect(junit.match(/<error /g)).toHaveLength(1);
    expect(junit).toContain('rejected the token');
    expect(rejected.results?.verdict).toBe('inconclusive');
    expect(rejected.results?.errors[0]).toContain('exit 3');
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormatsModule.default(ajv);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'results.schema.json'), 'utf8')) as object;
    expect(ajv.validate(schema, rejected.results), JSON.stringify(ajv.errors?.slice(0, 3))).toBe(true);
  });
});
