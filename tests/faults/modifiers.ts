/**
 * Named single faults over the reference server, each changing exactly one behaviour the way real vendor
 * servers get it wrong (catalog §9). Never shipped: they exist to prove that the suites fail when, and only when,
 * the behaviour they check is broken.
 *
 * `breaks` is written by hand from the RFC and the catalog (what this fault really breaks), not copied from a run:
 * each listed behaviour must have a failing test, and any other failing test must say `setup:` (it could not even
 * create what it needed — Entra could not either). `blocks` says whether Entra's provisioning breaks (at least one
 * blocking, required-level failure) or whether the fault is RFC-forbidden but tolerated by Entra (warnings only).
 */
import type { ServerFault } from '../../src/server/app.js';
import { authorized, isQuery, scimError, withBody } from '../helpers/fault-kit.js';
import { TEST_TOKEN } from '../helpers/target-server.js';
import { PATCH_MODIFIERS } from './patch-modifiers.js';

export interface Modifier {
  fault: ServerFault;
  /** Catalog mistake this reproduces. */
  mistake: string;
  /** Behaviour ids the fault breaks: each has a failing test; other tests fail only with a `setup:` message. */
  breaks: string[];
  /** True when Entra's provisioning breaks: the run must have a blocking failure (exit 1). False: warnings only. */
  blocks: boolean;
}

/** Faults of listings, errors, authentication, creation and deletion; PATCH and membership faults are in patch-modifiers.ts. */
const PROTOCOL_MODIFIERS = {
  'filter-no-match-404': {
    mistake: 'M-08: a filter with no match answered 404',
    fault: {
      name: 'filter-no-match-404',
      onResponse(req, res) {
        if (
          (isQuery(req, 'Users') || isQuery(req, 'Groups')) &&
          req.query.has('filter') &&
          (res.body as { totalResults?: number })?.totalResults === 0
        )
          return scimError(404, undefined, 'not found');
      },
    },
    // Every behaviour whose tests run a filter that matches nothing: probes, match-before-create, checks of absence.
    blocks: true,
    breaks: [
      'D-01',
      'D-03',
      'D-04',
      'D-08',
      'D-14',
      'F-01',
      'F-04',
      'F-06',
      'F-07',
      'F-08',
      'F-10',
      'G-01',
      'G-02',
      'G-15',
      'G-17',
      'U-01',
      'U-02',
      'U-04',
      'U-05',
      'U-18',
      'U-20',
    ],
  },
  'inactive-users-hidden': {
    mistake: 'M-10: inactive users hidden from GET and filter',
    fault: {
      name: 'inactive-users-hidden',
      onResponse(req, res) {
        if (req.method !== 'GET' || !/\/Users(\/|$)/.test(req.path)) return;
        const body = res.body as { active?: unknown; Resources?: Array<{ active?: unknown }>; totalResults?: number };
        if (res.status === 200 && body?.active === false) return scimError(404, undefined, 'user not found');
        if (res.status === 200 && Array.isArray(body?.Resources)) {
          const visible = body.Resources.filter((r) => r.active !== false);
          if (visible.length !== body.Resources.length)
            return {
              ...res,
              body: {
                ...body,
                Resources: visible,
                totalResults: (body.totalResults ?? 0) - (body.Resources.length - visible.length),
                itemsPerPage: visible.length,
              },
            };
        }
      },
    },
    // P-04: its hand-picked example in the default dialect disables the user and reads it back (every seed).
    breaks: ['U-13', 'U-14', 'U-15', 'U-12', 'U-30', 'P-04', 'P-05', 'P-13', 'P-17', 'G-18'],
    blocks: true,
  },
  'userName-case-sensitive': {
    mistake: 'M-12: userName compared case-sensitively in filters',
    fault: {
      name: 'userName-case-sensitive',
      onResponse(req, res) {
        const m = /^\s*userName\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(req.query.get('filter') ?? '');
        if (!isQuery(req, 'Users') || !m || res.status !== 200) return;
        const wanted = JSON.parse(`"${m[1]}"`) as string;
        const body = res.body as { Resources?: Array<{ userName?: string }> };
        const exact = (body.Resources ?? []).filter((r) => r.userName === wanted);
        return { ...res, body: { ...body, Resources: exact, totalResults: exact.length, itemsPerPage: exact.length } };
      },
    },
    breaks: ['F-04', 'U-21'],
    blocks: true,
  },
  'adscim-urn-rejected': {
    mistake: 'M-14: strict schema validation rejects the ADSCIM group URN',
    fault: {
      name: 'adscim-urn-rejected',
      onRequest(req) {
        const schemas = (req.body as { schemas?: unknown })?.schemas;
        if (
          authorized(req) &&
          req.method === 'POST' &&
          req.path.endsWith('/Groups') &&
          Array.isArray(schemas) &&
          schemas.some((s) => String(s).includes('ADSCIM'))
        )
          return scimError(400, 'invalidValue', 'unknown schema');
      },
    },
    breaks: ['G-05', 'X-14'],
    blocks: true,
  },
  'errors-as-problem-json': {
    mistake: 'M-17: errors as RFC 7807 problem+json',
    fault: {
      name: 'errors-as-problem-json',
      onResponse(_req, res) {
        if (res.status < 400) return;
        return {
          status: res.status,
          headers: { ...res.headers, 'content-type': 'application/problem+json' },
          body: { type: 'about:blank', title: 'Error', status: res.status },
        };
      },
    },
    // Entra reads the status code, so nothing breaks; what judges the error body warns: its format (D-09), its media
    // type (D-08), and the recommended tests that want a scimType (U-08, G-04) or a detail (U-09) in it.
    breaks: ['D-08', 'D-09', 'U-08', 'G-04', 'U-09'],
    blocks: false,
  },
  'json-content-type': {
    mistake: 'M-18: responses sent as application/json',
    fault: {
      name: 'json-content-type',
      onResponse(_req, res) {
        if (res.body === undefined) return;
        return { ...res, headers: { ...res.headers, 'content-type': 'application/json' } };
      },
    },
    breaks: ['D-08'],
    blocks: false,
  },
  'any-token-accepted': {
    mistake: 'M-20: authentication not enforced',
    fault: {
      name: 'any-token-accepted',
      onRequest(req) {
        return { ...req, headers: { ...req.headers, authorization: `Bearer ${TEST_TOKEN}` } };
      },
    },
    breaks: ['D-04'],
    blocks: true,
  },
  'post-200': {
    mistake: 'M-27: POST answers 200 instead of 201',
    fault: {
      name: 'post-200',
      onResponse(req, res) {
        if (req.method === 'POST' && res.status === 201) return { ...res, status: 200 };
      },
    },
    breaks: ['U-06', 'G-05'],
    blocks: false,
  },
  'total-results-is-page-size': {
    mistake: 'M-30: totalResults reports the page size, not all matches',
    fault: {
      name: 'total-results-is-page-size',
      onResponse(req, res) {
        const body = res.body as { Resources?: unknown[]; totalResults?: number } | undefined;
        if (req.method === 'GET' && Array.isArray(body?.Resources))
          return { ...res, body: { ...body, totalResults: body.Resources.length } };
      },
    },
    breaks: ['U-23', 'U-30'],
    blocks: true,
  },
  'lowercases-userName': {
    mistake: 'M-16: the endpoint normalises values (lower-cases userName)',
    fault: {
      name: 'lowercases-userName',
      onRequest(req) {
        const body = req.body as { userName?: unknown } | undefined;
        if (req.method === 'POST' && req.path.endsWith('/Users') && typeof body?.userName === 'string')
          return withBody(req, { ...body, userName: body.userName.toLowerCase() });
      },
    },
    breaks: ['U-12', 'U-21'],
    blocks: false,
  },
  'error-body-without-urn': {
    mistake: 'M-17 (mild): error bodies without the SCIM Error URN in schemas',
    fault: {
      name: 'error-body-without-urn',
      onResponse(_req, res) {
        const body = res.body as { schemas?: unknown } | undefined;
        if (res.status < 400 || !body || typeof body !== 'object') return;
        const { schemas: _schemas, ...rest } = body as Record<string, unknown>;
        return { ...res, body: rest };
      },
    },
    // RFC 7644 §3.12 wants the Error URN; Entra reads the status code and copies detail: a D-09 warning, nothing else.
    breaks: ['D-09'],
    blocks: false,
  },
  'no-meta': {
    mistake: 'resources returned without meta',
    fault: {
      name: 'no-meta',
      onResponse(_req, res) {
        const strip = (r: unknown) =>
          r && typeof r === 'object' && !Array.isArray(r)
            ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'meta'))
            : r;
        const body = res.body as Record<string, unknown> | undefined;
        if (!body || typeof body !== 'object' || res.status >= 400) return;
        if (Array.isArray(body.Resources)) return { ...res, body: { ...body, Resources: body.Resources.map(strip) } };
        if (typeof body.id === 'string') return { ...res, body: strip(body) };
      },
    },
    // RFC 7643 §3.1 describes meta on every resource; Entra never reads it (catalog §0.1): the U-10 meta test warns.
    breaks: ['U-10'],
    blocks: false,
  },
  'delete-200': {
    mistake: 'DELETE answered 200 instead of 204',
    fault: {
      name: 'delete-200',
      onResponse(req, res) {
        if (req.method === 'DELETE' && res.status === 204)
          return { status: 200, headers: res.headers, body: undefined };
      },
    },
    // RFC 7644 §3.6 "SHALL return … 204"; Entra reads any 2xx as deleted: the exact-204 tests warn (U-18, G-17).
    breaks: ['U-18', 'G-17'],
    blocks: false,
  },
} satisfies Record<string, Modifier>;

export const MODIFIERS = { ...PATCH_MODIFIERS, ...PROTOCOL_MODIFIERS } satisfies Record<string, Modifier>;
