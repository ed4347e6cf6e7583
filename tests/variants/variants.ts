/**
 * Variant servers: the reference server changed in ONE way that RFC 7643/7644 allow and that Entra's provisioning
 * service copies with. The default suite must find no blocking failure on any of them (issue 14, "Done when");
 * RFC-forbidden-but-tolerated differences show up as warnings of the listed behaviours only.
 *
 * Each variant is a factory, so that stateful variants (id mapping, e-mail uniqueness) start fresh per server.
 * `warns` lists the behaviour ids whose non-blocking tests may fail (recommended, gallery or validator level),
 * thought through from the RFC and the catalog, not copied from a run.
 */
import { scimError } from '../helpers/fault-kit.js';
import { integerIds, strictPhones, uniqueEmails } from './stateful-variants.js';
import {
  eachResource,
  isError,
  isObject,
  onResponse,
  resourcePath,
  typeOf,
  withMeta,
  withoutMembers,
  type Json,
  type Variant,
} from './variant-kit.js';

export type { Variant, VariantServer } from './variant-kit.js';

export const VARIANTS: Record<string, Variant> = {
  'group-patch-200-with-group': {
    why: 'RFC 7644 §3.5.2: a PATCH answers 200 with the resource or 204; Entra accepts both (catalog G-20, §0.1)',
    faults: () => [
      {
        name: 'group-patch-200-with-group',
        // The reference server answers 200 with the resource whenever a projection is asked for (RFC 7644 §3.5.2).
        onRequest(req) {
          if (req.method !== 'PATCH' || !/\/Groups\/[^/]+$/.test(req.path) || req.query.has('excludedAttributes'))
            return;
          const query = new URLSearchParams(req.query);
          query.set('excludedAttributes', 'urn:example:not-an-attribute');
          return { ...req, query };
        },
      },
    ],
    warns: [],
  },
  'error-without-scimType': {
    why: 'RFC 7644 §3.12: scimType is OPTIONAL',
    faults: () =>
      onResponse('error-without-scimType', (_req, res) => {
        if (!isError(res)) return;
        const { scimType: _t, ...body } = res.body as Json;
        return { ...res, body };
      }),
    warns: ['U-08', 'G-04'],
  },
  'error-status-number': {
    why: 'RFC 7644 §3.12 shows status as a string; Entra logged a numeric status without trouble (scim-for-keycloak#73, catalog §0.1 D-09)',
    faults: () =>
      onResponse('error-status-number', (_req, res) =>
        isError(res) ? { ...res, body: { ...(res.body as Json), status: res.status } } : undefined,
      ),
    warns: [],
  },
  'groups-members-only-when-asked': {
    why: 'Microsoft: "It isn\'t necessary to support returning all the members of the group"; RFC 7644 §3.4.2.5 lets a client ask with attributes=members',
    faults: () => onResponse('groups-members-only-when-asked', (req, res) => withoutMembers(req, res, true)),
    warns: [],
  },
  'groups-members-never-returned': {
    why: 'Entra never reads members back (catalog G-18, G-23); a server may not offer any way to list them',
    faults: () => [
      {
        name: 'groups-members-never-returned',
        onRequest(req) {
          if (req.method === 'GET' && /\/Groups$/.test(req.path) && /members\s*\[/i.test(req.query.get('filter') ?? ''))
            return scimError(400, 'invalidFilter', 'filtering on members is not supported');
        },
        onResponse: (req, res) => withoutMembers(req, res, false),
      },
    ],
    warns: [],
  },
  'member-type-lowercase': {
    why: 'RFC 7643 §4.2 canonical values are "User"/"Group", but Entra never reads members and ignores the type',
    faults: () =>
      onResponse('member-type-lowercase', (req, res) =>
        resourcePath(req, 'Groups')
          ? eachResource(res, (r) =>
              Array.isArray(r.members)
                ? { ...r, members: r.members.map((m) => (isObject(m) ? { ...m, type: 'user' } : m)) }
                : r,
            )
          : undefined,
      ),
    warns: [],
  },
  'relative-meta-location': {
    why: 'RFC 7643 §2.3.7 (reference: "absolute or relative URI"); Microsoft\'s own samples use a relative location',
    faults: () => withMeta('relative-meta-location', (type, r) => ({ location: `${type}s/${String(r.id)}` })),
    warns: [],
  },
  'meta-resourceType-plural': {
    why: 'Microsoft\'s "Disable User" sample answers resourceType "Users"; Entra never reads meta (catalog §0.1)',
    faults: () => withMeta('meta-resourceType-plural', (type) => ({ resourceType: `${type}s` })),
    warns: [],
  },
  'application-json': {
    why: 'DEV says responses "should" be application/scim+json; RFC 7644 §8.1 allows application/json; AWS IAM Identity Center answers it',
    faults: () =>
      onResponse('application-json', (_req, res) =>
        res.body === undefined
          ? undefined
          : { ...res, headers: { ...res.headers, 'content-type': 'application/json' } },
      ),
    warns: ['D-08'],
  },
  'empty-bearer-400': {
    why: 'RFC 6750 §3.1: a malformed request (Authorization: Bearer with no token) may answer 400 invalid_request',
    faults: () => [
      {
        name: 'empty-bearer-400',
        onRequest(req) {
          if (typeof req.headers.authorization === 'string' && /^\s*bearer\s*$/i.test(req.headers.authorization))
            return {
              ...scimError(400, undefined, 'malformed Authorization header'),
              headers: { 'WWW-Authenticate': 'Bearer error="invalid_request"' },
            };
        },
      },
    ],
    warns: [],
  },
  'rename-conflict-400-uniqueness': {
    why: 'RFC 7643 §7: a server "MAY reject … by returning … 400"; RFC 7644 §3.12 uniqueness',
    faults: () =>
      onResponse('rename-conflict-400-uniqueness', (req, res) =>
        ['PATCH', 'PUT'].includes(req.method) && res.status === 409
          ? scimError(400, 'uniqueness', 'the name is taken')
          : undefined,
      ),
    warns: [],
  },
  'strict-phone-numbers': {
    why: 'RFC 7643 §4.1.2 says phone numbers SHOULD be RFC 3966; a server may refuse a value that is no phone number',
    faults: () => strictPhones(),
    warns: [],
  },
  'unique-emails': {
    why: "RFC 7643 leaves uniqueness to the server; many apps key users by e-mail. Entra sends each user's own address",
    faults: (server) => uniqueEmails(server),
    // Passes because every address a test sends is unique to the test (decisions/test-data.md).
    warns: [],
  },
  'patch-204-everywhere': {
    why: 'RFC 7644 §3.5.2: 204 No Content answers a PATCH when no attributes were asked for',
    faults: () =>
      onResponse('patch-204-everywhere', (req, res) => {
        if (
          req.method !== 'PATCH' ||
          res.status !== 200 ||
          req.query.has('attributes') ||
          req.query.has('excludedAttributes')
        )
          return;
        return { status: 204, headers: {}, body: undefined };
      }),
    warns: [],
  },
  'post-200': {
    why: 'RFC 7644 §3.3 wants 201; Entra and the gallery accept 200 (catalog §0.1 U-06, G-05: validator level)',
    faults: () =>
      onResponse('post-200', (req, res) =>
        req.method === 'POST' && res.status === 201 ? { ...res, status: 200 } : undefined,
      ),
    warns: ['U-06', 'G-05'],
  },
  'no-location-header': {
    why: 'RFC 7644 §3.3 "SHALL" send Location, but Entra reads the id from the body (catalog §0.1: Location RECOMMENDED)',
    faults: () =>
      onResponse('no-location-header', (_req, res) => {
        const headers = Object.fromEntries(Object.entries(res.headers).filter(([k]) => k.toLowerCase() !== 'location'));
        return { ...res, headers };
      }),
    warns: ['U-06'],
  },
  'integer-ids': {
    why: 'RFC 7643 §3.1: id is any string the service provider issues; Entra stores it verbatim',
    faults: () => integerIds(),
    warns: [],
  },
  'resources-reversed': {
    why: "RFC 7644 §3.4.2.3: without sortBy the order is the server's own",
    faults: () =>
      onResponse('resources-reversed', (_req, res) =>
        isObject(res.body) && Array.isArray(res.body.Resources)
          ? { ...res, body: { ...res.body, Resources: [...res.body.Resources].reverse() } }
          : undefined,
      ),
    warns: [],
  },
  'empty-list-without-itemsPerPage': {
    why: 'RFC 7644 §3.4.2: itemsPerPage is required only when partial results are returned',
    faults: () =>
      onResponse('empty-list-without-itemsPerPage', (_req, res) => {
        if (!isObject(res.body) || res.body.totalResults !== 0) return;
        const { itemsPerPage: _i, startIndex: _s, ...body } = res.body;
        return { ...res, body };
      }),
    warns: [],
  },
  'empty-list-without-Resources': {
    why: 'RFC 7644 §3.4.2: Resources is "REQUIRED if totalResults is non-zero"',
    faults: () =>
      onResponse('empty-list-without-Resources', (_req, res) => {
        if (!isObject(res.body) || res.body.totalResults !== 0) return;
        const { Resources: _r, ...body } = res.body;
        return { ...res, body };
      }),
    warns: [],
  },
  'extra-attributes': {
    why: 'RFC 7643 §3: a service provider may add attributes and extensions of its own (meta.version, groups, a vendor extension)',
    faults: () =>
      onResponse('extra-attributes', (req, res) =>
        eachResource(res, (r) => {
          if (typeOf(r, req) !== 'User')
            return isObject(r.meta) ? { ...r, meta: { ...r.meta, version: r.meta.version ?? 'W/"x"' } } : r;
          const vendor = 'urn:example:params:scim:schemas:extension:vendor:2.0:User';
          const schemas = Array.isArray(r.schemas) ? [...r.schemas, vendor] : r.schemas;
          return { ...r, schemas, groups: [], [vendor]: { tenantRegion: 'eu-west', licensed: true } };
        }),
      ),
    warns: [],
  },
  'page-cap-50': {
    why: 'RFC 7644 §3.4.2.4: the server may return fewer results than count asked for, and says so in itemsPerPage',
    faults: () => [],
    server: { maxResults: 50 },
    warns: [],
  },
  'schemas-reordered': {
    why: 'RFC 7643 §3: schemas is a set of URIs; its order carries no meaning',
    faults: () =>
      onResponse('schemas-reordered', (_req, res) =>
        eachResource(res, (r) => (Array.isArray(r.schemas) ? { ...r, schemas: [...r.schemas].reverse() } : r)),
      ),
    warns: [],
  },
  'active-always-returned': {
    why: "a server may default active to true and return it always (RFC 7643 §4.1.1: the value is the server's own)",
    faults: () =>
      onResponse('active-always-returned', (req, res) =>
        eachResource(res, (r) => (typeOf(r, req) === 'User' && !('active' in r) ? { ...r, active: true } : r)),
      ),
    warns: [],
  },
  'unsupported-method-404': {
    why: 'RFC 7644 does not list 405; a server may answer an unsupported method 404 with a SCIM error (catalog §0.1 D-13)',
    faults: () =>
      onResponse('unsupported-method-404', (_req, res) =>
        res.status === 405 ? scimError(404, undefined, 'not found') : undefined,
      ),
    warns: [],
  },
  'members-with-display-and-ref': {
    why: 'RFC 7643 §4.2: members may carry display and an absolute $ref that the server fills in',
    faults: () =>
      onResponse('members-with-display-and-ref', (req, res) =>
        resourcePath(req, 'Groups')
          ? eachResource(res, (r) =>
              Array.isArray(r.members)
                ? {
                    ...r,
                    members: r.members.map((m) =>
                      isObject(m)
                        ? {
                            ...m,
                            display: `member ${String(m.value)}`,
                            $ref: `https://scim.example/Users/${String(m.value)}`,
                            type: 'User',
                          }
                        : m,
                    ),
                  }
                : r,
            )
          : undefined,
      ),
    warns: [],
  },
  'excluded-members-as-empty-array': {
    why: 'RFC 7643 §2.5: an empty array and an unassigned attribute are the same state; Entra never reads members',
    faults: () =>
      onResponse('excluded-members-as-empty-array', (req, res) => {
        const excluded = [...req.query].some(
          ([k, v]) => k.toLowerCase() === 'excludedattributes' && /(^|,)\s*members\s*(,|$)/i.test(v),
        );
        return excluded && resourcePath(req, 'Groups') ? eachResource(res, (r) => ({ ...r, members: [] })) : undefined;
      }),
    // Microsoft's SCIM Validator fails even "members": [] (validator-level G-03 test).
    warns: ['G-03'],
  },
  'user-projection-ignored': {
    why: "RFC 7644 §3.4.2.5: attributes/excludedAttributes are for the client's convenience; a server that returns the full user is still usable (Entra asks for no projection on users)",
    faults: () => [
      {
        name: 'user-projection-ignored',
        onRequest(req) {
          if (req.method !== 'GET' || !resourcePath(req, 'Users')) return;
          const query = new URLSearchParams(
            [...req.query].filter(([k]) => !['attributes', 'excludedattributes'].includes(k.toLowerCase())),
          );
          return { ...req, query };
        },
      },
    ],
    // The recommended U-22 tests judge projections; F-10's attributes=id result only needs the id.
    warns: ['U-22'],
  },
  'strong-etags': {
    why: 'RFC 7644 §3.14: a server may use strong or weak entity tags',
    faults: () =>
      onResponse('strong-etags', (_req, res) => {
        const headers = Object.fromEntries(
          Object.entries(res.headers).map(([k, v]) => [k, k.toLowerCase() === 'etag' ? v.replace(/^W\//, '') : v]),
        );
        const strong = eachResource({ ...res, headers }, (r) =>
          isObject(r.meta) && typeof r.meta.version === 'string'
            ? { ...r, meta: { ...r.meta, version: r.meta.version.replace(/^W\//, '') } }
            : r,
        );
        return strong ?? { ...res, headers };
      }),
    warns: [],
  },
  'scim-json-without-charset': {
    why: 'RFC 7644 §8.1: UTF-8 is the encoding; the charset parameter is optional',
    faults: () =>
      onResponse('scim-json-without-charset', (_req, res) =>
        res.body === undefined
          ? undefined
          : { ...res, headers: { ...res.headers, 'content-type': 'application/scim+json' } },
      ),
    warns: [],
  },
  'bare-401': {
    why: 'RFC 6750 §3: a 401 carries WWW-Authenticate; its body is optional, and Entra reads the status',
    faults: () =>
      onResponse('bare-401', (_req, res) =>
        res.status === 401
          ? { status: 401, headers: { ...res.headers, 'content-type': 'text/plain' }, body: 'Unauthorized' }
          : undefined,
      ),
    warns: [],
  },
  'no-etag': {
    why: 'RFC 7644 §3.14: versioning with ETags is optional',
    faults: () =>
      onResponse('no-etag', (_req, res) => ({
        ...res,
        headers: Object.fromEntries(Object.entries(res.headers).filter(([k]) => k.toLowerCase() !== 'etag')),
      })),
    warns: [],
  },
};
