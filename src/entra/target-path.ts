/**
 * The SCIM target paths Entra writes in an attribute mapping, split into their parts, and the kind of PATCH Entra
 * sends for each (catalog §4, §7): `title` (simple), `name.givenName` (complex sub-attribute),
 * `emails[type eq "work"].value` (multi-valued with a type filter), `urn:…:User:department` (extension),
 * `urn:…:enterprise:2.0:User:manager` and `members` (references).
 */
import { URN } from '../scim/urns.js';

export type MappingKind = 'simple' | 'complex' | 'multi' | 'extension' | 'reference' | 'boolean';

export interface ProfileTargetPath {
  /** Extension URN when the path is URN-qualified (`urn:…:2.0:User:attr`), else undefined (core schema). */
  urn?: string;
  attribute: string;
  /** `[type eq "work"]` → { attribute: "type", value: "work" }. */
  filter?: { attribute: string; value: string };
  sub?: string;
}

const ATTR = '[A-Za-z_$][\\w$-]*';
const PATH = new RegExp(`^(${ATTR})(?:\\[\\s*(${ATTR})\\s+eq\\s+"([^"\\\\]*)"\\s*\\])?(?:\\.(${ATTR}))?$`, 'i');

/** Parses a target path; undefined when it is not a path Entra can write. */
export function parseProfileTarget(path: string): ProfileTargetPath | undefined {
  let rest = path.trim();
  let urn: string | undefined;
  if (/^urn:/i.test(rest)) {
    const bracket = rest.indexOf('[');
    const head = bracket >= 0 ? rest.slice(0, bracket) : rest;
    const cut = head.lastIndexOf(':');
    if (cut <= 4) return undefined;
    urn = rest.slice(0, cut);
    rest = rest.slice(cut + 1);
  }
  const match = PATH.exec(rest);
  if (!match) return undefined;
  const [, attribute, filterAttr, filterValue, sub] = match;
  return {
    attribute: attribute!,
    ...(urn ? { urn } : {}),
    ...(filterAttr ? { filter: { attribute: filterAttr, value: filterValue! } } : {}),
    ...(sub ? { sub } : {}),
  };
}

/** How Entra PATCHes a mapped attribute, from its target path and type. */
export function mappingKind(target: string, type: string): MappingKind {
  const p = parseProfileTarget(target);
  // manager and members carry ids of other resources; other reference-typed attributes (profileUrl) are URI strings.
  if (/^(manager|members)$/i.test(p?.attribute ?? '') && !p?.sub) return 'reference';
  if (type === 'boolean') return 'boolean';
  if (!p) return 'simple';
  if (p.urn && p.urn.toLowerCase() !== URN.User.toLowerCase()) return 'extension';
  if (p.filter) return 'multi';
  if (p.sub) return 'complex';
  return 'simple';
}

/** True when the URN is the enterprise User extension (RFC 7643 §4.3). */
export function isEnterprise(urn: string | undefined): boolean {
  return urn !== undefined && urn.toLowerCase() === URN.EnterpriseUser.toLowerCase();
}
