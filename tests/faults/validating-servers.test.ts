// Servers that check data the way the RFCs let them are correct servers: the suites' own example data must never
// make them answer 409 or 400 (catalog §0.1, "test data"). One keeps e-mail addresses unique across users (RFC 7644
// §3.3 lets a service provider make any attribute unique); one refuses phone numbers that are not phone numbers
// (Microsoft asks endpoints to validate values). Each passes the whole run, as the plain reference server does.
import { afterAll, expect, it } from 'vitest';
import type { ServerFault } from '../../src/server/app.js';
import { failedNames, runCli } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';

type Json = Record<string, unknown>;

function emailsOf(user: Json): string[] {
  const emails = Array.isArray(user.emails) ? (user.emails as Json[]) : [];
  return emails.map((e) => e.value).filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase());
}

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function uniqueEmails(target: () => Awaited<ReturnType<typeof startTarget>>): ServerFault {
  return {
    name: 'unique-emails',
    onRequest(req) {
      const match = /\/Users(?:\/([^/]+))?$/.exec(req.path);
      if (!match || !['POST', 'PATCH', 'PUT'].includes(req.method) || req.headers.authorization !== `Bearer ${TEST_TOKEN}`) return;
      const self = match[1] ? decodeURIComponent(match[1]) : undefined;
      const body = (req.body ?? {}) as Json;
      // POST/PUT: the emails of the body; PATCH: any e-mail-shaped value an operation carries.
      const sent = req.method === 'PATCH' ? strings(body.Operations).filter((s) => s.includes('@')).map((s) => s.toLowerCase()) : emailsOf(body);
      const taken = new Set(target().server.store.list('User').filter((u) => u.id !== self).flatMap((u) => emailsOf(u as Json)));
      const clash = sent.find((e) => taken.has(e));
      if (clash === undefined) return;
      return {
        status: 409,
        headers: {},
        body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', scimType: 'uniqueness', detail: `e-mail ${clash} is taken` },
      };
    },
  };
}

/** Digits, spaces, dots, dashes and parentheses with an optional leading "+" and extension; at least 7 digits. */
function isPhoneNumber(value: string): boolean {
  const number = value.replace(/(\s*(ext\.?|x)\s*\d+|;ext=\d+)$/i, '');
  return /^\+?[\d\s().-]+$/.test(number) && number.replace(/\D/g, '').length >= 7;
}

/** The `value` of each element of a phoneNumbers array. */
const values = (list: unknown): string[] => (Array.isArray(list) ? list.map((p) => (p as Json | null)?.value).filter((v): v is string => typeof v === 'string') : []);

/** The phone numbers one PATCH operation writes: by value-filter path, as an array, or in a path-less value. */
function operationPhones(o: Json): string[] {
  const path = typeof o.path === 'string' ? o.path : '';
  if (/^phoneNumbers(\[[^\]]*\])?\.value$/i.test(path)) return typeof o.value === 'string' ? [o.value] : [];
  if (/^phoneNumbers$/i.test(path)) return values(o.value);
  if (!path && o.value && typeof o.value === 'object') return values((o.value as Json).phoneNumbers);
  return [];
}

const validPhoneNumbers: ServerFault = {
  name: 'valid-phone-numbers',
  onRequest(req) {
    if (!['POST', 'PATCH', 'PUT'].includes(req.method) || !/\/Users(\/[^/]+)?$/.test(req.path) || req.headers.authorization !== `Bearer ${TEST_TOKEN}`) return;
    const body = (req.body ?? {}) as Json;
    const ops = Array.isArray(body.Operations) ? (body.Operations as Json[]) : [];
    const phones = [...values(body.phoneNumbers), ...ops.flatMap(operationPhones)];
    const bad = phones.find((p) => !isPhoneNumber(p));
    if (bad === undefined) return;
    return {
      status: 400,
      headers: {},
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidValue', detail: `${JSON.stringify(bad)} is not a phone number` },
    };
  },
};

const servers: Array<Awaited<ReturnType<typeof startTarget>>> = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

it.concurrent.each([
  ['unique e-mail addresses', (self: () => Awaited<ReturnType<typeof startTarget>>) => uniqueEmails(self)],
  ['validated phone numbers', () => validPhoneNumbers],
] as const)('a server with %s passes the whole run, as the reference server does', async (_name, fault) => {
  let server: Awaited<ReturnType<typeof startTarget>> | undefined;
  server = await startTarget([fault(() => server!)]);
  servers.push(server);
  const run = await runCli(['--url', server.url, '--reporter', 'json', '--seed', '5'], { env: { SCIM_TOKEN: TEST_TOKEN }, timeoutMs: 300_000 });
  expect(run.results, run.stderr).toBeDefined();
  expect(failedNames(run.results)).toEqual([]);
  expect(run.results!.tests.filter((t) => t.skipReason?.startsWith('inconclusive')).map((t) => t.name)).toEqual([]);
  expect(run.code).toBe(0);
}, 300_000);
