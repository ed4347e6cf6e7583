/**
 * Behaviours as data: every id of ../shared/entra-behaviours.md (copied into the catalog module) with what a
 * report needs to explain it. Suites refer to behaviours by id only; titles, levels and spec links come from here.
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

/** Which Entra client behaviour a catalog entry describes (catalog §0 "Mode"). */
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
}
