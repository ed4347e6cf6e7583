/**
 * The U- behaviours (Users): creating, reading, matching, disabling and deleting users.
 * Titles are the catalog headings (backticks removed); level, mode and the one-sentence Entra consequence are
 * written from the catalog's Level, Mode, If-wrong and Entra-reaction lines; `sends`, `passes` and `levels` from its
 * Request and Expected lines with the December 2026 calibration folded in.
 * @see docs/behaviours.md (generated from these files: npm run docs:behaviours)
 */
import type { BehaviourInfo } from '../types.js';

export const USER_BEHAVIOURS = {
  'U-01': {
    section: 'U',
    title: 'Test-connection / liveness probe for users',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2', 'rfc7644#section-3.4.2.2', 'entra:DEV', 'entra:QUAR', 'entra:CHECKLIST'],
    entra: 'Test Connection fails, and during sync a 404 on this probe is a listed reason for quarantining the job.',
    sends:
      "`GET /Users?filter=userName+eq+%22<random GUID>%22` (the app's matching attribute: usually `userName`, sometimes `externalId`) with `Authorization: Bearer <token>` and no SCIM `Accept` header, when an admin clicks Test Connection and when provisioning starts.",
    passes:
      '`200` with an empty ListResponse: `totalResults: 0` and `Resources: []` (or `Resources` left out). A `404` or `400` fails. The response `Content-Type` is judged in D-08 only.',
  },
  'U-02': {
    section: 'U',
    title: 'Match-before-create: zero results',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2', 'entra:DEV', 'entra:CHECKLIST'],
    entra:
      'Entra cannot decide to create the user: a 404 or 400 fails the object into escrow, and when widespread the job is quarantined.',
    sends:
      '`GET /Users?filter=userName+eq+%22<value>%22` for a user the app does not have yet (`@` may arrive as `%40`); when nothing is found, Entra follows with `POST /Users` (U-06).',
    passes:
      '`200` ListResponse with `totalResults: 0` and no resources (`Resources: []` or absent). Never `404`, never a bare object, never an error because the value looks unusual.',
  },
  'U-03': {
    section: 'U',
    title: 'Match-before-create: exactly one result',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2', 'rfc7643#section-3.1', 'entra:DEV', 'entra:LOGS'],
    entra:
      'With more than one hit Entra logs DuplicateTargetEntries and skips the user, and a resource without an id cannot be linked at all.',
    sends: 'the same match filter as U-02, for a user the app already has.',
    passes:
      '`200` ListResponse with `totalResults: 1` and exactly one resource carrying `id`, `userName` and `schemas`; Entra links to that `id` and switches to PATCH. `meta` is judged in its own RECOMMENDED test, not here.',
  },
  'U-04': {
    section: 'U',
    title: 'Matching on externalId',
    level: 'required',
    mode: 'both',
    spec: ['rfc7643#section-3.1', 'rfc7644#section-3.4.2.2', 'entra:DEV', 'entra:LEGACY'],
    entra:
      'When externalId is a matching attribute and the filter fails, Entra never finds the existing user and creates a duplicate (or hits 409) on every cycle.',
    sends:
      '`GET /Users?filter=externalId+eq+%22<value>%22`, where the value is mailNickname by default or the objectId GUID when an admin remaps it (2016-era docs show it unquoted: `filter=externalId eq jyoung`).',
    passes:
      'as U-02 and U-03: a `200` ListResponse with zero or one result. An exact, case-sensitive comparison is correct (`externalId` is `caseExact: true`); a case-insensitive one is tolerated.',
    levels: 'REQUIRED when the profile maps externalId as a matching attribute; RECOMMENDED otherwise.',
  },
  'U-05': {
    section: 'U',
    title: 'Multiple matching attributes, evaluated one at a time',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'entra:ATTR', 'entra:DEV'],
    entra:
      'A matching attribute the endpoint cannot filter on fails the match query, so the user is never linked or created.',
    sends:
      'one `eq` filter per matching attribute, in the admin\'s order of precedence, stopping at the first unique match, e.g. `GET /Users?filter=emails[type eq "work"].value eq "user@contoso.com"` when the work e-mail is a matching attribute. Two attributes are never combined in one filter.',
    passes:
      'each of those queries answers as U-02 and U-03 (`200` ListResponse with zero or one result), so every attribute the app documents as matching must be filterable.',
  },
  'U-06': {
    section: 'U',
    title: 'Create user (POST)',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.3', 'rfc7643#section-4.1', 'entra:DEV', 'entra:GALLERY'],
    entra:
      'Without an id in the create response Entra cannot link the user and re-creates it on every cycle; a non-SCIM body is logged as ServiceIncompatible.',
    sends:
      '`POST /Users` with `Content-Type: application/scim+json; charset=utf-8` and a body such as `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"externalId":"…","userName":"…","active":true,"emails":[{"primary":true,"type":"work","value":"…"}],"meta":{"resourceType":"User"},"name":{"formatted":"…","familyName":"…","givenName":"…"},"roles":[]}`: only mapped, non-null attributes, plus the read-only `meta` and an empty `roles` array.',
    passes:
      "`201` (or `200`, which Entra and Microsoft's gallery test accept) with the stored resource: a server-assigned `id` and every attribute as sent.",
    levels:
      'REQUIRED: a 2xx answer with an `id`. VALIDATOR: exactly `201`. RECOMMENDED: a `Location` header equal to `meta.location`.',
  },
  'U-07': {
    section: 'U',
    title: 'Create body may contain nulls, empty arrays and legacy keys',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7643#section-2.5', 'rfc7644#section-3.3', 'entra:DEV', 'entra:LEGACY'],
    entra:
      'Creates that carry null values, an empty roles array or an unknown schema URN fail with 400, so those users are never provisioned.',
    sends:
      'bodies of the older documented sample: `null` values at the top level (`"addresses": null, "phoneNumbers": null, "title": null, "preferredLanguage": null, "department": null, "manager": null`) and the mistyped URN `urn:ietf:params:scim:schemas:extension:enterprise:2.0User` in `schemas`.',
    passes:
      '`201` (or `200`): `null` read as "not supplied", an unknown URN in `schemas` and keys the app does not store ignored. A `400` only for a value that is genuinely invalid.',
  },
  'U-08': {
    section: 'U',
    title: 'Duplicate on create → 409',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.3', 'rfc7644#section-3.12', 'entra:LOGS', 'entra:POSTMAN', 'entra:VALRUNS'],
    entra:
      'A second 201 gives one person two accounts, and any error other than 409 hides the conflict: the admin sees a failed user retried every cycle instead of EntryConflict.',
    sends:
      '`POST /Users` with a `userName` that already exists: normally Entra matches first, so this happens when the match missed (a matching attribute that differs from what the app treats as unique) or after a lost response (U-31).',
    passes:
      '`409 Conflict` with a SCIM error body for an exact duplicate; a second `201` fails, and so does any other error.',
    levels:
      'REQUIRED: `409` for an exact duplicate. RECOMMENDED: `409` for a duplicate that differs only in case, and `scimType: "uniqueness"` in the error.',
  },
  'U-09': {
    section: 'U',
    title: 'Missing required attribute / invalid value → 400 with a SCIM error',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.12', 'rfc7644#section-3.3', 'entra:DEV', 'entra:POSTMAN', 'entra:LOGS'],
    entra:
      'A 500 or a non-SCIM error hides the cause from the admin, and the user fails and is retried every cycle until escrow gives up.',
    sends: 'probes of what Entra can cause: `POST /Users` without `userName`, and a body that is not valid JSON.',
    passes:
      "a `400` with a SCIM-style error (`scimType` such as `invalidValue` or `invalidSyntax` is optional); never a `500` and never a `2xx`. An attribute that a profile calls required is only expected to cause `400` when the server's own `/Schemas` marks it required.",
    levels: 'REQUIRED: a `400`, not a `5xx` or a `2xx`. RECOMMENDED: a `detail` that tells the admin what to fix.',
  },
  'U-10': {
    section: 'U',
    title: 'Read user by id',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.1', 'entra:DEV'],
    entra:
      'Entra reads the user before it computes each update, so a failing GET blocks every update and disable for that user.',
    sends:
      '`GET /Users/<id>` (no query string) with the `id` Entra cached from the create or the match, before it computes each update.',
    passes: '`200` with the full resource, the same representation the create returned.',
  },
  'U-11': {
    section: 'U',
    title: 'Unknown id → 404',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.1', 'rfc7644#section-3.12', 'entra:DEV', 'entra:LOGS'],
    entra:
      'Any answer other than 404 for a missing user is logged as a generic failure instead of InvalidAnchor, so the admin never learns the linked user is gone.',
    sends: '`GET /Users/<id>` (or PATCH or DELETE) for an id the app no longer has.',
    passes:
      "`404`; the error's `detail` is optional (Microsoft: only the status matters). The error body's shape is judged in D-09 only.",
  },
  'U-12': {
    section: 'U',
    title: 'Values round-trip exactly as sent',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.3', 'rfc7644#section-3.4.1', 'entra:DEV'],
    entra:
      "Entra sees a difference between its value and the app's on every evaluation and re-sends the same PATCH every cycle, forever.",
    sends:
      'values that Entra expects back unchanged on the next GET, such as a phone number `55555555555` or a mixed-case e-mail address.',
    passes:
      'every value comes back as sent: no reformatting (not `+5 (555) 555-5555`), no lower-casing, no dropped fields. A value the app cannot store may be rejected with a clear `400` instead.',
    levels:
      'REQUIRED: values come back unchanged. RECOMMENDED: the sent case of a `caseExact: false` attribute (`userName`, `emails.value`) is kept (RFC 7643 §7 lets a server alter case).',
  },
  'U-13': {
    section: 'U',
    title: 'Disabled users stay visible',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2', 'rfc7643#section-4.1.1', 'entra:DEV'],
    entra:
      "Entra's next match finds nothing and POSTs a duplicate user (or loops on 409), and a re-enabled user can no longer be found.",
    sends: 'a disable (U-14 or U-15), then, in later cycles, the match filter and `GET /Users/<id>` for the same user.',
    passes:
      'the disabled user is still returned, with `"active": false`, by `GET /Users/<id>` and by filter queries; only a hard DELETE makes it disappear.',
  },
  'U-14': {
    section: 'U',
    title: 'Disable user — default mode (string "False")',
    level: 'required',
    mode: 'default',
    spec: ['rfc7644#section-3.5.2.3', 'rfc7643#section-2.3.2', 'entra:COMPAT', 'entra:POSTMAN'],
    entra:
      'Users are never disabled when they are unassigned, because the default-mode disable PATCH ("False" as a string) fails with 400 or is read as truthy.',
    sends:
      '`PATCH /Users/<id>` with `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}`: the value is the string `"False"` (`"True"` on re-enable; a lower-case `"false"` has been reported too).',
    passes:
      '`200` with the resource, or `204`; a later GET shows `"active": false` as a JSON boolean. A `400` that asks for a boolean, or a user left active, fails.',
  },
  'U-15': {
    section: 'U',
    title: 'Disable user — flag mode (boolean false)',
    level: 'required',
    mode: 'flag',
    spec: ['rfc7644#section-3.5.2.3', 'entra:COMPAT', 'entra:DEV', 'entra:VALRUNS'],
    entra:
      'With the aadOptscim062020 flag set, unassigned users stay active in the app because the boolean disable PATCH fails.',
    sends:
      '`PATCH /Users/<id>` with `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}` when the tenant URL carries `aadOptscim062020` (Microsoft\'s current sample writes `"op":"Replace"`).',
    passes: 'as U-14: `200` or `204`, and a later GET shows `"active": false`.',
  },
  'U-16': {
    section: 'U',
    title: 'Re-enable a user',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.3', 'entra:HOW', 'entra:GALLERY', 'entra:COMPAT'],
    entra:
      'Users who are re-assigned or restored stay disabled in the app, or come back without the group memberships Entra will not re-send.',
    sends:
      'the PATCH of U-14 or U-15 with `"True"` (default) or `true` (flag), when a user is re-assigned, re-enabled, restored from the recycle bin or comes back into scope.',
    passes:
      '`200` or `204`; the user is active again with the same `id` and still has the group memberships it had while disabled (Entra does not re-send them).',
  },
  'U-17': {
    section: 'U',
    title: 'What triggers disable vs delete',
    level: 'informational',
    mode: 'both',
    spec: ['entra:HOW', 'entra:ATTR'],
    entra:
      "Entra-side logic: suites must exercise both the disable PATCH and the DELETE, because which one a vendor receives depends on the tenant's mapping and on how the user left scope.",
    sends:
      'a PATCH of `active` to false when a user is unassigned, leaves a scoping filter, is soft-deleted or gets `accountEnabled` false (provided `active` is mapped); a DELETE when the user is permanently deleted in Entra (30 days after a soft delete, or a purge), and for every deprovisioning when the app has no `active` mapping.',
    passes:
      "nothing to pass or fail at the endpoint: which request arrives is Entra's choice. The endpoint's side is tested as U-14 and U-15 (disable) and U-18 (delete).",
  },
  'U-18': {
    section: 'U',
    title: 'Hard delete',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.6', 'entra:DEV', 'entra:HOW', 'entra:POSTMAN', 'entra:VALRUNS'],
    entra:
      "A failed DELETE is retried every cycle, and a user still returned after a 204 keeps answering Entra's queries as if it had never been deleted.",
    sends: '`DELETE /Users/<id>` with no body.',
    passes:
      '`204 No Content` with an empty body; afterwards `GET /Users/<id>` answers `404` and filters no longer return the user.',
  },
  'U-19': {
    section: 'U',
    title: 'Delete of an unknown or already-deleted user',
    level: 'recommended',
    mode: 'validator',
    spec: ['rfc7644#section-3.6', 'rfc7644#section-3.12', 'entra:VALRUNS'],
    entra:
      "Entra rarely sends this, but the SCIM Validator's preview delete tests fail when a DELETE of a missing user is not a 404 with a SCIM error body.",
    sends:
      "Microsoft's SCIM Validator (preview tests) sends `DELETE /Users/<unknown id>` and the same DELETE twice; Entra itself rarely does.",
    passes: 'the first DELETE `204`; a DELETE of a user that does not exist `404` with a SCIM error body.',
  },
  'U-20': {
    section: 'U',
    title: 'Rename (userName change)',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.3', 'rfc7643#section-3.1', 'entra:DEV', 'entra:VALRUNS'],
    entra:
      "A rename that is not applied or that changes the id breaks the link, and Entra's later calls for that user fail with 404 (InvalidAnchor).",
    sends:
      '`PATCH /Users/<id>` with `{"op":"Replace","path":"userName","value":"<new name>"}` (flag: `"replace"`); the validator sends the path-less `{"op":"replace","value":{"userName":"…"}}`.',
    passes:
      '`200` or `204` with the `id` unchanged; a filter on the new name finds the user and one on the old name does not. A rename onto a name another user holds answers `409`, or `400` with `scimType: "uniqueness"`.',
  },
  'U-21': {
    section: 'U',
    title: 'userName comparisons are case-insensitive',
    level: 'required',
    mode: 'both',
    spec: ['rfc7643#section-4.1.1', 'rfc7644#section-3.4.2.2', 'entra:VALRUNS'],
    entra: 'A change of UPN casing in Entra misses the existing user, so Entra creates a duplicate or loops on 409.',
    sends:
      "`GET /Users?filter=userName+eq+%22NOEMIE.HOPPE%40SCHAEFER.US%22` for a user stored as `noemie.hoppe@schaefer.us`, as happens when a UPN's case changes in Entra.",
    passes: '`200` ListResponse with `totalResults: 1`: `userName` compares case-insensitively (`caseExact: false`).',
    levels: 'REQUIRED: the case-insensitive match. RECOMMENDED: the stored case returned unchanged.',
  },
  'U-22': {
    section: 'U',
    title: 'attributes / excludedAttributes on users',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.5', 'rfc7644#section-3.9', 'entra:LEGACY', 'entra:POSTMAN'],
    entra:
      "Current Entra jobs rarely send these parameters, but a 400 for them breaks the legacy manager check and Microsoft's Postman tests.",
    sends:
      "rarely, from current jobs: the legacy manager check adds `&attributes=id` (F-10); Microsoft's Postman collection sends `GET /Users?attributes=userName,emails` and `GET /Users?attributes=userName`.",
    passes:
      '`200`: `attributes` limits the returned attributes (`id` and `schemas` always kept), `excludedAttributes` leaves out what it names, and neither causes a `400`.',
  },
  'U-23': {
    section: 'U',
    title: 'Listing and pagination',
    level: 'required',
    mode: 'gallery',
    spec: ['rfc7644#section-3.4.2.4', 'entra:DEV', 'entra:GALLERY', 'entra:POSTMAN'],
    entra:
      "Entra's sync cycles use filters, but Account Discovery pages through every user (U-30), Microsoft's requirements table lists pagination, and the gallery pagination test fails when startIndex or count is ignored.",
    sends:
      "`GET /Users?startIndex=1&count=5`, then `startIndex=6&count=5` and so on, and an unfiltered `GET /Users` (Microsoft's gallery test and Postman collection; Entra's Account Discovery pages the same way, U-30).",
    passes:
      'a `200` ListResponse per page: `startIndex` echoes the request (1-based), `itemsPerPage` is the number of resources returned, `totalResults` counts every user (not the page), and no page holds more than `count` resources.',
  },
  'U-24': {
    section: 'U',
    title: 'Group membership is never sent on the user',
    level: 'informational',
    mode: 'both',
    spec: ['rfc7643#section-4.1.2'],
    entra:
      "Test design only: memberships are tested through PATCH /Groups, and a user's groups attribute is neither sent nor judged.",
    sends:
      'never a `groups` attribute on `POST` or `PATCH /Users`: memberships arrive only as `PATCH /Groups` member operations.',
    passes: 'nothing to judge: returning `groups` on users is fine, and memberships are tested through `/Groups`.',
  },
  'U-25': {
    section: 'U',
    title: 'App roles',
    level: 'required',
    mode: 'both',
    spec: ['rfc7643#section-4.1.2', 'rfc7644#section-3.5.2', 'entra:ATTR'],
    entra: 'Role assignments fail with 400 or leave stale roles behind, so users get the wrong permissions in the app.',
    sends:
      'in a create, `"roles":[{"primary":true,"type":"WindowsAzureActiveDirectoryRole","value":"Admin"}]` (AppRoleAssignmentsComplex: several roles with `"primary": false` and a `displayName`); in a default-mode PATCH, `{"op":"Add","path":"roles","value":[{"value":"{\\"id\\":\\"06b07648-…\\",\\"value\\":\\"25\\",\\"displayName\\":\\"Role1234\\"}"}]}`, where one `Add` may carry several such JSON-encoded strings; AssertiveAppRoleAssignmentsComplex sends a full `{"op":"replace","path":"roles","value":[…]}`.',
    passes:
      "`201`/`200` for the create and `200`/`204` for the PATCH, with every role stored: role objects that carry `displayName` (not the RFC's `display`) and every string of a multi-role `Add`. An assertive replace removes the roles it does not list.",
  },
  'U-26': {
    section: 'U',
    title: 'Attributes Entra does not send',
    level: 'informational',
    mode: 'both',
    spec: ['rfc7643#section-4.1.2', 'entra:DEV', 'entra:ATTR', 'entra:KNOWN'],
    entra:
      'Test design only: suites do not send entitlements, photos, passwords or repeated type values, because Entra never does.',
    sends:
      'never: `entitlements`, photos, passwords, multi-valued directory extensions, or two elements of one multi-valued attribute with the same `type` (never two `work` e-mails).',
    passes: 'nothing to judge at the endpoint; the suites simply never send these.',
  },
  'U-27': {
    section: 'U',
    title: 'Nulls and clearing values',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7643#section-2.5', 'rfc7644#section-3.5.2.3', 'entra:KNOWN', 'entra:ATTR', 'entra:GALLERY'],
    entra:
      'Entra itself rarely clears attributes, but Microsoft\'s gallery null-update test fails when a replace with "" or null does not empty the attribute.',
    sends:
      'normally nothing: Entra skips attributes whose source value is null and does not clear target attributes. Microsoft\'s gallery test sends `{"op":"replace","path":"<attr>","value":""}`, `{"op":"replace","path":"<attr>","value":null}` or `{"op":"replace","value":{"title":"","nickName":""}}`.',
    passes: '`200` or `204`; on the next GET the attribute is absent, `null` or `""`.',
  },
  'U-28': {
    section: 'U',
    title: 'Manager reference is a second round trip',
    level: 'required',
    mode: 'both',
    spec: ['rfc7643#section-4.3', 'rfc7644#section-3.5.2', 'entra:HOW', 'entra:KNOWN', 'entra:DEV', 'entra:LEGACY'],
    entra:
      'Users are created without a manager and never get one if the later manager PATCH fails, and each failure counts toward quarantine as a reference failure.',
    sends:
      'the create without the manager, then a later `PATCH /Users/<id>` that sets `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager` (X-06); legacy jobs first checked `GET /Users?filter=id eq "<user>" and manager eq "<manager>"&attributes=id` (F-10).',
    passes:
      'the create succeeds without a manager, and the later manager PATCH answers `200` or `204` and is stored. Tested for apps that map manager.',
  },
  'U-29': {
    section: 'U',
    title: 'B2B guests',
    level: 'informational',
    mode: 'both',
    spec: ['entra:HOW'],
    entra:
      'Test data only: userName values may look like external e-mail addresses because Entra strips #EXT# from guest UPNs.',
    sends:
      'for guest users, the userPrincipalName with `#EXT#…` stripped (`alias_theirdomain#EXT#@yourdomain` becomes `alias@theirdomain`), so a `userName` can look like an external e-mail address.',
    passes: 'nothing to judge on its own: such `userName` values must work like any other (U-02, U-06).',
  },
  'U-30': {
    section: 'U',
    title: 'Account Discovery pages through every user',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.4', 'rfc7644#section-3.4.2', 'entra:DISCOVERY'],
    entra:
      'Account Discovery (ID Governance) pages through every user with unfiltered startIndex/count requests, so paging that repeats, skips or hides disabled users leaves accounts uncorrelated or reports 0 results.',
    sends:
      "Account Discovery (Entra ID Governance / Entra Suite, preview in 2026) sends unfiltered `GET /Users?startIndex=N&count=M`, page after page until `totalResults` is reached, and correlates each account on the app's first matching attribute.",
    passes:
      'every user exactly once across the pages (no repeats, no gaps while nothing changes), disabled users included, `totalResults` right, `startIndex` honoured, each resource carrying the matching attribute. A server may cap `count` when `itemsPerPage` says how many it returned; pages of at least 100 should be served.',
    levels: 'REQUIRED for tenants with ID Governance or Entra Suite (Account Discovery); RECOMMENDED otherwise.',
  },
  'U-31': {
    section: 'U',
    title: 'A POST re-sent after a lost response',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.3', 'rfc7644#section-3.12', 'entra:QA-1151866'],
    entra:
      'When Entra never got the answer to a create it sends the same POST in a later cycle, and without a clean 409 and a user the match filter finds, the object fails on every cycle.',
    sends:
      'the same `POST /Users` again in a later cycle when Entra never got the answer to the first one (timeout or reset), then its usual match filter.',
    passes:
      'a clean `409` for the repeated POST (U-08) and a match filter that finds the user (U-03). A create is atomic: after a `5xx` or a timeout the user exists completely or not at all.',
  },
} satisfies Record<`U-${string}`, Omit<BehaviourInfo, 'id'>>;
