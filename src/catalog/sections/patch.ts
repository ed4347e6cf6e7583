/**
 * The P- behaviours (PATCH semantics): the two PATCH dialects Entra sends.
 * Titles are the catalog headings (backticks removed); level, mode and the one-sentence Entra consequence are
 * written from the catalog's Level, Mode, If-wrong and Entra-reaction lines; `sends`, `passes` and `levels` from its
 * Request and Expected lines with the December 2026 calibration folded in.
 * @see docs/behaviours.md (generated from these files: npm run docs:behaviours)
 */
import type { BehaviourInfo } from '../types.js';

export const PATCH_BEHAVIOURS = {
  'P-01': {
    section: 'P',
    title: 'Operation names: capitalised by default, lower-case with the flag',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2', 'entra:DEV', 'entra:COMPAT', 'entra:GALLERY'],
    entra: 'Every default-mode PATCH fails with 400, so users are never updated or disabled.',
    sends:
      '`"op": "Add"`, `"Replace"` and `"Remove"` in the default dialect; `"add"`, `"replace"` and `"remove"` when the tenant URL carries `aadOptscim062020`. Microsoft\'s gallery test mixes both in one run.',
    passes: '`op` compared case-insensitively, so both spellings are applied.',
  },
  'P-02': {
    section: 'P',
    title: 'PatchOp envelope',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2', 'entra:DEV', 'entra:COMPAT', 'entra:POSTMAN'],
    entra:
      'PATCH requests whose members arrive in another order or carry extra members fail, so those updates never apply.',
    sends:
      '`{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[…]}`, sometimes with `Operations` before `schemas`; Microsoft\'s Postman tests add a top-level `"id"` and a per-operation `"name"` member.',
    passes: 'the operations applied whatever the member order, and unknown members ignored.',
  },
  'P-03': {
    section: 'P',
    title: 'Replace a simple attribute with a path — value is a bare JSON scalar',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.3'],
    entra:
      "Single-attribute updates such as a new displayName fail or are stored wrongly, so the app's data drifts from Entra's.",
    sends: '`{"op":"Replace","path":"displayName","value":" User X"}`: the value is a bare JSON string, not an array.',
    passes: '`200` or `204`, and the value stored verbatim, leading space included.',
  },
  'P-04': {
    section: 'P',
    title: 'Default mode: one operation per attribute, several in one request, in order',
    level: 'required',
    mode: 'default',
    spec: ['rfc7644#section-3.5.2', 'entra:COMPAT'],
    entra:
      "A multi-operation update is rejected or half-applied, so the user's attributes drift and Entra re-sends the same PATCH every cycle.",
    sends:
      'one operation per changed attribute, several in one request, e.g. `{"op":"Replace","path":"displayName","value":"Pvlo"}`, `{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"TestBcwqnm@test.microsoft.com"}`, `{"op":"Replace","path":"name.givenName","value":"Gtfd"}` and `{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"Eqpj"}`; real traffic mixes `Replace` and `Add` in one request.',
    passes: '`200` with the resource or `204`, with every operation applied, in order, all or nothing.',
  },
  'P-05': {
    section: 'P',
    title: 'Flag mode: scalars batched into one path-less replace',
    level: 'required',
    mode: 'flag',
    spec: ['rfc7644#section-3.5.2.3', 'entra:COMPAT', 'entra:COMPAT-2020'],
    entra:
      'The endpoint answers 200 but stores nothing (or a literal "name.givenName" key), so the data stays stale forever while Entra believes it is in sync.',
    sends:
      'value-filter paths as separate operations, and every other scalar batched into one path-less operation such as `{"op":"replace","value":{"displayName":"Bjfe","name.givenName":"Kkom","name.familyName":"Unua","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}`: dotted keys for sub-attributes, full URN keys for extension attributes (also `{"op":"replace","value":{"active":false,"userName":"someone"}}`).',
    passes:
      '`200` or `204`, with each key stored where it belongs: `name.givenName` sets `givenName` inside `name` (no top-level key named `name.givenName`, and `name.familyName` kept) and the URN key sets the extension attribute. A `200` that stores nothing fails.',
  },
  'P-06': {
    section: 'P',
    title: 'Path-less add with a value object',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.1', 'entra:VALRUNS'],
    entra: 'Path-less adds are ignored or rejected, so the attributes Entra sends that way never reach the app.',
    sends:
      '`{"op":"add","value":{"displayName":"Foo Bar","title":"Bar Foo","name.givenName":"Foo","name.familyName":"Bar","name.formatted":"Foo Bar"}}`; the validator sends `{"op":"add","value":{"externalId":"…"}}`.',
    passes:
      '`200` or `204`; single-valued attributes are replaced (RFC 7644 §3.5.2.1) and dotted keys handled as in P-05.',
  },
  'P-07': {
    section: 'P',
    title: 'Add a single-valued attribute with a path',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.1', 'entra:COMPAT'],
    entra:
      'An Add on an attribute that already has a value fails or is ignored, so the update is lost and retried every cycle.',
    sends:
      '`{"op":"Add","path":"nickName","value":"Babs"}` (flag: `"add"`). Entra uses Add when it believes the attribute is empty, so the attribute may already have a value.',
    passes: '`200` or `204`, and `nickName` is `Babs` afterwards, overwriting any earlier value.',
  },
  'P-08': {
    section: 'P',
    title: 'Value-filter path that matches nothing must create the element',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.3', 'rfc7644#section-3.10', 'entra:DEV', 'entra:VALRUNS'],
    entra:
      'The first update of such an attribute (such as a new work e-mail) fails with noTarget on every cycle, so the user is never updated.',
    sends:
      '`{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"updatedEmail@microsoft.com"}` for a user without a work e-mail; likewise `phoneNumbers[type eq "mobile"].value` and `addresses[type eq "work"].streetAddress`.',
    passes:
      '`200` or `204`, and a new element `{"type":"work","value":"updatedEmail@microsoft.com"}` added. RFC 7644 §3.5.2.3 allows a `400 noTarget` here, but Entra sends this shape again every cycle and the user then fails forever, so the element must be created.',
  },
  'P-09': {
    section: 'P',
    title: 'Several sub-attribute operations on the same filtered element are merged',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.1', 'rfc7643#section-2.4', 'entra:DEV'],
    entra:
      "The user ends up with several half-filled work addresses that never match Entra's view, so Entra re-patches every cycle.",
    sends:
      'three operations on the same filtered element in one request: `{"op":"add","path":"addresses[type eq \\"work\\"].formatted","value":"USZLTUSJXBYV"}`, then `.locality` and `.region` on the same filter.',
    passes:
      'exactly one `addresses` element with `type: "work"` carrying all three sub-attributes, not three partial work addresses.',
  },
  'P-10': {
    section: 'P',
    title: 'Value-filter paths used by the default mapping',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2', 'rfc7644#section-3.10', 'entra:DEV', 'entra:ATTR', 'entra:VALRUNS'],
    entra:
      "Any mapped attribute whose path the endpoint rejects fails the user's whole update on every cycle (see P-17).",
    sends:
      'the default mapping\'s paths: `emails[type eq "work"].value`, `emails[type eq "other"].value`, `phoneNumbers[type eq "work"].value` (also `"mobile"`, `"fax"`), `addresses[type eq "work"].streetAddress` (also `locality`, `region`, `postalCode`, `country`, `formatted`), `addresses[type eq "other"].formatted` and `roles[primary eq "True"].value` (also `display`, `type`); names may be capitalised (`.Value`, `.Formatted`).',
    passes:
      'the element whose `type` matches (case-insensitively) updated or created, with only that sub-attribute set; `primary eq "True"` matches a boolean `primary`. Tested for the attributes the profile maps.',
  },
  'P-11': {
    section: 'P',
    title: 'Remove a simple attribute with a path',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.2', 'entra:VALRUNS'],
    entra:
      'Entra rarely removes attributes this way, but the SCIM Validator fails when the attribute is still present after the remove.',
    sends:
      '`{"op":"remove","path":"nickName"}` and `{"op":"remove","path":"externalId"}` (validator preview tests; Entra for some manager removals).',
    passes: '`200` or `204`, and the attribute absent on the next GET.',
  },
  'P-12': {
    section: 'P',
    title: 'Several operations on the same attribute — last one wins',
    level: 'recommended',
    mode: 'validator',
    spec: ['rfc7644#section-3.5.2', 'entra:VALRUNS'],
    entra:
      "Only the SCIM Validator's preview test sends this; an endpoint that does not apply operations in order fails it.",
    sends:
      '(validator preview) `[{"op":"remove","path":"externalId"},{"op":"add","value":{"externalId":"A"}},{"op":"replace","value":{"externalId":"B"}}]` in one PATCH.',
    passes: '`200` or `204`, and `externalId` is `B` afterwards: the operations are applied in order.',
  },
  'P-13': {
    section: 'P',
    title: 'Accept string booleans anywhere a boolean is expected',
    level: 'required',
    mode: 'default',
    spec: ['rfc7643#section-2.3.2', 'entra:COMPAT', 'entra:VALRUNS', 'entra:VALNOTES'],
    entra:
      'Creates and disables carrying "True"/"False" strings fail with 400, and in the SCIM Validator one such failure cascades into a dozen.',
    sends:
      '`"False"`, `"True"` and `"false"` for `active`; `"primary":"True"` inside roles; the validator sends `"primary":"true"` inside `emails`, `phoneNumbers` and `addresses` of create bodies.',
    passes: 'string booleans coerced case-insensitively, then stored and returned as JSON booleans.',
    levels:
      'REQUIRED: string values of `active`. RECOMMENDED: Replace `emails[type eq "work"].primary` with `"True"`. VALIDATOR: a string `primary` (`"true"`, `"True"`) in a create body.',
  },
  'P-14': {
    section: 'P',
    title: 'PATCH response status: 200 with the resource, or 204',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2', 'entra:DEV', 'entra:GALLERY', 'entra:VALNOTES'],
    entra:
      'Entra accepts 200 with the resource or 204; an error, a 201 or an empty 200 risks the update being recorded as failed and breaks other clients.',
    sends: 'every PATCH, to users and groups.',
    passes:
      "`200` with the updated resource, or `204` with no body. A `200` with an empty body, or a `201`, fails. For group member changes `204` is Microsoft's advice only (G-20).",
  },
  'P-15': {
    section: 'P',
    title: 'PATCH keeps identity stable',
    level: 'required',
    mode: 'both',
    spec: ['rfc7643#section-3.1', 'rfc7644#section-3.5.2', 'entra:DEV', 'entra:HOW'],
    entra:
      'Entra keeps using the id it cached, so a PATCH that changes it makes every later call for that user fail with 404 (InvalidAnchor).',
    sends: 'a PATCH, then later reads of the same resource by the `id` Entra cached.',
    passes: 'the `id` never changes. A response without `meta` is fine.',
    levels:
      'REQUIRED: the `id` stays the same. RECOMMENDED: a `200` body equal to what the next GET returns; `meta.lastModified` advancing and `meta.created` unchanged.',
  },
  'P-16': {
    section: 'P',
    title: 'PATCH on an unknown id',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2', 'rfc7644#section-3.12', 'entra:LOGS'],
    entra:
      'Anything but a 404 hides from the admin that the linked user is gone, where a 404 would be logged as InvalidAnchor.',
    sends: '`PATCH /Users/<id>` for an id the app no longer has.',
    passes: "`404` (Entra logs InvalidAnchor); the error body's shape is judged in D-09 only.",
  },
  'P-17': {
    section: 'P',
    title: 'One unsupported path fails the whole request',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2', 'rfc7644#section-3.12', 'entra:COMPAT'],
    entra:
      'The whole PATCH fails on every cycle, including a bundled active=false, so a user who should be deactivated stays active in the app.',
    sends:
      'every changed attribute of a user in one PATCH, so one path the app does not support (say an address sub-attribute it does not store) shares a request with the others, sometimes with `active` false.',
    passes:
      "every attribute of the app's mapping accepted in one request, a disable included. When one operation is refused (`400 invalidPath`), nothing in the request is applied, and never a `5xx`.",
    levels:
      "REQUIRED: Entra's batched update with every attribute the profile maps (plus a disable) is applied. RECOMMENDED: a PATCH with one refused operation changes nothing.",
  },
  'P-18': {
    section: 'P',
    title: 'Empty Operations',
    level: 'validator',
    mode: 'validator',
    spec: ['rfc7644#section-3.5.2'],
    entra:
      'Entra never sends an empty Operations array; some SCIM Validator runs do, and they fail when the endpoint answers with the RFC-correct 400.',
    sends: '(some SCIM Validator runs) a PATCH with `"Operations": []` when no attribute qualified.',
    passes:
      '`200` or `204` with nothing changed, or a `400` SCIM error (`invalidSyntax` or `invalidValue`: RFC 7644 requires at least one operation); never a `5xx`.',
  },
  'P-19': {
    section: 'P',
    title: 'Add through a value filter that matches nothing creates the element',
    level: 'required',
    mode: 'both',
    spec: [
      'rfc7644#section-3.5.2.1',
      'gh:Metatavu/keycloak-scim-server#35',
      'gh:wireapp/wire-server#5419',
      'gh:Captain-P-Goldfish/SCIM-SDK#680',
    ],
    entra:
      'Entra sends Add with a filtered path when it believes the target is empty, so a refusal leaves the attribute unset on every cycle and a duplicate element on the second Add corrupts the user.',
    sends:
      '`{"op":"Add","path":"emails[type eq \\"work\\"].value","value":"someone@contoso.com"}` (flag: `"add"`) for a user without a work e-mail, and later the same Add with another value.',
    passes:
      'the first Add creates one `{"type":"work","value":…}` element; the second updates that element; never two work e-mails.',
  },
  'P-20': {
    section: 'P',
    title: 'Value-filter path against an existing element without type',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.3', 'gh:Captain-P-Goldfish/SCIM-SDK#668'],
    entra:
      'A user created outside Entra with an untyped e-mail answers noTarget to every filtered Replace, so Entra fails the update on every cycle.',
    sends:
      '`{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":…}` for a user created outside Entra whose e-mail has no type (`"emails":[{"value":"a@x"}]`).',
    passes:
      'no `noTarget`: either the untyped element becomes the work e-mail or a work element is added, and repeating the PATCH adds no duplicates.',
  },
} satisfies Record<`P-${string}`, Omit<BehaviourInfo, 'id'>>;
