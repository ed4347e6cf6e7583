// The bearer token never leaves the client. Each run below uses a sentinel token and then searches for it — and
// for its URL-encoded and JSON-escaped forms — in:
//   1. stdout of the CLI (console reporter: progress lines, failure messages, summary, cleanup section),
//   2. stderr of the CLI (warnings, one-line errors such as exit 3 "token rejected"),
//   3. every file the run wrote to --out-dir: results.json (exchanges: request URL, request and response
//      headers and bodies; failure messages, expected/actual, hints; cleanup reasons; errors), junit.xml
//      (failure messages, system-out with the exchanges and "Reproduce:" curl lines), report.html (exchanges,
//      failure details and the curl line of every exchange, the embedded data),
//   4. the curl lines themselves, rebuilt from results.json with src/client/curl.ts (what "Copy" copies),
//   5. stdout/stderr of `scim-conformance cleanup`.
// The fault server echoes the token back in response bodies and headers (and in a redirect Location), as
// careless servers do in error messages, so the redaction is tested on data the target controls, not only on
// what the client sends.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toCurl } from '../../src/client/curl.js';
import type { ServerFault } from '../../src/server/app.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { startTarget } from '../helpers/target-server.js';

const SENTINEL = 'SeNtInEl-tok/en+with=chars"and\\more-9Qz';
const FORMS = [SENTINEL, encodeURIComponent(SENTINEL), JSON.stringify(SENTINEL).slice(1, -1), 'tok/en+with=chars'];

const targets: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(targets.map((t) => t.close()));
});

/** Searches every place listed above; returns where a form of the token was found. */
function leaks(run: CliRun): string[] {
  const places: Array<[string, string]> = [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
  ];
  let files: string[] = [];
  try {
    files = readdirSync(run.outDir);
  } catch {
    // cleanup writes no reports
  }
  for (const file of files) places.push([file, readFileSync(join(run.outDir, file), 'utf8')]);
  for (const test of run.results?.tests ?? []) {
    for (const exchange of test.exchanges) places.push([`curl line of ${test.name}`, toCurl(exchange)]);
    if (test.failure) places.push([`failure message of ${test.name}`, JSON.stringify(test.failure)]);
  }
  return places.filter(([, content]) => FORMS.some((form) => content.includes(form))).map(([where]) => where);
}

/** Echoes the token (as the client sent it) in every response: headers, body, and 1 in 3 answers is a 500. */
const echo: ServerFault = {
  name: 'echo the token',
  onResponse: (req, res) => {
    const auth = String(req.headers.authorization ?? '');
    const credential = auth.includes(' ') ? auth.slice(auth.indexOf(' ') + 1) : auth;
    const headers = { ...res.headers, 'X-Echo-Authorization': auth, 'WWW-Authenticate': `Bearer error="invalid_token" token="${credential}"` };
    if (Math.random() < 1 / 3)
      return { status: 500, headers, body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '500', detail: `token ${credential} is not allowed here` } };
    const body = res.body && typeof res.body === 'object' && !Array.isArray(res.body) ? { ...(res.body as object), debugAuth: auth } : res.body;
    return { ...res, headers, body };
  },
};

describe('the token is never in any output', () => {
  it('SCIM_TOKEN against the reference server: passes, nothing leaks', async () => {
    const t = await startTarget([], SENTINEL);
    targets.push(t);
    const run = await runCli(['--url', t.url, '--reporter', 'json,junit,html,console', '--suite', 'auth,users'], { env: { SCIM_TOKEN: SENTINEL } });
    expect(run.code, run.stderr).toBe(0);
    expect(leaks(run)).toEqual([]);
  }, 180_000);

  it('--token-file against a server that echoes the token everywhere: tests fail, nothing leaks', async () => {
    const t = await startTarget([echo], SENTINEL);
    targets.push(t);
    const file = join(mkdtempSync(join(tmpdir(), 'scimc-secret-')), 'token');
    writeFileSync(file, `${SENTINEL}\n`);
    const run = await runCli(['--url', t.url, '--reporter', 'json,junit,html,console', '--token-file', file, '--suite', 'auth,users,groups'], {});
    expect(run.code, run.stderr).toBe(1);
    expect(run.results!.summary.failed).toBeGreaterThan(0);
    expect(run.results!.tests.flatMap((x) => x.exchanges).length).toBeGreaterThan(50);
    expect(readFileSync(join(run.outDir, 'results.json'), 'utf8')).toContain('[redacted]');
    expect(leaks(run)).toEqual([]);
  }, 180_000);

  it('--token works with a warning, and the warning does not repeat the token', async () => {
    const t = await startTarget([echo], SENTINEL);
    targets.push(t);
    const run = await runCli(['--url', t.url, '--reporter', 'json,junit,html,console', '--token', SENTINEL, '--suite', 'discovery'], {});
    expect([0, 1]).toContain(run.code);
    expect(run.results).toBeDefined();
    expect(run.stderr).toMatch(/warning: a token on the command line can leak/);
    expect(leaks(run)).toEqual([]);
  }, 180_000);

  it('a rejected token (exit 3) and a 401 body that echoes it: the one-line error does not contain it', async () => {
    const t = await startTarget([echo], 'another-token');
    targets.push(t);
    const run = await runCli(['--url', t.url], { env: { SCIM_TOKEN: SENTINEL } });
    expect([3, 1]).toContain(run.code); // 3 unless the echo fault turned the probe's 401 into its random 500
    expect(leaks(run)).toEqual([]);
  }, 60_000);

  it('cleanup with an echoing server prints no token', async () => {
    const t = await startTarget([echo], SENTINEL);
    targets.push(t);
    const run = await runCli(['cleanup', '--url', t.url, '--dry-run'], { env: { SCIM_TOKEN: SENTINEL } });
    expect(leaks(run)).toEqual([]);
  }, 60_000);
});
