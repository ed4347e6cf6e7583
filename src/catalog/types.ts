/**
 * Behaviours as data: every id of the behaviour catalog with what a report, `scim-conformance explain <id>` and
 * docs/behaviours.md need to explain it. Suites refer to behaviours by id only; titles, levels and spec links come
 * from here. The catalog belongs to this package: docs/behaviours.md is generated from it.
 */

/** Catalog sections: U users, F filters, P PATCH, G groups, D discovery/auth/errors, X extensions. */
export type Section = 'U' | 'F' | 'P' | 'G' | 'D' | 'X';

/**
 * How much a behaviour matters, from the catalog's "Level" line.
 * - required: Entra fails, duplicates, loops or quarantines when it is wrong.
 * - recommended: RFC 7643/7644 or Microsoft guidance; Entra tolerates a deviation.
 * - gallery: checked by Microsoft before an app is listed in the gallery.
 * - validator: only Microsoft's SCIM Validator checks it.
 * - informational: context; not a pass/fail behaviour on its own.
 */
export type Level = 'required' | 'recommended' | 'gallery' | 'validator' | 'informational';

/**
 * Which Entra client behaviour a catalog entry describes:
 * - default: the `scim` job of a custom app without a flag in the tenant URL (what most tenants send);
 * - flag: the tenant URL carries `aadOptscim062020` (the SCIM-compliant PATCH dialect);
 * - both: the same in both; legacy: pre-2018 `customappsso` jobs;
 * - validator: Microsoft's SCIM Validator; gallery: Microsoft's gallery-onboarding tests.
 */
export type Mode = 'default' | 'flag' | 'both' | 'legacy' | 'validator' | 'gallery';

export interface BehaviourInfo {
  id: string;
  section: Section;
  /** Short title, as in the catalog heading. */
  title: string;
  level: Level;
  mode: Mode;
  /** Stable spec anchors, e.g. "rfc7644#section-3.4.2.2", "entra:DEV", "entra:COMPAT". */
  spec: string[];
  /** What Entra does when an endpoint gets this wrong, in one sentence for QA. */
  entra: string;
  /**
   * The requests behind the behaviour, in short: what Entra sends (or, where Entra sends nothing, which tool or
   * probe does), with exact paths and bodies in backticks, e.g. `GET /Users?filter=userName+eq+%22…%22`.
   */
  sends: string;
  /**
   * Which answers pass, as the suites judge them: never stricter than both the RFC and Entra (an answer RFC
   * 7643/7644 allows and Entra copes with passes), e.g. D-04 "`401`; … may answer `400` or `401` (RFC 6750 §3.1)".
   */
  passes: string;
  /**
   * Only for an entry whose parts are judged at different levels: each level with what it covers, e.g.
   * "REQUIRED: an exact duplicate answers 409. RECOMMENDED: …". `level` is the highest of them.
   */
  levels?: string;
}
