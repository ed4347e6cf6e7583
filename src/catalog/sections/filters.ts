/**
 * The F- behaviours (Filters and queries): the filter queries Entra uses to match objects.
 * Titles are the catalog headings (backticks removed); level, mode and the one-sentence Entra consequence are
 * written from the catalog's Level, Mode, If-wrong and Entra-reaction lines; `sends`, `passes` and `levels` from its
 * Request and Expected lines with the December 2026 calibration folded in.
 * @see docs/behaviours.md (generated from these files: npm run docs:behaviours)
 */
import type { BehaviourInfo } from '../types.js';

export const FILTER_BEHAVIOURS = {
  'F-01': {
    section: 'F',
    title: 'Only eq and and',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'entra:DEV', 'entra:POSTMAN'],
    entra:
      'Every match query uses eq (and the legacy reference check uses and), so an endpoint that cannot evaluate them cannot link or create any user.',
    sends:
      'only `attr eq "value"` filters and, in the legacy reference check, `… and …`; never `co`, `sw`, `pr`, `gt`, `or` or parentheses.',
    passes:
      "`eq` and `and` work as RFC 7644 §3.4.2.2 defines them. The other operators (Microsoft's Postman collection uses `sw`, `gt`, `co` and `or` with parentheses) are good practice.",
    levels: 'REQUIRED: `eq` and `and`. RECOMMENDED: the rest of the RFC 7644 filter grammar.',
  },
  'F-02': {
    section: 'F',
    title: 'Query-string encoding as Entra and the validator send it',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'entra:DEV', 'entra:VALRUNS'],
    entra:
      'If + is not decoded as a space, every Entra filter is unparseable and answered with 400, so Test Connection and every match fail.',
    sends:
      '`?filter=userName+eq+%22cf4d78e8-…%22` and `?filter=externalId+eq+%22johnwong%22` (spaces as `+`, quotes as `%22`); the SCIM Validator sends literal quotes with `@` as `%40` (`?filter=userName+eq+"adrianna_jenkins%40jewessupton.com"`) and puts `excludedAttributes=members` before `filter` on groups.',
    passes:
      '`+` decoded as a space (form-style decoding) and `%20` too, percent-encoded and literal quotes accepted, query parameters in any order. A server that reads `+` literally answers `400` and fails Test Connection and every match.',
    levels: 'REQUIRED: Entra\'s form (`+` and `%22`). VALIDATOR: literal `"` in the query string.',
  },
  'F-03': {
    section: 'F',
    title: 'Names and keywords are case-insensitive',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7643#section-2.1', 'rfc7644#section-3.4.2.2', 'rfc7644#section-3.10', 'entra:POSTMAN'],
    entra:
      "Entra sends canonical camelCase and is unaffected, but Microsoft's Postman tests and other clients fail on case-varied attribute names or operators.",
    sends:
      "canonical camelCase names; Microsoft's Postman collection and other clients send `UserName eq`, `DisplayName+eq+…`, `name.FamilyName` and operators such as `Eq`.",
    passes:
      'attribute names in filters and paths, and filter operators, compared case-insensitively (RFC 7644 §3.4.2.2, §3.10).',
  },
  'F-04': {
    section: 'F',
    title: 'String-value case rules',
    level: 'required',
    mode: 'both',
    spec: ['rfc7643#section-2.3.1', 'rfc7643#section-4.1.1', 'rfc7644#section-3.4.2.2', 'entra:VALRUNS'],
    entra:
      'Case-sensitive userName or displayName matching misses existing objects, so Entra creates duplicates or loops on 409.',
    sends:
      '`eq` filters on `userName`, group `displayName`, `externalId` and `id`, with values whose case may differ from what is stored.',
    passes:
      '`userName` and group `displayName` compare case-insensitively (U-21, G-04); `externalId` and `id` compare exactly, as RFC 7643 defines them (a case-insensitive `externalId` is tolerated).',
  },
  'F-05': {
    section: 'F',
    title: 'Special characters in filter values',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'entra:KNOWN'],
    entra:
      'Entra cannot provision objects whose joining value contains special characters at all, so these tests check RFC escaping for other clients rather than an Entra failure.',
    sends:
      'rarely: Microsoft lists as a known issue that Entra cannot run a filter whose joining value contains special characters, so such objects fail before they reach the endpoint. Other clients send RFC-escaped values (`\\"`, `\\\\`) and non-ASCII text.',
    passes: 'values with quotes, backslashes and non-ASCII characters matched exactly, with RFC 7644 string escaping.',
  },
  'F-06': {
    section: 'F',
    title: 'Honour the filter exactly',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'entra:LOGS', 'entra:VALRUNS'],
    entra:
      'Entra logs DuplicateTargetEntries and skips the user, or links and overwrites the wrong account when a single wrong result comes back.',
    sends: 'every match query (U-02 to U-05, G-02) and relies on the result count.',
    passes:
      'only the resources that match. Ignoring the filter (returning every user) or matching by substring or prefix fails: Entra then sees several hits and skips the object, or updates the wrong account.',
  },
  'F-07': {
    section: 'F',
    title: 'Query answers are always a ListResponse',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2', 'entra:DEV', 'entra:VALRUNS'],
    entra:
      'Entra cannot parse the answer to its match query (ServiceIncompatible), so the object is neither linked nor created.',
    sends: 'every filter query (U-01 to U-05, G-01, G-02).',
    passes:
      'always a ListResponse: `schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"]`, a numeric `totalResults`, `Resources` (capital R; required when `totalResults` is above 0), `startIndex` and `itemsPerPage`, and each resource with its `id` and its own `schemas`.',
  },
  'F-08': {
    section: 'F',
    title: 'Filter on a multi-valued sub-attribute',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'rfc7644#section-3.10', 'entra:DEV'],
    entra:
      'When work e-mail is a matching attribute every match query fails, so those users are never linked or created.',
    sends:
      '`GET /Users?filter=emails[type eq "work"].value eq "user@contoso.com"` when the work e-mail is a matching attribute (URL-encoded on the wire; brackets may arrive as `%5B` and `%5D`).',
    passes:
      'a ListResponse (F-07) holding exactly the users whose work e-mail matches. Tested for apps that match on e-mail.',
  },
  'F-09': {
    section: 'F',
    title: 'Unsupported or malformed filter',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'rfc7644#section-3.12', 'entra:LOGS'],
    entra:
      'A 500 leaves the admin without a cause, and an answer that silently ignores the filter looks like a duplicate match to Entra (F-06).',
    sends:
      'never, for a correctly mapped attribute; the tool sends an unknown operator and a broken expression as probes.',
    passes:
      '`400`, ideally with `scimType: "invalidFilter"`; never a `500`, and never a `200` that ignores the filter (that would be F-06).',
  },
  'F-10': {
    section: 'F',
    title: 'Legacy reference check: id eq … and manager eq …',
    level: 'recommended',
    mode: 'legacy',
    spec: ['rfc7644#section-3.4.2.2', 'rfc7644#section-3.9', 'entra:LEGACY', 'entra:DEV'],
    entra:
      'Old customappsso jobs cannot tell whether the manager is already set, so they fail or re-send the manager on every cycle.',
    sends:
      'from legacy jobs, `GET /Users?filter=id eq "54D382A4-2050-4C03-94D1-E769F1D15682" and manager eq "2819c223-7f76-453a-919d-413861904646"&attributes=id` (older docs print the values unquoted); the same pattern exists for a group\'s `members`.',
    passes:
      'a ListResponse holding the one user (only `id` needed) when the manager already matches, and an empty list otherwise.',
  },
  'F-11': {
    section: 'F',
    title: 'Group queries always exclude members',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.9', 'entra:DEV'],
    entra:
      'Returning members on group queries makes large groups slow enough to time out, and Entra may log MultipleEntriesInResponse for the group.',
    sends: '`GET /Groups?excludedAttributes=members&filter=displayName+eq+%22…%22` for every group query (G-02, G-03).',
    passes: 'groups without a `members` key at all, as G-02 describes.',
  },
} satisfies Record<`F-${string}`, Omit<BehaviourInfo, 'id'>>;
