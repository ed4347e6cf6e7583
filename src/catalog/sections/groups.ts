/**
 * The G- behaviours (Groups): group matching, creation and membership changes.
 * Titles are the catalog headings (backticks removed); level, mode and the one-sentence Entra consequence are
 * written from the catalog's Level, Mode, If-wrong and Entra-reaction lines; `sends`, `passes` and `levels` from its
 * Request and Expected lines with the December 2026 calibration folded in.
 * @see docs/behaviours.md (generated from these files: npm run docs:behaviours)
 */
import type { BehaviourInfo } from '../types.js';

export const GROUP_BEHAVIOURS = {
  'G-01': {
    section: 'G',
    title: 'Probe for groups',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2', 'entra:DEV'],
    entra:
      'A 404 on /Groups has been reported to make Test Connection flag the endpoint as incompatible, even for an app that only provisions users.',
    sends:
      '`GET /Groups?excludedAttributes=members&filter=displayName+eq+%22<random>%22` at Test Connection, next to the user probe (U-01).',
    passes:
      '`200` with an empty ListResponse. A users-only app answers the same (or the admin turns group provisioning off); a `404` on `/Groups` fails.',
    levels: 'REQUIRED when the app provisions groups; RECOMMENDED for a users-only app.',
  },
  'G-02': {
    section: 'G',
    title: 'Match a group: filter on displayName, members excluded',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'rfc7644#section-3.9', 'entra:DEV', 'entra:LOGS', 'entra:VALRUNS'],
    entra:
      'Returning members slows large-group queries toward timeouts and can be logged as MultipleEntriesInResponse; the validator fails even on "members": [].',
    sends:
      '`GET /Groups?excludedAttributes=members&filter=displayName+eq+%22<name>%22`; when an admin maps another matching attribute (such as `externalId` from the objectId) the filter uses it instead.',
    passes:
      '`200` ListResponse whose resources carry `id` and `displayName` and no `members` key at all (not `[]`, not `null`).',
    levels:
      'REQUIRED: the `displayName` filter, members excluded. A filter on `externalId` is REQUIRED only when the profile maps externalId for group matching or filtering; RECOMMENDED otherwise.',
  },
  'G-03': {
    section: 'G',
    title: 'Read a group by id, members excluded',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.1', 'rfc7644#section-3.9', 'entra:DEV', 'entra:VALRUNS'],
    entra:
      'Group reads become slow or time out for large groups, and the validator fails when a members key is present.',
    sends: '`GET /Groups/<id>?excludedAttributes=members`.',
    passes: '`200` with the group and no `members` key.',
  },
  'G-04': {
    section: 'G',
    title: 'displayName must be unique; different case matches',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.3', 'rfc7644#section-3.4.2.2', 'entra:DEV', 'entra:VALRUNS'],
    entra:
      'Entra matches groups by displayName, so duplicate names or case-sensitive matching make it link the wrong group or create a second one.',
    sends:
      'group match filters whose `displayName` differs in case from the stored one, and (after a missed match) `POST /Groups` with a `displayName` that already exists.',
    passes: 'filters match `displayName` case-insensitively, and an exact duplicate `POST` answers `409`.',
    levels:
      'REQUIRED: the case-insensitive filter and `409` for an exact duplicate. RECOMMENDED: `409` for a duplicate that differs only in case, and `scimType: "uniqueness"`.',
  },
  'G-05': {
    section: 'G',
    title: 'Create a group (empty)',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.3', 'rfc7643#section-4.2', 'entra:DEV', 'entra:COMPAT', 'entra:LEGACY'],
    entra: "Rejecting Microsoft's extra ADSCIM schema URN breaks every group create, so no group is ever provisioned.",
    sends:
      '`POST /Groups` with `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"…","meta":{"resourceType":"Group"}}`: always without members, which follow as PATCH.',
    passes:
      '`201` (or `200`) with `id`, `displayName` and `externalId`, and `members` empty or absent; the Microsoft URN accepted and ignored.',
    levels: 'REQUIRED: a 2xx answer with an `id`. VALIDATOR: exactly `201`. RECOMMENDED: a `Location` header.',
  },
  'G-06': {
    section: 'G',
    title: 'Create a group with initial members',
    level: 'recommended',
    mode: 'validator',
    spec: ['rfc7644#section-3.3', 'rfc7643#section-4.2', 'entra:POSTMAN'],
    entra: "Entra always creates groups empty, so this matters only for Microsoft's Postman tests and other clients.",
    sends:
      'not Entra: Microsoft\'s Postman collection and other clients send `POST /Groups` with `"members":[{"value":"<user id>","display":"VP"}]`.',
    passes: '`201` (or `200`) with the members stored, as far as the server lets members be read (G-23).',
  },
  'G-07': {
    section: 'G',
    title: 'Add member(s) — default mode',
    level: 'required',
    mode: 'default',
    spec: ['rfc7644#section-3.5.2.1', 'entra:DEV'],
    entra:
      'Member adds fail (typically on the "$ref": null entries), so assigned users never get the access the group grants in the app.',
    sends:
      '`PATCH /Groups/<id>` with `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"<user id>"}]}]}`: the member is the app\'s own user `id`, `$ref` is null, and no `type` or `display` is sent.',
    passes:
      '`204`, or `200` with the resource, and the member added. Membership is read back through whatever the server offers (G-23); when nothing shows members the test is inconclusive, not failed.',
  },
  'G-08': {
    section: 'G',
    title: 'Add member(s) — flag mode',
    level: 'required',
    mode: 'flag',
    spec: ['rfc7644#section-3.5.2.1', 'entra:COMPAT-2020'],
    entra: 'With the flag set, member adds fail, so users never join their groups in the app.',
    sends:
      '`{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"<user id>"}]}]}` (flag dialect: lower-case op, no `$ref`).',
    passes: 'as G-07: `204` or `200`, and the member added.',
  },
  'G-09': {
    section: 'G',
    title: 'Several members per request; idempotent adds',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.1', 'entra:DEV', 'entra:CHECKLIST'],
    entra:
      'Re-sent adds fail or create duplicate member entries, and gallery apps that cannot take several members per PATCH miss the checklist.',
    sends:
      "several members in one `value` array and several member operations in one PATCH, and adds for users who are already members (after a restart, or when Entra's state is stale).",
    passes:
      '`204` or `200`; every listed member added, and adding an existing member succeeds without a duplicate entry (membership is a set).',
    levels: 'REQUIRED: adding an existing member is harmless. GALLERY: several members in one PATCH.',
  },
  'G-10': {
    section: 'G',
    title: 'Remove member — default mode (value array, path members)',
    level: 'required',
    mode: 'default',
    spec: ['rfc7644#section-3.5.2.2', 'entra:COMPAT', 'entra:DEV'],
    entra:
      'The first member removal empties the whole group (or is rejected), and because Entra never reads members back the damage is never repaired.',
    sends:
      '`{"op":"Remove","path":"members","value":[{"value":"<user id>"}]}` in a PatchOp (the tutorial adds `"$ref":null` to each entry).',
    passes:
      '`204` or `200`, and only the listed members removed. Removing every member, or rejecting the `value` with `400`, fails.',
  },
  'G-11': {
    section: 'G',
    title: 'Remove member — flag mode (filtered path)',
    level: 'required',
    mode: 'flag',
    spec: ['rfc7644#section-3.5.2.2', 'entra:COMPAT', 'entra:VALRUNS'],
    entra: 'With the flag set, removed users keep their group membership, and the access it grants, in the app.',
    sends: '`{"op":"remove","path":"members[value eq \\"<user id>\\"]"}` (flag dialect and the SCIM Validator).',
    passes: '`204` or `200`; that member removed and the others kept.',
  },
  'G-12': {
    section: 'G',
    title: 'Removing a non-member is not an error',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.2', 'entra:QUAR'],
    entra:
      "A 4xx turns Entra's stale removal into a reference failure that is retried every cycle and counts toward the quarantine ceiling.",
    sends: "a member removal for a user who is not (or no longer) a member, when Entra's state lags behind the app's.",
    passes:
      '`204` or `200` with nothing changed. For the filtered form `members[value eq "<non-member>"]`, `400 noTarget` also passes (RFC 7644 Table 9).',
  },
  'G-13': {
    section: 'G',
    title: 'Add and remove in one request',
    level: 'recommended',
    mode: 'validator',
    spec: ['rfc7644#section-3.5.2', 'entra:VALRUNS'],
    entra: "Operations applied out of order leave the wrong membership; the SCIM Validator's preview test catches it.",
    sends:
      '(validator preview; Entra may combine adds and removes when it computes a diff) `[{"op":"add","path":"members","value":[{"value":"U"}]},{"op":"remove","path":"members[value eq \\"U\\"]"}]` in one PATCH.',
    passes: '`204` or `200`, with the operations applied in order: U is not a member afterwards.',
  },
  'G-14': {
    section: 'G',
    title: 'Replace the member list',
    level: 'recommended',
    mode: 'validator',
    spec: ['rfc7644#section-3.5.2.3', 'entra:VALRUNS'],
    entra:
      'The SCIM Validator seeds its member tests with this replace, so an endpoint that rejects it fails several validator tests.',
    sends: '(validator) `{"op":"replace","path":"members","value":[{"value":"<u1>"},{"value":"<u2>"}]}`.',
    passes: '`204` or `200`, and the membership becomes exactly the given set.',
  },
  'G-15': {
    section: 'G',
    title: 'Rename a group',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.3', 'entra:DEV', 'entra:VALRUNS'],
    entra:
      "The rename is lost, and Entra's next match on the new displayName finds nothing and tries to create a duplicate group.",
    sends:
      '`{"op":"Replace","path":"displayName","value":"<new name>"}` (flag: `"replace"`); the validator sends `{"op":"replace","value":{"displayName":"…"}}`.',
    passes:
      '`204` or `200`; a filter finds the new name and not the old one. A rename onto a name another group holds answers `409`, or `400` with `scimType: "uniqueness"`.',
  },
  'G-16': {
    section: 'G',
    title: 'Replace group externalId (path-less)',
    level: 'recommended',
    mode: 'validator',
    spec: ['rfc7644#section-3.5.2.3', 'entra:VALRUNS'],
    entra:
      "The externalId update is dropped, which fails the SCIM Validator and would leave a stale externalId if the tenant's mapping changes.",
    sends:
      '`{"op":"replace","value":{"externalId":"663fa3a8-e2b6-4ac0-96c8-363432cdc01d"}}` (the validator; Entra when the objectId mapping changes).',
    passes: '`204` or `200`, and a GET shows the new `externalId`.',
  },
  'G-17': {
    section: 'G',
    title: 'Delete a group',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.6', 'entra:DEV', 'entra:GALLERY', 'entra:VALRUNS'],
    entra:
      'Groups deleted or unassigned in Entra stay in the app, and their members keep the access those groups grant.',
    sends: '`DELETE /Groups/<id>` when the group is deleted in Entra, unassigned from the app or leaves scope.',
    passes:
      '`204`; afterwards `GET` answers `404`, the displayName filter finds nothing, and a second DELETE answers `404`.',
  },
  'G-18': {
    section: 'G',
    title: 'Entra never reads memberships back',
    level: 'informational',
    mode: 'both',
    spec: ['entra:DEV', 'entra:KNOWN'],
    entra:
      'Test design: membership tests must read members back themselves, because Entra never will and any lost add or remove is permanent drift.',
    sends:
      'no membership reads: every group read excludes members, and Entra computes member adds and removes from its own record of what it already sent.',
    passes:
      'nothing to judge on its own: each membership change must be applied exactly (G-07 to G-14), because a lost add or remove is never repaired.',
  },
  'G-19': {
    section: 'G',
    title: 'Member references and scope',
    level: 'informational',
    mode: 'both',
    spec: ['entra:HOW', 'entra:KNOWN', 'entra:POD'],
    entra: 'Test design: suites create users before adding them to groups and use flat groups, as Entra does.',
    sends:
      'memberships only after the users and groups exist; out-of-scope members are skipped, nested groups below the first level are not provisioned, and on-demand provisioning handles at most 5 members of a group per call.',
    passes: 'nothing to judge at the endpoint: this is Entra-side scoping.',
  },
  'G-20': {
    section: 'G',
    title: 'Group PATCH responses should be small',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2', 'entra:DEV'],
    entra:
      'Returning the full member list on every membership change makes large-group updates slow enough to time out.',
    sends: 'member PATCHes (G-07 to G-14).',
    passes:
      '`204`, or `200` with the resource (RFC 7644 §3.5.2): both pass. Microsoft advises against returning the full member list; only a `200` with an empty body is a deviation (P-14).',
  },
  'G-21': {
    section: 'G',
    title: 'Deleted users disappear from memberships',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.6', 'entra:POSTMAN'],
    entra: "Entra does not clean up after a deleted user, so dangling member ids stay in the app's groups.",
    sends: '`DELETE /Users/<id>` for a user who is a member of a group, without removing the membership first.',
    passes: "the deleted id no longer appears in any group's `members`, where the server returns members.",
  },
  'G-22': {
    section: 'G',
    title: 'Group must be PATCH-capable',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2', 'entra:DEV'],
    entra: 'Entra only sends PATCH for groups, so a PUT-only endpoint never receives any membership.',
    sends: 'group changes only as PATCH, never PUT.',
    passes: '`PATCH /Groups/<id>` works; a PUT-only server cannot receive memberships.',
  },
  'G-23': {
    section: 'G',
    title: 'Group reads may omit members',
    level: 'informational',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.5', 'entra:DEV'],
    entra:
      'Entra never reads memberships back, so a group read without members is allowed and membership is checked through whatever the server offers.',
    sends: 'group reads that always exclude members; Entra never reads memberships back.',
    passes:
      'groups may come back without `members`, or with members only on `?attributes=members`. Membership is verified through `GET /Groups/<id>`, then `?attributes=members`, then `filter=id eq "<g>" and members[value eq "<u>"]`; when none shows members the membership tests are inconclusive (skipped with the reason), not failed.',
  },
} satisfies Record<`G-${string}`, Omit<BehaviourInfo, 'id'>>;
