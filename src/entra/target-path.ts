/**
 * The SCIM target paths Entra writes in an attribute mapping, split into their parts, and the kind of PATCH Entra
 * sends for each (catalog §4, §7): `title` (simple), `name.givenName` (complex sub-attribute),
 * `emails[type eq "work"].value` and `roles[primary eq "True"].value` (multi-valued with a value filter),
 * `urn:…:User:department` (extension), `urn:…:enterprise:2.0:User:manager` and `members` (references).
 * One parser for the profile checks, the reference server, the generators and the suites (tests/unit/entra).
 */
import { URN } from '../scim/urns.js';

export type MappingKind = 'simple' | 'complex' | 'multi' | 'extension' | 'reference' | 'boolean';

/** One mapping target: attribute, optional `[attr eq value]` filter, optional sub-attribute. */
export interface TargetPath {
  /** Extension URN when the path is URN-qualified (`urn:…:2.0:User:attr`), else undefined (core schema). */
  urn?: string;
  attribute: string;
  /** `[type eq "work"]` → { attribute: "type", value: "work" }; `[primary eq true]` → { …, value: true }. */
  filter?: { attribute: string; value: string | boolean };
  sub?: string;
}

const ATTR = '[A-Za-z_$][\\w$-]*';
/** `attr`, `attr[filterAttr eq "value"|true|false]`, optionally `.sub`; the filter attribute may be dotted. */
const PATH = new RegExp(
  `^(${ATTR})(?:\\[\\s*(${ATTR}(?:\\.${ATTR})*)\\s+eq\\s+("(?:[^"\\\\]|\\\\.)*"|true|false)\\s*\\])?(?:\\.(${ATTR}))?$`,
  'i',
);

/**
 * Parses a target path; undefined when it is not a path Entra can write. The URN is the part before the last `:`
 * that precedes the attribute (a URN contains dots, e.g. `2.0`, and colons).
 */
export function parseProfileTarget(path: string): TargetPath | undefined {
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
  const [, attribute = '', filterAttr, filterValue = '', sub] = match;
  return {
    attribute,
    ...(urn ? { urn } : {}),
    ...(filterAttr ? { filter: { attribute: filterAttr, value: filterValueOf(filterValue) } } : {}),
    ...(sub ? { sub } : {}),
  };
}

/** Like parseProfileTarget, for a path a test chose itself: one that does not parse is a bug of the test. */
export function parseTargetPath(path: string): TargetPath {
  const parsed = parseProfileTarget(path);
  if (!parsed) throw new Error(`unsupported attribute path in a test: ${path}`);
  return parsed;
}

function filterValueOf(text: string): string | boolean {
  if (text.startsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  return text.toLowerCase() === 'true';
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

/** `urn:…:enterprise:2.0:User:<attr>`, the path Entra uses for enterprise attributes (X-03). */
export function enterprisePath(attribute: string): string {
  return `${URN.EnterpriseUser}:${attribute}`;
}

/**
 * The container a target's value lives in: its extension (the URN), else by `by`:
 * - 'post': its complex or multi-valued attribute (`name`, `emails`), every core top-level attribute in '(core)':
 *   the attributes one created user carries together (src/harness/profile-tests.ts attributeGroups);
 * - 'element': the element (`emails[type=work]`), a core top-level attribute alone: the attributes a PATCH of this
 *   one must leave alone beside it.
 */
export function containerKey(target: string, by: 'post' | 'element'): string {
  const p = parseProfileTarget(target);
  if (!p) return target;
  if (p.urn) return p.urn.toLowerCase();
  if (by === 'post') return p.filter || p.sub ? p.attribute.toLowerCase() : '(core)';
  return `${p.attribute}[${p.filter ? `${p.filter.attribute}=${String(p.filter.value)}` : ''}]`.toLowerCase();
}
