/**
 * Behaviours that cannot be checked from outside by sending requests to an endpoint: Entra-side logic, test-design
 * context, or Microsoft processes that need a real tenant or a gallery review. Suites do not test these ids;
 * `scim-conformance explain <id>` and docs/behaviours.md give the reason ("Not tested") instead of a pass or fail.
 *
 * Conservative on purpose: an id whose consequence can be observed by any request (even partly, such as D-02's TLS
 * version and certificate chain, D-15's 5xx/timeouts, or D-14's 429 format) is NOT listed here; the suites test it.
 */
import type { BehaviourId } from './behaviours.js';

export const UNOBSERVABLE: Partial<Record<BehaviourId, string>> = {
  'U-17':
    'Describes when Entra chooses to disable (PATCH active=false) or DELETE a user; that choice is Entra-side logic, and the endpoint sides of it are tested as U-14/U-15 and U-18.',
  'U-24':
    'Says Entra never sends a groups attribute on users; it describes Entra traffic, and the endpoint has nothing to do (returning groups is fine).',
  'U-26':
    'Lists attributes Entra never sends (entitlements, photos, passwords, repeated type values); it constrains test data, not endpoint behaviour.',
  'U-29':
    'Describes how Entra rewrites B2B guest UPNs before provisioning; it only shapes test data (userName values that look like external e-mail addresses).',
  'G-19':
    'Covers Entra-side scoping (members provisioned first, out-of-scope members skipped, no nested groups, at most 5 members per on-demand call); the endpoint plays no part.',
  'D-05':
    'The Entra-issued JWT (sts.windows.net issuer, audience 8adf8e6e-…) is only minted by a real tenant with an empty Secret Token field, so it cannot be produced from outside.',
  'D-06':
    "Gallery OAuth (client-credentials grant, secret and token lifetimes) involves the vendor's token endpoint, per-customer credentials and Microsoft's gallery review, none of which is the SCIM endpoint this tool calls with a given token.",
  'D-16':
    "The escrow retry schedule (about 6 h, 12 h, 24 h, then daily for 28 days) is Entra's own back-off for failed objects; no request to the endpoint can show it.",
  'D-17':
    "Quarantine thresholds and consequences are evaluated inside Entra's provisioning service; the endpoint failures that trigger it are tested under D-04, U-01 and D-15.",
  'D-18':
    'A table of provisioning-log codes that Entra writes for endpoint mistakes; the suites quote it in failure messages, but the log lives in the tenant.',
  'D-20':
    'Tenant-URL flags and job templates are tenant configuration, and the flag is not known to reach the endpoint; suites test both dialects instead (P-01…P-05, G-07/G-08, G-10/G-11).',
  'X-13':
    'Legacy dot-notation extension paths are sent only by pre-2018 customappsso jobs, and the catalog accepts either answer (tolerant mapping or 400 invalidPath), so no response can fail it.',
};
