/**
 * The PATCH and membership faults of MODIFIERS (modifiers.ts says what a fault and its `breaks` row mean): how real
 * servers mishandle Entra's user and group PATCH requests and the member lists they change.
 */
import { authorized, isPatch, operations, scimError, withBody } from '../helpers/fault-kit.js';
import type { Modifier } from './modifiers.js';

export const PATCH_MODIFIERS = {
  'active-string-rejected': {
    mistake: 'M-01: active parsed strictly as a JSON boolean',
    fault: {
      name: 'active-string-rejected',
      onRequest(req) {
        if (!isPatch(req, 'Users') || !authorized(req)) return;
        const bad = operations(req).some(
          (o) => String(o.path).toLowerCase() === 'active' && typeof o.value === 'string',
        );
        if (bad) return scimError(400, 'invalidValue', 'active must be a boolean');
      },
    },
    breaks: ['U-12', 'U-14', 'U-16', 'P-13', 'P-17', 'G-18'],
    blocks: true,
  },
  'op-case-sensitive': {
    mistake: 'M-02: op matched case-sensitively (lower case only)',
    fault: {
      name: 'op-case-sensitive',
      onRequest(req) {
        if (req.method !== 'PATCH' || !authorized(req)) return;
        if (operations(req).some((o) => typeof o.op === 'string' && o.op !== o.op.toLowerCase()))
          return scimError(400, 'invalidSyntax', 'unknown op');
      },
    },
    // Every behaviour whose tests send Entra's default dialect (capitalised ops) in a PATCH, as setup or under test.
    blocks: true,
    breaks: [
      'G-23',
      'D-03',
      'D-07',
      'D-08',
      'D-19',
      'F-10',
      'F-11',
      'G-02',
      'G-03',
      'G-07',
      'G-09',
      'G-10',
      'G-11',
      'G-12',
      'G-15',
      'G-18',
      'G-20',
      'G-21',
      'G-22',
      'P-01',
      'P-02',
      'P-03',
      'P-04',
      'P-07',
      'P-08',
      'P-10',
      'P-11',
      'P-13',
      'P-14',
      'P-15',
      'P-16',
      'P-17',
      'P-19',
      'P-20',
      'U-12',
      'U-14',
      'U-15',
      'U-16',
      'U-20',
      'U-28',
      'X-03',
      'X-06',
      'X-08',
    ],
  },
  'members-remove-all': {
    mistake: 'M-03: Remove on members with a value array treated as "remove all"',
    fault: {
      name: 'members-remove-all',
      onRequest(req) {
        if (!isPatch(req, 'Groups')) return;
        const ops = operations(req).map((o) =>
          String(o.op).toLowerCase() === 'remove' && String(o.path).toLowerCase() === 'members' && o.value !== undefined
            ? { op: o.op, path: o.path }
            : o,
        );
        return withBody(req, { ...(req.body as object), Operations: ops });
      },
    },
    breaks: ['G-09', 'G-10', 'G-11', 'G-12'],
    blocks: true,
  },
  'pathless-dotted-keys-ignored': {
    mistake: 'M-04: path-less value objects with dotted or URN keys accepted but not stored',
    fault: {
      name: 'pathless-dotted-keys-ignored',
      onRequest(req) {
        if (req.method !== 'PATCH') return;
        const ops = operations(req).map((o) => {
          if (o.path !== undefined || typeof o.value !== 'object' || o.value === null || Array.isArray(o.value))
            return o;
          const kept = Object.fromEntries(
            Object.entries(o.value).filter(([k]) => !k.includes('.') && !k.startsWith('urn:')),
          );
          return { ...o, value: kept };
        });
        return withBody(req, { ...(req.body as object), Operations: ops });
      },
    },
    // P-04: its hand-picked example in the flag dialect is one path-less replace with dotted and URN keys.
    breaks: ['P-04', 'P-05', 'P-06', 'X-04', 'X-05', 'X-12'],
    blocks: true,
  },
  'value-filter-no-target': {
    mistake: 'M-05: a filtered path to a missing element answered 400 noTarget',
    fault: {
      name: 'value-filter-no-target',
      onRequest(req) {
        if (!isPatch(req, 'Users') || !authorized(req)) return;
        // Only for elements that do not exist yet would a strict server refuse; approximate with "emails" of type other
        // and addresses/phoneNumbers, which Entra's create body never carries.
        const creates = operations(req).some(
          (o) => /^(addresses|phoneNumbers)\[/i.test(String(o.path ?? '')) && String(o.op).toLowerCase() !== 'remove',
        );
        if (creates) return scimError(400, 'noTarget', 'no element matches the filter');
      },
    },
    breaks: ['P-04', 'P-08', 'P-09', 'P-10', 'P-17', 'U-12'],
    blocks: true,
  },
  'members-not-excluded': {
    mistake: 'M-13: members returned despite excludedAttributes=members',
    fault: {
      name: 'members-not-excluded',
      onRequest(req) {
        if (req.method !== 'GET' || !/\/Groups(\/|$)/.test(req.path) || !req.query.has('excludedAttributes')) return;
        const query = new URLSearchParams(req.query);
        query.delete('excludedAttributes');
        return { ...req, query };
      },
    },
    breaks: ['F-11', 'G-02', 'G-03'],
    blocks: true,
  },
  'manager-as-string': {
    mistake: 'M-15: manager returned as a plain string',
    fault: {
      name: 'manager-as-string',
      onResponse(_req, res) {
        const rewrite = (r: Record<string, unknown>) => {
          const ext = r['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] as
            { manager?: { value?: string } } | undefined;
          if (ext?.manager && typeof ext.manager === 'object')
            return {
              ...r,
              'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { ...ext, manager: ext.manager.value },
            };
          return r;
        };
        const body = res.body as Record<string, unknown> | undefined;
        if (!body || typeof body !== 'object') return;
        if (Array.isArray(body.Resources))
          return {
            ...res,
            body: { ...body, Resources: (body.Resources as Array<Record<string, unknown>>).map(rewrite) },
          };
        return { ...res, body: rewrite(body) };
      },
    },
    breaks: ['X-06', 'X-07', 'X-09'],
    blocks: true,
  },
  'patch-200-empty-body': {
    mistake: 'M-23: PATCH answered 200 with an empty body',
    fault: {
      name: 'patch-200-empty-body',
      onResponse(req, res) {
        if (req.method === 'PATCH' && res.status < 300)
          return { status: 200, headers: { 'content-type': 'application/scim+json' }, body: '' };
      },
    },
    breaks: ['P-14', 'G-20'],
    blocks: false,
  },
  'members-capped-100': {
    mistake:
      'a group read that carries at most 100 members (a member cap or a first page of members, no paging inside a resource)',
    fault: {
      name: 'members-capped-100',
      onResponse(req, res) {
        const body = res.body as { members?: unknown } | undefined;
        if (
          req.method !== 'GET' ||
          !/\/Groups\/[^/]+$/.test(req.path) ||
          !Array.isArray(body?.members) ||
          body.members.length <= 100
        )
          return;
        return { ...res, body: { ...body, members: body.members.slice(0, 100) } };
      },
    },
    // Only the large group (G-09, 101 members) has more than 100: its read-back misses members Entra never re-sends.
    breaks: ['G-09'],
    blocks: true,
  },
  'member-type-invalid': {
    mistake: 'members[].type outside RFC 7643 §4.2 ("person")',
    fault: {
      name: 'member-type-invalid',
      onResponse(req, res) {
        const body = res.body as { members?: unknown } | undefined;
        if (!/\/Groups\/[^/]+$/.test(req.path) || !body || !Array.isArray(body.members)) return;
        return { ...res, body: { ...body, members: body.members.map((m) => ({ ...(m as object), type: 'person' })) } };
      },
    },
    // Entra never reads members; the member shape is judged by one recommended G-03 test only.
    breaks: ['G-03'],
    blocks: false,
  },
  'members-filter-ignored': {
    mistake: 'the members[value eq] part of a group filter ignored (every group matches)',
    fault: {
      name: 'members-filter-ignored',
      onRequest(req) {
        const filter = req.query.get('filter');
        if (req.method !== 'GET' || !/\/Groups$/.test(req.path) || !filter || !/members\[/i.test(filter)) return;
        const query = new URLSearchParams(req.query);
        query.set('filter', filter.replace(/\s+and\s+members\[[^\]]*\]/i, ''));
        return { ...req, query };
      },
    },
    // The members filter shows the group for a non-member: G-23 must catch a way that shows the wrong members.
    breaks: ['G-23'],
    blocks: false,
  },
} satisfies Record<string, Modifier>;
