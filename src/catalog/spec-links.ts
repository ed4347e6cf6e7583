/**
 * Spec anchors → links and labels. Anchors are stable strings stored in the catalog:
 * - `rfcNNNN#section-X.Y` — an IETF RFC section (RFC 7643 schema, RFC 7644 protocol, RFC 6750 bearer tokens, …);
 * - `entra:KEY` — a source key of ENTRA_SOURCES below (Microsoft Learn pages and the
 *   Microsoft or third-party GitHub material the catalog cites).
 * @see https://datatracker.ietf.org/doc/html/rfc7644
 */

interface SourceInfo {
  url: string;
  label: string;
}

const LEARN = 'https://learn.microsoft.com/en-us/entra/identity';
const REFCODE = 'https://github.com/AzureAD/SCIMReferenceCode';
const AZURE_DOCS_HISTORY = 'https://github.com/MicrosoftDocs/azure-docs/commits/main/articles/active-directory';

/** The catalog's source keys. Learn pages link to the live page; repository material links to the repository. */
export const ENTRA_SOURCES = {
  DEV: {
    url: `${LEARN}/app-provisioning/use-scim-to-provision-users-and-groups`,
    label: 'Microsoft: Develop a SCIM endpoint',
  },
  COMPAT: {
    url: `${LEARN}/app-provisioning/application-provisioning-config-problem-scim-compatibility`,
    label: 'Microsoft: Known issues with SCIM 2.0 protocol compliance',
  },
  'COMPAT-2020': {
    // The 2020 revision lives only in the history of the old azure-docs article.
    url: `${AZURE_DOCS_HISTORY}/app-provisioning/application-provisioning-config-problem-scim-compatibility.md`,
    label: 'Microsoft: SCIM 2.0 protocol compliance (2020 revision)',
  },
  ATTR: {
    url: `${LEARN}/app-provisioning/customize-application-attributes`,
    label: 'Microsoft: Customize attribute mappings',
  },
  HOW: {
    url: `${LEARN}/app-provisioning/how-provisioning-works`,
    label: 'Microsoft: How application provisioning works',
  },
  QUAR: {
    url: `${LEARN}/app-provisioning/application-provisioning-quarantine-status`,
    label: 'Microsoft: Application provisioning in quarantine status',
  },
  KNOWN: {
    url: `${LEARN}/app-provisioning/known-issues`,
    label: 'Microsoft: Known issues for provisioning',
  },
  LOGS: {
    url: `${LEARN}/monitoring-health/howto-analyze-provisioning-logs`,
    label: 'Microsoft: Analyze provisioning logs (error codes)',
  },
  TIME: {
    url: `${LEARN}/app-provisioning/application-provisioning-when-will-provisioning-finish-specific-user`,
    label: 'Microsoft: Check the status of user provisioning',
  },
  POD: {
    url: `${LEARN}/app-provisioning/provision-on-demand`,
    label: 'Microsoft: On-demand provisioning',
  },
  VALDOC: {
    url: `${LEARN}/app-provisioning/scim-validator-tutorial`,
    label: 'Microsoft: Validate a SCIM endpoint (SCIM Validator)',
  },
  LEGACY: {
    url: `${AZURE_DOCS_HISTORY}/active-directory-scim-provisioning.md`,
    label: 'Microsoft: Using SCIM to enable automatic provisioning (2016–2018 page)',
  },
  POSTMAN: {
    url: `${REFCODE}/blob/HEAD/PostmanCollection.json`,
    label: 'Microsoft SCIMReferenceCode: Postman collection',
  },
  GALLERY: {
    url: `${REFCODE}/tree/HEAD/Microsoft.SCIM.LogicAppValidationTemplate`,
    label: 'Microsoft: gallery validation Logic App (SCIMReferenceCode)',
  },
  CHECKLIST: {
    url: `${REFCODE}/blob/HEAD/Entra-AppGallery-AI-Validation-Checklist.md`,
    label: 'Microsoft: Entra app gallery validation checklist',
  },
  VALRUNS: {
    url: 'https://github.com/miiitch/EzSCIM/tree/HEAD/docs/scim-test-results',
    label: 'SCIM Validator result files (miiitch/EzSCIM, pranems/SCIMServer)',
  },
  VALNOTES: {
    url: 'https://github.com/pranems/SCIMServer/tree/HEAD/docs',
    label: 'SCIM Validator analysis notes (pranems/SCIMServer)',
  },
  DISCOVERY: {
    url: `${LEARN}/app-provisioning/how-to-account-discovery`,
    label: 'Microsoft: Account Discovery (preview)',
  },
  'QA-1151866': {
    url: 'https://learn.microsoft.com/en-us/answers/questions/1151866',
    label: 'Microsoft Q&A 1151866: SCIM responses within 60 seconds',
  },
} as const satisfies Record<string, SourceInfo>;

export type EntraSourceKey = keyof typeof ENTRA_SOURCES;

const RFC_ANCHOR = /^rfc(\d{3,5})#section-(\d+(?:\.\d+)*)$/;
/** A GitHub issue or pull request the catalog cites as evidence: `gh:owner/repo#123`. */
const GITHUB_ANCHOR = /^gh:([\w.-]+\/[\w.-]+)#(\d+)$/;
const ENTRA_ANCHOR = /^entra:([A-Z0-9-]+)$/;

function entraSource(anchor: string): SourceInfo | undefined {
  const key = ENTRA_ANCHOR.exec(anchor)?.[1];
  if (key === undefined || !Object.prototype.hasOwnProperty.call(ENTRA_SOURCES, key)) return undefined;
  return ENTRA_SOURCES[key as EntraSourceKey];
}

/** True when `anchor` is a well-formed RFC anchor or a known `entra:` source key. */
export function isSpecAnchor(anchor: string): boolean {
  return RFC_ANCHOR.test(anchor) || GITHUB_ANCHOR.test(anchor) || entraSource(anchor) !== undefined;
}

/**
 * The URL of a spec anchor: `rfc7644#section-3.5.2.3` → https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2.3,
 * `entra:DEV` → the Microsoft Learn page. Throws on an anchor it cannot resolve, so a typo fails the catalog test.
 */
export function specUrl(anchor: string): string {
  const rfc = RFC_ANCHOR.exec(anchor);
  if (rfc) return `https://datatracker.ietf.org/doc/html/rfc${rfc[1]}#section-${rfc[2]}`;
  const gh = GITHUB_ANCHOR.exec(anchor);
  if (gh) return `https://github.com/${gh[1]}/issues/${gh[2]}`;
  const source = entraSource(anchor);
  if (source) return source.url;
  throw new Error(
    `Unknown spec anchor "${anchor}": expected rfcNNNN#section-X.Y, gh:owner/repo#N or entra:<source key>.`,
  );
}

/** A short human label: `rfc7644#section-3.5.2.3` → "RFC 7644 §3.5.2.3", `entra:DEV` → "Microsoft: Develop a SCIM endpoint". */
export function specLabel(anchor: string): string {
  const rfc = RFC_ANCHOR.exec(anchor);
  if (rfc) return `RFC ${rfc[1]} §${rfc[2]}`;
  const gh = GITHUB_ANCHOR.exec(anchor);
  if (gh) return `${gh[1]}#${gh[2]}`;
  const source = entraSource(anchor);
  if (source) return source.label;
  throw new Error(
    `Unknown spec anchor "${anchor}": expected rfcNNNN#section-X.Y, gh:owner/repo#N or entra:<source key>.`,
  );
}
