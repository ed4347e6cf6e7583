/**
 * The D- behaviours (Discovery, connection, authentication, errors and throttling): transport, auth, error bodies, discovery endpoints and Entra's retry behaviour.
 * Titles are the catalog headings (backticks removed); level, mode and the one-sentence Entra consequence are
 * written from the catalog's Level, Mode, If-wrong and Entra-reaction lines; `sends`, `passes` and `levels` from its
 * Request and Expected lines with the December 2026 calibration folded in.
 * @see docs/behaviours.md (generated from these files: npm run docs:behaviours)
 */
import type { BehaviourInfo } from '../types.js';

export const DISCOVERY_BEHAVIOURS = {
  'D-01': {
    section: 'D',
    title: 'Tenant URL and path joining',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.2', 'entra:DEV', 'entra:COMPAT'],
    entra:
      'If the endpoint works only with (or only without) a trailing slash on the base URL, Test Connection and every call fail for admins who typed the other form.',
    sends:
      "requests to the Tenant URL the admin entered, with `/Users` or `/Groups` appended (e.g. `https://app.example.com/scim/v2/Users`); flags such as `aadOptscim062020` ride in the tenant URL's query string. Since December 2018 the URL need not contain `/scim`.",
    passes:
      'the resources live directly under the base, which works with or without a trailing slash. A doubled slash (`//Users`) has not been seen from Entra and is not required.',
  },
  'D-02': {
    section: 'D',
    title: 'Transport security',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-7.2', 'entra:DEV', 'entra:HOW'],
    entra:
      'Entra cannot connect without HTTPS, TLS 1.2 and a publicly trusted certificate chain, so Test Connection and every cycle fail.',
    sends: 'HTTPS only, TLS 1.2, from the `AzureActiveDirectory` service-tag IP ranges.',
    passes:
      'a TLS 1.2 handshake with a certificate chain that ends at a widely trusted public root and a key of at least 2048 bits (RSA) or 256 bits (ECC). A plain-HTTP target cannot be judged here.',
  },
  'D-03': {
    section: 'D',
    title: 'Bearer token on every request',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-2', 'rfc6750#section-2.1', 'entra:DEV'],
    entra:
      'A token that expires or does not authorise every operation makes later cycles fail with 401, and the job is quarantined.',
    sends:
      '`Authorization: Bearer <Secret Token>` on every request; Entra adds the `Bearer ` prefix itself, so the admin pastes the bare token.',
    passes: 'one long-lived token authorises every SCIM operation; a token that expires quarantines the job.',
  },
  'D-04': {
    section: 'D',
    title: 'Missing or wrong token → 401',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-2', 'rfc7644#section-3.12', 'rfc6750#section-3', 'entra:QUAR', 'entra:LOGS'],
    entra:
      'Bad credentials answered with 200, a redirect or an HTML page hide credential problems from Test Connection, while real 401s during sync quarantine the job at once.',
    sends: 'probes: a request without `Authorization`, with a wrong token, and with a malformed scheme.',
    passes:
      '`401` (a SCIM error body and `WWW-Authenticate: Bearer` are good practice); `Authorization: Bearer` with no token may answer `400` or `401` (RFC 6750 §3.1). The scheme name is case-insensitive (`bearer <token>` works), and a write without a valid token changes nothing. Never a `200`, an HTML login page or a redirect.',
  },
  'D-05': {
    section: 'D',
    title: 'Entra-issued JWT when the Secret Token field is empty',
    level: 'informational',
    mode: 'both',
    spec: ['entra:DEV'],
    entra:
      'Test design: obtaining an Entra-issued token needs a real tenant, so suites authenticate with the configured bearer token instead.',
    sends:
      "when the Secret Token field is empty, a JWT of Entra's own: issuer `https://sts.windows.net/<tenantId>/`, audience `8adf8e6e-67b2-4cf2-a259-e3dc5476c621` for custom apps (the gallery app's id for gallery apps).",
    passes:
      'not tested: only a real tenant mints this token, and Microsoft advises against relying on it in production.',
  },
  'D-06': {
    section: 'D',
    title: 'OAuth options for gallery apps',
    level: 'gallery',
    mode: 'gallery',
    spec: ['rfc6749#section-4.4', 'entra:DEV', 'entra:CHECKLIST', 'entra:GALLERY'],
    entra:
      "A gallery app whose OAuth token endpoint or token lifetimes fall outside Microsoft's rules fails Validate_Credentials_Test and is not listed.",
    sends:
      "for gallery apps, tokens from the vendor's own OAuth endpoint (authorization-code or client-credentials grant); new gallery listings use client credentials, with secrets valid 1 to 3 years and access tokens 60 to 360 minutes.",
    passes: 'not tested: this tool calls the SCIM endpoint with a token it is given.',
  },
  'D-07': {
    section: 'D',
    title: 'Request headers that identify Entra',
    level: 'informational',
    mode: 'both',
    spec: ['rfc7644#section-3.8', 'entra:DEV', 'entra:VALRUNS'],
    entra:
      "Test design: suites send Entra's ADSCIMVersion header and both content types; an endpoint that answers 415 to application/scim+json fails every write.",
    sends:
      "an `ADSCIMVersion` header on Entra's requests (some servers use it to recognise Entra) and `Content-Type: application/scim+json` on bodies, with `; charset=utf-8` (D-22; the SCIM Validator sends the same).",
    passes: 'bodies accepted with `application/scim+json` or `application/json`, with or without `charset`.',
  },
  'D-08': {
    section: 'D',
    title: 'Response content type',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.8', 'entra:DEV', 'entra:VALNOTES'],
    entra:
      'Microsoft asks for application/scim+json on every response; Entra itself parses application/json too (AWS IAM Identity Center, a gallery target, answers with it), but the SCIM Validator and strict clients refuse other types.',
    sends: 'requests that expect SCIM JSON back, without a SCIM `Accept` header (D-22).',
    passes:
      '`Content-Type: application/scim+json` on every response, errors included (charset optional); `application/json` is tolerated. The content type is judged here only, at RECOMMENDED.',
  },
  'D-09': {
    section: 'D',
    title: 'Error body format',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.12', 'entra:DEV', 'entra:LOGS'],
    entra:
      'Entra acts on the HTTP status and tolerates a numeric status or a missing scimType in the body, but a body that is not a SCIM error is logged as ServiceIncompatible instead of the real cause, so the admin cannot tell what to fix.',
    sends: 'any request the endpoint refuses.',
    passes:
      'an error body like `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404","detail":"…"}` with the matching HTTP status; `status` as a number is tolerated and `scimType` is optional (RFC 7644 §3.12). HTML, RFC 7807 `problem+json`, a framework\'s default JSON or an empty body fail. The shape is judged here only, at RECOMMENDED; other tests accept any SCIM-like error of the right status.',
  },
  'D-10': {
    section: 'D',
    title: '/Schemas',
    level: 'gallery',
    mode: 'gallery',
    spec: ['rfc7644#section-4', 'rfc7643#section-7', 'entra:DEV', 'entra:VALDOC', 'entra:CHECKLIST'],
    entra: "Schema-discovery gallery apps offer no target attributes to map, and Microsoft's gallery checks fail.",
    sends:
      '`GET /Schemas` when an admin saves or opens the provisioning settings, for gallery apps with schema discovery; custom non-gallery apps do not use it at run time.',
    passes:
      '`200` ListResponse of schema resources (core User and Group, the enterprise User extension, custom extensions) with camelCase characteristic values (`readWrite`, `default`, `server`) and no `null` values.',
  },
  'D-11': {
    section: 'D',
    title: 'How schema attributes become Entra attribute names',
    level: 'gallery',
    mode: 'gallery',
    spec: ['rfc7643#section-7', 'entra:GALLERY'],
    entra:
      'Mapped attributes such as emails[type eq "work"].value are reported missing, and Microsoft\'s Schema_Discoverability_Test fails.',
    sends:
      'nothing at run time: Microsoft\'s gallery test flattens `/Schemas` into Entra attribute names: `attr[type eq "<canonical value>"].<sub>` for each `canonicalValues` entry of `type`, `attr[primary eq "True"].<sub>` without them, `attr.<sub>` for single-valued complex attributes, and `<schema id>:<attr>` for extensions.',
    passes:
      'every mapped target attribute discoverable that way (compared case-insensitively): declare `canonicalValues` on `emails.type` (`work`, `home`, `other`), `phoneNumbers.type` (`work`, `mobile`, `fax`) and `addresses.type` (`work`, `other`).',
  },
  'D-12': {
    section: 'D',
    title: '/ServiceProviderConfig and /ResourceTypes',
    level: 'gallery',
    mode: 'gallery',
    spec: [
      'rfc7644#section-4',
      'rfc7643#section-5',
      'rfc7643#section-6',
      'entra:CHECKLIST',
      'entra:POSTMAN',
      'entra:DEV',
    ],
    entra:
      "Entra's cycles never read these endpoints, but Microsoft's gallery checklist requires both to answer accurately.",
    sends:
      "`GET /ServiceProviderConfig` and `GET /ResourceTypes` (Microsoft's gallery test and the validator; not Entra's runtime for custom apps).",
    passes:
      'a ServiceProviderConfig with `patch.supported: true`, `filter.supported: true` (with `maxResults`), truthful `bulk`, `etag`, `sort` and `changePassword`, and `authenticationSchemes` listing `oauthbearertoken`; ResourceTypes as a ListResponse with `User` (endpoint `/Users`, its schema extensions) and `Group` (endpoint `/Groups`).',
  },
  'D-13': {
    section: 'D',
    title: 'Content negotiation and unknown routes',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.12', 'entra:KNOWN', 'entra:LOGS'],
    entra:
      'An HTML 404 or 405 page cannot be parsed, so Entra logs ServiceIncompatible instead of MethodNotAllowed or NotImplemented.',
    sends:
      'nothing of this kind from Entra; the tool probes an unknown path, an unsupported method and an unsupported media type.',
    passes:
      'a SCIM error, never an HTML page: `404` for an unknown path; `405`, `501` or `404` for an unsupported method; `415` (or `400`) for a body in an unsupported media type, which creates nothing.',
  },
  'D-14': {
    section: 'D',
    title: 'Throttling: 429 + Retry-After',
    level: 'required',
    mode: 'both',
    spec: ['rfc6585#section-4', 'rfc9110#section-10.2.3', 'entra:LOGS', 'entra:DEV', 'entra:CHECKLIST'],
    entra:
      'Entra backs off on 429, but throttling answered with 400 or 503 counts as failures toward escrow and quarantine, and gallery apps that cannot take 25 requests per second fail the checklist.',
    sends:
      'as many requests as the job needs (the gallery expects at least 25 requests per second per tenant); a throttled request is retried later, with `Retry-After` treated as advisory.',
    passes:
      'when the endpoint throttles, it answers `429 Too Many Requests` (not `503` or `400`) with a SCIM error body, and never drops the connection.',
    levels:
      'REQUIRED: `429` as the throttling status. RECOMMENDED: `Retry-After` on every `429` (RFC 6585 §4: "MAY include"). GALLERY: 25 requests per second.',
  },
  'D-15': {
    section: 'D',
    title: 'Server errors and timeouts',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.12', 'entra:LOGS'],
    entra:
      'Every 5xx or timeout fails the object for that cycle; it is retried about 40 minutes later, and enough of them quarantine the job.',
    sends:
      'any request; Entra retries `5xx` answers (InternalServerError), protocol errors and timeouts in the next cycle, about 40 minutes later.',
    passes: 'no `5xx` and no timeout for the requests Entra sends.',
  },
  'D-16': {
    section: 'D',
    title: 'Escrow and retry schedule for failing objects',
    level: 'informational',
    mode: 'both',
    spec: ['entra:QUAR', 'entra:HOW'],
    entra:
      'Explains failure reports: a failed object is retried after about 6, 12 and 24 hours, then daily for 28 days, and then dropped.',
    sends: 'retries of a failing object about 6, 12 and 24 hours after the first failure, then daily, for 28 days.',
    passes: "not observable: the schedule is Entra's own.",
  },
  'D-17': {
    section: 'D',
    title: 'Quarantine',
    level: 'informational',
    mode: 'both',
    spec: ['entra:QUAR', 'entra:HOW'],
    entra:
      'Explains failure reports: credential failures or too many failed calls quarantine the job, which then runs once a day and is disabled after four weeks.',
    sends:
      'nothing of its own: quarantine is decided inside Entra (credential failures at once; otherwise from 5,000 failures, when more than 40 % fail or there are more than 40,000 non-reference failures, with a ceiling of 60,000 including reference failures).',
    passes: 'not observable: the endpoint failures that lead to quarantine are tested under D-04, U-01 and D-15.',
  },
  'D-18': {
    section: 'D',
    title: 'Provisioning-log error codes a vendor can cause',
    level: 'informational',
    mode: 'both',
    spec: ['entra:LOGS'],
    entra: 'Used in failure messages to name the provisioning-log code an admin would see for each endpoint mistake.',
    sends:
      'nothing: this is the table of provisioning-log codes Entra writes for endpoint mistakes, e.g. `EntryConflict` for a `409`, `TooManyRequests` for a `429`, `InvalidAnchor` for a `404` on a linked object, `SystemForCrossDomainIdentityManagementServiceIncompatible` for an unparseable body, `DuplicateTargetEntries` for several matches, `Timeout` for a slow answer.',
    passes: 'not judged on its own; failure messages quote the code Entra would log.',
  },
  'D-19': {
    section: 'D',
    title: 'Concurrency and ordering',
    level: 'recommended',
    mode: 'both',
    spec: ['entra:TIME'],
    entra:
      'Read-after-write lag or a race between concurrent creates makes Entra miss a user it just created or create the same user twice.',
    sends:
      'requests for different objects in parallel (several jobs and many tenants can share one endpoint); a PATCH may follow its POST at once.',
    passes:
      'a created resource is visible at once to GET, filter and PATCH; concurrent creates of one `userName` give one `201` and one `409`, never two users.',
  },
  'D-20': {
    section: 'D',
    title: 'Tenant-URL flags and job templates',
    level: 'informational',
    mode: 'flag',
    spec: ['entra:COMPAT', 'entra:COMPAT-2020'],
    entra:
      'Profile setting: the PATCH dialect depends on the tenant-URL flag and the job template, and provision-on-demand ignores the flag, so suites test both dialects.',
    sends:
      'the dialect the tenant URL selects: `aadOptscim062020` turns on the compliant PATCH shapes (not for provision-on-demand), `AzureAdScimPatch2017` opts out, and very old `customappsso` jobs send pre-2018 shapes.',
    passes: 'not observable (tenant configuration); the suites send both dialects instead.',
  },
  'D-21': {
    section: 'D',
    title: 'Identify unsupported protocol surface quickly',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.2', 'rfc7644#section-3.7', 'rfc7644#section-3.14', 'entra:DEV', 'entra:POSTMAN'],
    entra:
      'Entra never sends PUT, /Bulk, /Me, /.search, sortBy or ETags, so an endpoint that requires any of them (such as If-Match on PATCH) fails every update.',
    sends: 'never PUT, `/Bulk`, `/Me`, `POST /.search`, `sortBy` or `If-Match` / ETags.',
    passes:
      'each is either supported (PUT applied, `POST /Bulk` answered with a BulkResponse) or refused cleanly with a SCIM error (`404`, `405` or `501`); nothing Entra needs may depend on them.',
  },
  'D-22': {
    section: 'D',
    title: 'The headers Entra sends',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.8', 'gh:MicrosoftDocs/azure-docs#94189', 'gh:MicrosoftDocs/azure-docs#12728'],
    entra:
      'Entra sends no SCIM Accept header and bodies as application/scim+json with a charset, so an endpoint that needs a JSON Accept answers Test Connection with 406 and cannot be connected.',
    sends:
      'GETs without `Accept: application/scim+json`, and request bodies with `Content-Type: application/scim+json; charset=utf-8`.',
    passes:
      'SCIM JSON whatever the `Accept` header says, or when there is none (RFC 7644 §3.8), and bodies with the charset parameter accepted. A `406` to a request without a JSON `Accept` fails.',
  },
  'D-23': {
    section: 'D',
    title: 'Answer within 60 seconds',
    level: 'required',
    mode: 'both',
    spec: ['entra:QA-1151866'],
    entra:
      'Entra waits 60 seconds for an answer, logs slower calls as timeouts and retries them in a later cycle, where a create that succeeded meets a 409.',
    sends:
      'any request; Entra waits up to 60 seconds for the answer, then logs a timeout and retries in a later cycle (a create that did succeed then meets a `409`, U-31).',
    passes: 'every answer within 60 seconds; answers slower than a few seconds are reported as a warning.',
    levels: 'REQUIRED: answers within 60 s. RECOMMENDED: answers well below the limit.',
  },
} satisfies Record<`D-${string}`, Omit<BehaviourInfo, 'id'>>;
