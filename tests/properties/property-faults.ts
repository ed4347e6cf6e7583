/**
 * Faults that only generated inputs find: each passes every example-based suite (proved in property-faults.test.ts)
 * and breaks one property. Never shipped.
 */
import type { FaultRequest, ServerFault } from '../../src/server/app.js';

const isUsersPost = (req: FaultRequest) => req.method === 'POST' && /\/Users$/.test(req.path);
const isUserPatch = (req: FaultRequest) => req.method === 'PATCH' && /\/Users\/[^/]+$/.test(req.path);
const isUsersQuery = (req: FaultRequest) => req.method === 'GET' && /\/Users$/.test(req.path);
type Json = Record<string, unknown>;

/**
 * M-16: the app strips spaces from userName before storing it (examples have no spaces in names, so they never
 * notice). A lower-casing app is no longer a fault here: RFC 7643 §7 lets a server alter the case of a caseExact=false
 * attribute, and that is judged by the recommended U-12/U-21 tests only (catalog §0.1).
 */
export const spacesStrippedFromUserNames: ServerFault = {
  name: 'username-spaces-stripped',
  onRequest(req) {
    const body = req.body as Json | undefined;
    if (isUsersPost(req) && typeof body?.userName === 'string')
      return { ...req, body: { ...body, userName: body.userName.replace(/ /g, '') } };
  },
};

/**
 * F-05: the filter unescapes with `/([^\\])\\(["\\])/g`, which needs a plain character before each escape, so two
 * escapes in a row (`""`, `\\`, `"\` in the value) decode wrongly. A single quote or backslash, as in the examples,
 * decodes fine.
 */
export const adjacentEscapesMisread: ServerFault = {
  name: 'filter-adjacent-escapes-misread',
  onRequest(req) {
    const filter = req.query.get('filter');
    if (!isUsersQuery(req) || !filter) return;
    const match = /^(\w+ eq )"((?:[^"\\]|\\.)*)"$/i.exec(filter);
    if (!match) return;
    const misread = match[2]!.replace(/([^\\])\\(["\\])/g, '$1$2');
    const reescaped = misread.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    const query = new URLSearchParams(req.query);
    query.set('filter', `${match[1]}"${reescaped}"`);
    return { ...req, query };
  },
};

/**
 * An update races a disable: any attribute PATCH without `active` also writes `active: true` (an update handler that
 * fills the whole record from defaults). Single-request examples never disable and then update.
 */
export const updateReactivates: ServerFault = {
  name: 'update-reactivates',
  onRequest(req) {
    const body = req.body as { Operations?: Json[] } | undefined;
    if (!isUserPatch(req) || !Array.isArray(body?.Operations)) return;
    const mentionsActive = body.Operations.some(
      (o) =>
        /active/i.test(String(o.path ?? '')) ||
        (o.value && typeof o.value === 'object' && 'active' in (o.value as Json)),
    );
    if (mentionsActive) return;
    return {
      ...req,
      body: { ...body, Operations: [...body.Operations, { op: 'replace', path: 'active', value: true }] },
    };
  },
};
