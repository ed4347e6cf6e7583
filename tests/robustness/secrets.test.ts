// The bearer token never leaves the client. Each run below uses a sentinel token and then searches for it — and
// for its URL-encoded and JSON-escaped forms — in:
//   1. stdout of the CLI (console reporter: progress lines, failure messages, summary, cleanup section),
//   2. stderr of the CLI (warnings, one-line errors such as exit 3 "token rejected"),
//   3. every file the run wrote to --out-dir: results.json (exchanges: request URL, request and response
//      headers and bodies; failure messages, expected/actual, hints; cleanup reasons; errors), junit.xml
//      (failure messages, system-out with the exchanges and "Reproduce:" curl lines), report.html (exchanges,
//      failure details and the curl line of every exchange, the embedded data),
//   4. the curl lines themselves, rebuilt from results.json with src/model/curl.ts (what "Copy" copies),
//   5. stdout/stderr of `scim-conformance cleanup`,
//   6. what a reader decodes: every response body of results.json parsed as JSON, and report.html with its
//      character references decoded (a server may echo the token JSON-escaped, `\u0053…` or `\/`: issue 16).
// The client records raw exchanges and redaction happens once, on the way out (issue 14 item 7), so the token
// `T` or `scim` must give the same statuses as a long token: redaction never changes what is judged.
// The fault server echoes the token back in response bodies and headers (and in a redirect Location), as
// careless servers do in error messages, so the redaction is tested on data the target controls, not only on
// what the client sends.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toCurl } from '../../src/model/curl.js';
import { base64Forms } from '../../src/client/redact.js';
import type { ServerFault } from '../../src/server/app.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { startTarget } from '../helpers/target-server.js';

const SENTINEL = 'SeNtInEl-tok/en+with=chars"and\\more-9Qz';
// The base64 forms (issue 16 item 2): a server may echo `Basic base64(user:token)`.
const FORMS = [
  SENTINEL,
  encodeURIComponent(SENTINEL),
  JSON.stringify(SENTINEL).slice(1, -1),
  'tok/en+with=chars',
  ...base64Forms(SENTINEL),
];

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
  if (files.includes('report.html'))
    places.push(['report.html, decoded', htmlDecode(readFileSync(join(run.outDir, 'report.html'), 'utf8'))]);
  for (const test of run.results?.tests ?? []) {
    for (const exchange of test.exchanges) places.push([`curl line of ${test.name}`, toCurl(exchange)]);
    for (const exchange of test.exchanges)
      places.push([`decoded body of ${test.name}`, decodedJson(exchange.response?.body)]);
    if (test.failure) places.push([`failure message of ${test.name}`, JSON.stringify(test.failure)]);
  }
  return places.filter(([, content]) => FORMS.some((form) => content.includes(form))).map(([where]) => where);
}

function htmlDecode(html: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
  return html.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) =>
    ref[0] === '#'
      ? String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)))
      : (named[ref] ?? whole),
  );
}

/** The body as a reader sees it after JSON.parse: every string value, unescaped, one per line. */
function decodedJson(body: string | undefined): string {
  if (body === undefined) return '';
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) (strings.push(key), walk(item));
  };
  try {
    walk(JSON.parse(body));
  } catch {
    return '';
  }
  return strings.join('\n');
}

/** The token JSON-escaped as a server may write it: every other character as \uXXXX, every "/" as "\/". */
function jsonEscaped(text: string): string {
  return [...text]
    .map((c, i) =>
      c === '/'
        ? '\\/'
        : i % 2
          ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
          : JSON.stringify(c).slice(1, -1),
    )
    .join('');
}

/**
 * Echoes the credential JSON-escaped in every JSON body (written verbatim), percent-encoded in a header, and
 * base64-encoded as `Basic base64(client:token)` in another.
 */
const escapedEcho: ServerFault = {
  name: 'echo the token JSON-escaped',
  onResponse: (req, res) => {
    const auth = String(req.headers.authorization ?? '');
    const credential = auth.includes(' ') ? auth.slice(auth.indexOf(' ') + 1) : auth;
    const headers = {
      ...res.headers,
      'X-Echo-Url': `https://idp.test/?t=${encodeURIComponent(credential).toLowerCase()}`,
      'X-Echo-Basic': `Basic ${Buffer.from(`client:${credential}`).toString('base64')}`,
    };
    if (!res.body || typeof res.body !== 'object' || Array.isArray(res.body)) return { ...res, headers };
    const body = JSON.stringify({ ...res.body, debugAuth: '@@' }).replace('"@@"', `"${jsonEscaped(credential)}"`);
    return { ...res, headers, body };
  },
};

/** Echoes the token (as the client sent it) in every response: headers, body, and 1 in 3 answers is a 500. */
const echo: ServerFault = {
  name: 'echo the token',
  onResponse: (req, res) => {
    const auth = String(req.headers.authorization ?? '');
    const credential = auth.includes(' ') ? auth.slice(auth.indexOf(' ') + 1) : auth;
    const headers = {
      ...res.headers,
      'X-Echo-Authorization': auth,
      'WWW-Authenticate': `Bearer error="invalid_token" token="${credential}"`,
    };
    if (Math.random() < 1 / 3)
      return {
        status: 500,
        headers,
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
          status: '500',
          detail: `token ${credential} is not allowed here`,
        },
      };
    const body =
      res.body && typeof res.body === 'object' && !Array.isArray(res.body)
        ? { ...res.body, debugAuth: auth }
        : res.body;
    return { ...res, headers, body };
  },
};

describe('the token is never in any output', () => {
  it('SCIM_TOKEN against the reference server: passes, nothing leaks', async () => {
    const t = await startTarget([], SENTINEL);
    targets.push(t);
    const run = await runCli(['--url', t.url, '--reporter', 'json,junit,html,console', '--suite', 'auth,users'], {
      env: { SCIM_TOKEN: SENTINEL },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(leaks(run)).toEqual([]);
  }, 180_000);

  it('--token-file against a server that echoes the token everywhere: tests fail, nothing leaks', async () => {
    const t = await startTarget([echo], SENTINEL);
    targets.push(t);
    const file = join(mkdtempSync(join(tmpdir(), 'scimc-secret-')), 'token');
    writeFileSync(file, `${SENTINEL}\n`);
    const run = await runCli(
      ['--url', t.url, '--reporter', 'json,junit,html,console', '--token-file', file, '--suite', 'auth,users,groups'],
      {},
    );
    expect(run.code, run.stderr).toBe(1);
    expect(run.results!.summary.failed).toBeGreaterThan(0);
    expect(run.results!.tests.flatMap((x) => x.exchanges).length).toBeGreaterThan(50);
    expect(readFileSync(join(run.outDir, 'results.json'), 'utf8')).toContain('[redacted]');
    expect(leaks(run)).toEqual([]);
  }, 180_000);

  it('--token works with a warning, and the warning does not repeat the token', async () => {
    const t = await startTarget([echo], SENTINEL);
    targets.push(t);
    const run = await runCli(
      ['--url', t.url, '--reporter', 'json,junit,html,console', '--token', SENTINEL, '--suite', 'discovery'],
      {},
    );
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

  it('a server that echoes the token JSON-escaped and percent-encoded: nothing leaks, decoded or not', async () => {
    const t = await startTarget([escapedEcho], SENTINEL);
    targets.push(t);
    const run = await runCli(
      ['--url', t.url, '--reporter', 'json,junit,html,console', '--suite', 'auth,users,discovery'],
      { env: { SCIM_TOKEN: SENTINEL } },
    );
    expect([0, 1], run.stderr).toContain(run.code);
    const bodies = run.results!.tests.flatMap((x) => x.exchanges).map((e) => e.response?.body ?? '');
    expect(bodies.filter((b) => b.includes('"debugAuth":"[redacted]"')).length).toBeGreaterThan(20);
    expect(leaks(run)).toEqual([]);
  }, 180_000);

  it('cleanup with an echoing server prints no token', async () => {
    const t = await startTarget([echo], SENTINEL);
    targets.push(t);
    const run = await runCli(['cleanup', '--url', t.url, '--dry-run'], { env: { SCIM_TOKEN: SENTINEL } });
    expect(leaks(run)).toEqual([]);
  }, 60_000);
});

describe('redaction never changes what is judged', () => {
  /** Test name → status of one full run against the reference server started with `token`. */
  async function statuses(token: string): Promise<Map<string, string>> {
    const t = await startTarget([], token);
    targets.push(t);
    const run = await runCli(['--url', t.url, '--reporter', 'json,junit,html,console', '--seed', '7'], {
      env: { SCIM_TOKEN: token },
    });
    expect(run.results, run.stderr).toBeDefined();
    expect(run.stdout).not.toContain('Resource[redacted]');
    expect(readFileSync(join(run.outDir, 'results.json'), 'utf8')).not.toMatch(/"Authorization": "Bearer (T|scim)"/);
    return new Map(run.results!.tests.map((x) => [x.name, x.status]));
  }

  it('the tokens T and scim give the same statuses as a long token, and their reports stay readable', async () => {
    const long = await statuses('a-long-token-0123456789abcdef');
    expect([...long.values()].filter((s) => s === 'passed').length).toBeGreaterThan(200);
    for (const token of ['T', 'scim'])
      expect(Object.fromEntries(await statuses(token)), token).toEqual(Object.fromEntries(long));
  }, 300_000);
});
