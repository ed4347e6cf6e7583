/**
 * The X- behaviours (Schema extensions): the enterprise extension, manager references and custom extension URNs.
 * Titles are the catalog headings (backticks removed); level, mode and the one-sentence Entra consequence are
 * written from the catalog's Level, Mode, If-wrong and Entra-reaction lines; `sends`, `passes` and `levels` from its
 * Request and Expected lines with the December 2026 calibration folded in.
 * @see docs/behaviours.md (generated from these files: npm run docs:behaviours)
 */
import type { BehaviourInfo } from '../types.js';

export const EXTENSION_BEHAVIOURS = {
  'X-01': {
    section: 'X',
    title: 'Enterprise extension in a create body',
    level: 'required',
    mode: 'both',
    spec: ['rfc7643#section-3.3', 'rfc7643#section-4.3', 'entra:DEV', 'entra:ATTR', 'entra:VALRUNS'],
    entra:
      'Department and employee number, mapped by default, are rejected, lost or returned elsewhere, so Entra re-PATCHes them every cycle.',
    sends:
      '`POST /Users` with `"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"701984","department":"Tour Operations"}` and that URN in `schemas` (`manager` normally follows as a PATCH, U-28).',
    passes: '`201` (or `200`), and every later GET returns the values in the same URN-keyed object.',
    levels:
      'REQUIRED (when any enterprise attribute is mapped; department and employeeId are by default): the values stored and returned under the URN. RECOMMENDED: the URN listed in `schemas` of responses.',
  },
  'X-02': {
    section: 'X',
    title: 'Enterprise URN listed in schemas without an enterprise object',
    level: 'required',
    mode: 'both',
    spec: ['rfc7643#section-3', 'entra:DEV'],
    entra: 'Creates fail with 400 for every user whose enterprise attributes happen to be empty.',
    sends:
      '`POST /Users` whose `schemas` lists `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User` while the body has no enterprise object (nothing mapped had a value).',
    passes: '`201` (or `200`): a listed schema without data is accepted.',
  },
  'X-03': {
    section: 'X',
    title: 'Enterprise attribute PATCH — default mode (one op per attribute, URN path)',
    level: 'required',
    mode: 'default',
    spec: ['rfc7644#section-3.5.2', 'rfc7644#section-3.10', 'entra:COMPAT'],
    entra:
      'Department and employee-number updates fail or land in the wrong place, so they never reach the app and are retried every cycle.',
    sends:
      '`{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Sales"}` and `{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"Eqpj"}`: capitalised ops, bare string values, `Add` when Entra believes the attribute is empty.',
    passes:
      '`200` or `204`; the enterprise object created if the user had none, and the other enterprise attributes untouched.',
  },
  'X-04': {
    section: 'X',
    title: 'Enterprise attribute PATCH — flag mode (URN key inside a path-less value object)',
    level: 'required',
    mode: 'flag',
    spec: ['rfc7644#section-3.5.2.3', 'rfc7644#section-3.10', 'entra:COMPAT'],
    entra:
      'The endpoint answers 200 but drops the URN-keyed value, so enterprise attributes stay stale while Entra believes they are in sync.',
    sends:
      '`{"op":"replace","value":{"displayName":"Bjfe","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}` (flag dialect).',
    passes:
      '`200` or `204`, with `employeeNumber` updated inside the enterprise object: not stored as a top-level key named after the whole URN, and not silently dropped.',
  },
  'X-05': {
    section: 'X',
    title: 'Extension object as the value of a path-less operation (RFC form)',
    level: 'recommended',
    mode: 'gallery',
    spec: ['rfc7644#section-3.5.2.3', 'rfc7644#section-3.5.2.1', 'entra:GALLERY'],
    entra:
      'Replacing the whole extension object wipes the manager link and employee number that the operation did not mention.',
    sends:
      'not documented as Entra traffic: the RFC form `{"op":"replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Finance"}}}` (also with `add`), which Microsoft\'s gallery test can build.',
    passes: '`200` or `204`, merged: `department` changes while `employeeNumber` and `manager` stay.',
  },
  'X-06': {
    section: 'X',
    title: 'Manager set/change — shapes to accept',
    level: 'required',
    mode: 'both',
    spec: [
      'rfc7643#section-4.3',
      'rfc7644#section-3.5.2',
      'entra:GALLERY',
      'entra:VALRUNS',
      'entra:VALNOTES',
      'entra:LEGACY',
    ],
    entra:
      'Every manager update fails with 400 and goes to escrow, and enough of these reference failures quarantine the job.',
    sends:
      '`{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"<manager id>"}` (also lower-case `add`, and `Replace` / `replace` on a change); validator builds have sent `"value":{"value":"<id>"}`; legacy jobs sent `{"op":"Add","path":"manager","value":[{"$ref":"…/Users/<id>","value":"<id>"}]}`. The value is the manager\'s id in the app.',
    passes:
      '`200` or `204` for each shape (a bare string coerced to `{"value": …}`, never refused as "must be an object"), and a later GET returns `"manager":{"value":"<id>"}` in the enterprise object. Tested for apps that map manager.',
  },
  'X-07': {
    section: 'X',
    title: 'Manager as a plain string inside a create or replace body',
    level: 'recommended',
    mode: 'default',
    spec: ['rfc7643#section-4.3', 'entra:DEV'],
    entra: 'Users created with an inline manager string fail with 400 when the tenant maps manager as a plain value.',
    sends:
      'inside a create or replace body, `"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":"myuser"}` when manager is mapped as a plain value (an older Microsoft example wrote `{"Manager":"123456"}`).',
    passes: 'accepted, the string coerced to `{"value": …}` and attribute names compared case-insensitively.',
  },
  'X-08': {
    section: 'X',
    title: 'Manager removal — shapes to accept',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2.2', 'rfc7644#section-3.5.2.3', 'entra:GALLERY', 'entra:VALRUNS', 'entra:VALNOTES'],
    entra:
      'Removing a manager fails on every cycle, so the user keeps a stale manager in the app and the failures count toward quarantine.',
    sends:
      'Microsoft does not document Entra\'s removal request; the shapes seen are `{"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}`, `{"op":"replace","path":"urn:…:manager","value":""}`, `{"op":"replace","path":"urn:…:manager","value":{"value":""}}`, a `null` value, and `{"op":"remove","path":"manager[value eq \\"<id>\\"]"}`.',
    passes: '`200` or `204`, and afterwards `manager` is absent, `null` or has an empty `value`.',
    levels:
      'REQUIRED: `Remove` with the URN path. GALLERY: `replace` with `""`. VALIDATOR: `replace` with `{"value":""}`. RECOMMENDED: a `null` value, and `remove manager[value eq "<id>"]` without the URN.',
  },
  'X-09': {
    section: 'X',
    title: 'Manager must be returned as a complex object',
    level: 'required',
    mode: 'both',
    spec: ['rfc7643#section-4.3'],
    entra:
      'A manager returned as a plain string makes Entra fail the whole user with ServiceIncompatible, and a manager value other than the id Entra wrote is re-PATCHed every cycle.',
    sends: "GETs and filter queries whose answers Entra's strict client deserialises.",
    passes:
      'the enterprise `manager` returned as an object with the `id` Entra wrote, `{"value":"<id>"}` (`$ref` and `displayName` optional). A plain string, or a value other than that id, fails.',
  },
  'X-10': {
    section: 'X',
    title: 'Custom extension attribute naming',
    level: 'gallery',
    mode: 'both',
    spec: ['rfc7643#section-3.3', 'entra:ATTR', 'entra:DEV'],
    entra:
      'Custom attributes the app names differently cannot be mapped in Entra, or reach the app under a URN it does not recognise.',
    sends:
      "custom attributes named in Entra's attribute editor as `urn:ietf:params:scim:schemas:extension:<ExtensionName>:2.0:User:<Attribute>`, single-valued and simple for non-gallery apps.",
    passes:
      'judged on the profile, not on the server: each custom attribute name in the profile has that form (a profile lint).',
  },
  'X-11': {
    section: 'X',
    title: 'Custom extension data in a create body — URN not listed in schemas',
    level: 'required',
    mode: 'both',
    spec: ['rfc7643#section-3', 'rfc7643#section-3.3', 'entra:ATTR'],
    entra: 'Every user with a custom attribute fails to create, because Entra does not list the custom URN in schemas.',
    sends:
      '`POST /Users` with `"urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User":{"CustomAttribute":"701984"}` while `schemas` lists only the core and enterprise URNs.',
    passes:
      "`201` (or `200`) with the custom value stored; an extension object whose URN is missing from the request's `schemas` is not a reason to refuse the body.",
    levels: 'REQUIRED: the body accepted and the value stored. RECOMMENDED: the URN listed in `schemas` of responses.',
  },
  'X-12': {
    section: 'X',
    title: 'Custom extension PATCH paths',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.5.2', 'rfc7644#section-3.10', 'entra:ATTR', 'entra:COMPAT'],
    entra: 'Custom attribute updates fail or are dropped, so they never reach the app and are retried every cycle.',
    sends:
      '(inferred from how enterprise attributes travel) `{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:CustomAttribute","value":"x"}` (`Add` when empty); the flag dialect puts the URN key inside a path-less `replace` value object, as in X-04.',
    passes: '`200` or `204`, and the value comes back under the custom URN object on GET.',
  },
  'X-13': {
    section: 'X',
    title: 'Legacy dot notation for extension paths',
    level: 'informational',
    mode: 'legacy',
    spec: ['rfc7644#section-3.10', 'entra:COMPAT', 'entra:LEGACY'],
    entra: 'Only pre-2018 customappsso jobs send dotted extension paths; a vendor is not failed either way.',
    sends:
      'only from pre-2018 `customappsso` jobs: `{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department","value":"Sales"}`, with a `.` where the RFC has `:`.',
    passes: 'either answer: a tolerant mapping to `…:User:department`, or `400 invalidPath`.',
  },
  'X-14': {
    section: 'X',
    title: "Microsoft's group schema URN",
    level: 'required',
    mode: 'default',
    spec: ['rfc7643#section-3', 'entra:DEV', 'entra:COMPAT', 'entra:LEGACY'],
    entra: 'Rejecting the unknown ADSCIM schema URN breaks every group create.',
    sends:
      'group creates listing `http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group` next to the core Group URN (legacy jobs: `…/ADSCIM/Group` instead of it), with no attributes under it.',
    passes: 'the unknown URN accepted and ignored (G-05).',
  },
  'X-15': {
    section: 'X',
    title: 'Advertise extensions in discovery',
    level: 'gallery',
    mode: 'both',
    spec: ['rfc7643#section-6', 'rfc7643#section-7', 'rfc7644#section-4', 'entra:GALLERY', 'entra:VALDOC'],
    entra:
      'Extension attributes missing from /Schemas or /ResourceTypes cannot be discovered, and the gallery discoverability test fails for every mapped one.',
    sends:
      '`GET /Schemas` and `GET /ResourceTypes` (the validator\'s "Discover schema" mode and Microsoft\'s gallery test).',
    passes:
      '`/Schemas` holds the enterprise schema and every custom extension with its attributes; `/ResourceTypes` lists them in `User`\'s `schemaExtensions`, e.g. `{"schema":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","required":false}`; every mapped attribute is discoverable (D-11).',
    levels: 'GALLERY for apps listed in the gallery; RECOMMENDED for a custom non-gallery app.',
  },
  'X-16': {
    section: 'X',
    title: 'Attributes the endpoint never returns',
    level: 'validator',
    mode: 'validator',
    spec: ['rfc7643#section-7', 'entra:VALNOTES'],
    entra:
      'The SCIM Validator reports write-only attributes as missing, and Entra probably re-sends a mapped attribute it can never read back on every cycle.',
    sends:
      'the SCIM Validator sends attributes that `/Schemas` declares `returned: "never"` (a badge code or PIN) and expects them back on GET; Entra probably re-sends such a mapped attribute every cycle, since it never comes back (inferred).',
    passes:
      'no mapped attribute is declared `returned: "never"`; one that is gets a warning, not a failure, and is not read back.',
  },
} satisfies Record<`X-${string}`, Omit<BehaviourInfo, 'id'>>;
