/**
 * Single faults for the behaviours of issue 15 (catalog D-22, D-23, U-30, U-31, P-19, P-20, P-02, G-07/G-08), each
 * the way a real server gets it wrong. Used by entra-faults.test.ts; `fails` lists the behaviour ids whose tests fail.
 */
import { join } from 'node:path';
import type { ServerFault } from '../../src/server/app.js';
import { ROOT } from '../helpers/cli.js';
import { authorized, isUnfilteredList, operations, scimError } from '../helpers/fault-kit.js';

/** A profile that maps roles, so that the U-25 tests run (no built-in profile maps them). */
const ROLES_PROFILE = join(ROOT, 'tests', 'fixtures', 'roles-app.profile.json');

export interface EntraModifier {
  fault: () => ServerFault;
  mistake: string;
  fails: string[];
  /** Property tests whose generated operations may happen to include the broken one (they judge it too). */
  mayAlsoFail?: string[];
  /** Extra CLI arguments and environment for the run (lower D-23 limits, a short --timeout). */
  args?: string[];
  env?: Record<string, string>;
}

export const ENTRA_MODIFIERS: Record<string, EntraModifier> = {
  'needs-json-accept': {
    mistake:
      'a framework that negotiates the format from Accept and takes a request without one for HTML (azure-docs#94189)',
    fault: () => ({
      name: 'needs-json-accept',
      onRequest(req) {
        const accept = String(req.headers.accept ?? '');
        if (!/json/i.test(accept))
          return {
            status: 406,
            headers: { 'content-type': 'text/html' },
            body: '<html><body>406 Not Acceptable</body></html>',
          };
      },
    }),
    fails: [], // every test that needs an answer fails; judged separately
  },
  'paging-off-by-one': {
    mistake: 'startIndex treated as 0-based after the first page: each page repeats the last user of the one before',
    fault: () => ({
      name: 'paging-off-by-one',
      onRequest(req) {
        const start = Number(req.query.get('startIndex'));
        if (!isUnfilteredList(req) || !(start > 1)) return;
        const query = new URLSearchParams(req.query);
        query.set('startIndex', String(start - 1));
        return { ...req, query };
      },
    }),
    fails: ['U-30'],
  },
  'list-hides-disabled': {
    mistake:
      'the unfiltered listing leaves out users with active=false (catalog U-30, DEV: users are returned whether or not active)',
    fault: () => ({
      name: 'list-hides-disabled',
      onResponse(req, res) {
        if (!isUnfilteredList(req) || res.status !== 200) return;
        const body = res.body as { Resources?: Array<{ active?: unknown }>; totalResults?: number };
        const kept = (body.Resources ?? []).filter((r) => r.active !== false);
        const hidden = (body.Resources ?? []).length - kept.length;
        return {
          ...res,
          body: {
            ...body,
            Resources: kept,
            itemsPerPage: kept.length,
            totalResults: (body.totalResults ?? 0) - hidden,
          },
        };
      },
    }),
    fails: ['U-30'],
  },
  'filtered-add-duplicates': {
    mistake: 'Add through a value filter always appends a new element (a second Add makes two work e-mails)',
    fault: () => ({
      name: 'filtered-add-duplicates',
      onRequest(req) {
        if (req.method !== 'PATCH' || !/\/Users\/[^/]+$/.test(req.path) || !authorized(req)) return;
        const ops = operations(req);
        const index = ops.findIndex(
          (o) => String(o.op).toLowerCase() === 'add' && /^emails\[type eq "work"\]\.value$/i.test(String(o.path)),
        );
        if (index < 0) return;
        const rewritten = ops.map((o, i) =>
          i === index ? { op: o.op, path: 'emails', value: [{ type: 'work', value: o.value }] } : o,
        );
        return { ...req, body: { ...(req.body as object), Operations: rewritten } };
      },
    }),
    fails: ['P-19'],
    mayAlsoFail: ['P-04'],
  },
  'unknown-op-as-replace': {
    mistake: 'an op the server does not know is applied as replace (seen on a real server, issue 15)',
    fault: () => ({
      name: 'unknown-op-as-replace',
      onRequest(req) {
        if (req.method !== 'PATCH' || !authorized(req)) return;
        const ops = operations(req);
        if (!ops.some((o) => !['add', 'replace', 'remove'].includes(String(o.op).toLowerCase()))) return;
        return {
          ...req,
          body: {
            ...(req.body as object),
            Operations: ops.map((o) => ({
              ...o,
              op: ['add', 'replace', 'remove'].includes(String(o.op).toLowerCase()) ? o.op : 'replace',
            })),
          },
        };
      },
    }),
    fails: ['P-02'],
  },
  'unknown-member-500': {
    mistake: 'adding a member id that does not exist ends in an unhandled exception (seen on a real server, issue 15)',
    fault: () => ({
      name: 'unknown-member-500',
      onResponse(req) {
        if (
          req.method === 'PATCH' &&
          /\/Groups\/[^/]+$/.test(req.path) &&
          JSON.stringify(req.body).includes('-absent-')
        )
          return { status: 500, headers: { 'content-type': 'text/plain' }, body: 'NullReferenceException' };
      },
    }),
    fails: ['G-07', 'G-08'],
  },
  'resend-500': {
    mistake: 'a re-sent create meets the unique key and answers 500 instead of a clean 409',
    fault: () => {
      const seen = new Set<string>();
      return {
        name: 'resend-500',
        onRequest(req) {
          if (req.method !== 'POST' || !/\/Users$/.test(req.path) || !authorized(req)) return;
          const userName = String((req.body as { userName?: unknown })?.userName ?? '');
          if (!userName.includes('-resend-')) return;
          if (!seen.has(userName)) {
            seen.add(userName);
            return;
          }
          // The second identical POST: answered as the duplicate the store would refuse, but as 500 (no clean 409).
          return scimError(500, undefined, 'Violation of UNIQUE KEY constraint');
        },
      };
    },
    fails: ['U-31'],
  },
  'roles-add-keeps-first': {
    mistake:
      'an Add on roles stores only the first element of its value array (Entra sends several JSON-encoded roles in one Add)',
    args: ['--profile', ROLES_PROFILE, '--grep', '^U-25 '],
    fault: () => ({
      name: 'roles-add-keeps-first',
      onRequest(req) {
        if (req.method !== 'PATCH' || !/\/Users\/[^/]+$/.test(req.path) || !authorized(req)) return;
        const ops = operations(req).map((o) =>
          String(o.op).toLowerCase() === 'add' && String(o.path).toLowerCase() === 'roles' && Array.isArray(o.value)
            ? { ...o, value: o.value.slice(0, 1) }
            : o,
        );
        return { ...req, body: { ...(req.body as object), Operations: ops } };
      },
    }),
    fails: ['U-25'],
  },
  'slow-create': {
    mistake: "one create answered after a slow downstream call (well within Entra's 60 s)",
    env: { SCIMC_SLOW_ANSWER_MS: '400' },
    fault: () => holdOnce('slow-create', 'POST', /\/Users$/, 1200),
    fails: ['D-23'],
  },
};

/** Holds back the answer to the first request that matches, by `ms` (a slow endpoint, catalog D-23). */
export function holdOnce(name: string, method: string, path: RegExp, ms: number): ServerFault {
  let held = false;
  return {
    name,
    delayMs(req) {
      if (held || req.method !== method || !path.test(req.path) || !authorized(req)) return;
      held = true;
      return ms;
    },
  };
}
