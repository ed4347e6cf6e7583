/**
 * Reading what a server stored the way Entra reads it: attribute names are case-insensitive (RFC 7643 §2.1), a
 * mapping target is followed through its URN, value filter and sub-attribute (src/entra/target-path.ts).
 */
import { parseTargetPath, type TargetPath } from './target-path.js';

type Json = Record<string, unknown>;

/** The member of `object` named `name`, compared case-insensitively (RFC 7643 §2.1). */
export function memberCI(object: unknown, name: string): unknown {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return undefined;
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : (object as Json)[key];
}

/** A filter value as Entra compares it: `primary eq "True"` matches a boolean primary, types case-insensitively (P-10). */
export function sameFilterValue(actual: unknown, wanted: string | boolean): boolean {
  const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : typeof v === 'boolean' ? String(v) : v);
  return norm(actual) === norm(typeof wanted === 'boolean' ? String(wanted) : wanted);
}

/** The object that holds a path's attribute: the resource itself or its extension object. */
function container(resource: unknown, urn: string | undefined): unknown {
  return urn ? memberCI(resource, urn) : resource;
}

/** Elements of a multi-valued attribute whose filter attribute matches (e.g. every `type: "work"` email). */
export function matchingElements(resource: unknown, path: string | TargetPath): Json[] {
  const p = typeof path === 'string' ? parseTargetPath(path) : path;
  const list = memberCI(container(resource, p.urn), p.attribute);
  if (!Array.isArray(list)) return [];
  const elements = list.filter((e): e is Json => !!e && typeof e === 'object');
  return p.filter
    ? elements.filter((e) => sameFilterValue(memberCI(e, p.filter!.attribute), p.filter!.value))
    : elements;
}

/**
 * What the server stored at a mapping target, read case-insensitively; undefined when absent. For a value-filter
 * path the first matching element is read (Entra's types are unique, U-26).
 */
export function storedValue(resource: unknown, path: string): unknown {
  const p = parseTargetPath(path);
  if (p.filter) {
    const [element] = matchingElements(resource, p);
    return element === undefined ? undefined : p.sub ? memberCI(element, p.sub) : element;
  }
  const value = memberCI(container(resource, p.urn), p.attribute);
  return p.sub ? memberCI(value, p.sub) : value;
}

/**
 * True when a userName read back is the one sent, up to case: userName is caseExact=false and RFC 7643 §7 lets the
 * server alter its case (catalog §0.1 U-12, U-21: the exact case is judged by recommended tests only).
 */
export function sameUserName(got: unknown, sent: string): boolean {
  return typeof got === 'string' && got.toLowerCase() === sent.toLowerCase();
}

/** True when a cleared attribute reads as cleared: absent, null, "" or an empty array (U-27, X-08). */
export function isCleared(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
