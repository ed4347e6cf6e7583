/**
 * Variants that keep state of their own (an id mapping, the e-mail addresses in use) or validate values: built fresh
 * for every server (variants.ts).
 */
import type { ServerFault } from '../../src/server/app.js';
import { authorized, scimError } from '../helpers/fault-kit.js';
import { isObject, resourcePath, type VariantServer } from './variant-kit.js';

/**
 * Ids as integers-as-strings ("100001"), mapped both ways over the reference server's UUIDs: in paths, bodies
 * and filter values on the way in, in every string of a response on the way out.
 */
export function integerIds(): ServerFault[] {
  const toInt = new Map<string, string>();
  const toUuid = new Map<string, string>();
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
  // Only the server's own ids are mapped (learnt from the `id` of each resource it returns), never a UUID a client
  // sent as data (an externalId, say).
  const learn = (body: unknown): void => {
    if (Array.isArray(body)) return body.forEach(learn);
    if (!isObject(body)) return;
    if (typeof body.id === 'string' && !toInt.has(body.id)) {
      const n = String(100_000 + toInt.size + 1);
      toInt.set(body.id, n);
      toUuid.set(n, body.id);
    }
    if (Array.isArray(body.Resources)) learn(body.Resources);
  };
  const out = (text: string) => text.replace(uuid, (u) => toInt.get(u) ?? u);
  const back = (text: string) => text.replace(/\b1\d{5}\b/g, (n) => toUuid.get(n) ?? n);
  const map = (value: unknown, fn: (s: string) => string): unknown => {
    if (typeof value === 'string') return fn(value);
    if (Array.isArray(value)) return value.map((v) => map(v, fn));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, map(v, fn)]));
    return value;
  };
  return [
    {
      name: 'integer-ids',
      onRequest(req) {
        const query = new URLSearchParams([...req.query].map(([k, v]): [string, string] => [k, back(v)]));
        return { ...req, path: back(req.path), query, body: map(req.body, back) };
      },
      onResponse(_req, res) {
        learn(res.body);
        const headers = Object.fromEntries(
          Object.entries(res.headers).map(([k, v]) => [k, k.toLowerCase() === 'location' ? out(v) : v]),
        );
        return { ...res, headers, body: map(res.body, out) };
      },
    },
  ];
}

/** A server that keeps e-mail addresses unique across users (409 uniqueness on a reused address). */
export function uniqueEmails(server: VariantServer): ServerFault[] {
  const addresses = (body: unknown): string[] =>
    isObject(body) && Array.isArray(body.emails)
      ? body.emails.flatMap((e) => (isObject(e) && typeof e.value === 'string' ? [e.value.toLowerCase()] : []))
      : [];
  return [
    {
      name: 'unique-emails',
      onRequest(req) {
        if (!authorized(req) || req.method !== 'POST' || !/\/Users$/.test(req.path)) return;
        const wanted = addresses(req.body);
        if (wanted.length === 0) return;
        const taken = server
          .store()
          .list('User')
          .some((u) => addresses(u).some((a) => wanted.includes(a)));
        if (taken) return scimError(409, 'uniqueness', 'a user with this e-mail address exists');
      },
    },
  ];
}

/** A server that validates phone numbers (E.164-ish: +, digits, spaces, dashes, dots, parentheses). */
export function strictPhones(): ServerFault[] {
  const valid = (v: unknown) => typeof v === 'string' && /^\+?[0-9][0-9 ().-]{3,30}$/.test(v.trim());
  const phones = (value: unknown): unknown[] => {
    if (Array.isArray(value)) return value.flatMap((e) => (isObject(e) && 'value' in e ? [e.value] : []));
    if (isObject(value) && 'value' in value) return [value.value];
    return typeof value === 'string' ? [value] : [];
  };
  return [
    {
      name: 'strict-phones',
      onRequest(req) {
        if (
          !authorized(req) ||
          !['POST', 'PUT', 'PATCH'].includes(req.method) ||
          !resourcePath(req, 'Users') ||
          !isObject(req.body)
        )
          return;
        const body = req.body;
        const sent: unknown[] = [...phones(body.phoneNumbers)];
        for (const op of Array.isArray(body.Operations) ? body.Operations : []) {
          if (!isObject(op) || String(op.op).toLowerCase() === 'remove') continue;
          const path = typeof op.path === 'string' ? op.path : '';
          if (/^phoneNumbers/i.test(path)) sent.push(...(/\.value$/i.test(path) ? [op.value] : phones(op.value)));
          if (!path && isObject(op.value)) {
            sent.push(...phones(op.value.phoneNumbers));
            for (const [k, v] of Object.entries(op.value)) if (/^phoneNumbers\[.*\]\.value$/i.test(k)) sent.push(v);
          }
        }
        const bad = sent.find((v) => v !== null && v !== undefined && v !== '' && !valid(v));
        if (bad !== undefined)
          return scimError(400, 'invalidValue', `phone number ${JSON.stringify(bad)} is not a valid E.164 number`);
      },
    },
  ];
}
