/**
 * Query parameters of a list request (RFC 7644 §3.4.2) and of a SearchRequest body (RFC 7644 §3.4.3),
 * and the filtering, sorting and paging they ask for.
 *
 * Paging (RFC 7644 §3.4.2.4; catalog U-23, M-30): startIndex is 1-based and a value below 1 means 1; count
 * below 0 means 0; a count above maxResults (or no count) is served as maxResults, so large results are paged
 * rather than refused with tooMany. totalResults counts every match, not the page.
 */
import { ScimError } from '../scim/errors.js';
import type { JsonObject, JsonValue } from '../scim/schema-types.js';
import { URN } from '../scim/urns.js';
import { parseAttributeList } from './projection.js';
import { isObject } from './resource-input.js';
import { findKey, type SchemaIndex } from './schema-index.js';

export interface ListQuery {
  filter?: string;
  startIndex: number;
  /** Requested page size before capping; undefined when the client sent none. */
  count?: number;
  sortBy?: string;
  sortOrder: 'ascending' | 'descending';
  attributes?: string[];
  excludedAttributes?: string[];
}

function parseInteger(name: string, raw: string | number | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  if (!/^[+-]?\d+$/.test(text)) {
    throw new ScimError(400, 'invalidValue', `Query parameter "${name}" must be an integer; got "${raw}".`);
  }
  return Number(text);
}

function parseSortOrder(raw: string | undefined): 'ascending' | 'descending' {
  if (raw === undefined || raw === '') return 'ascending';
  const lower = raw.toLowerCase();
  if (lower === 'ascending' || lower === 'descending') return lower;
  throw new ScimError(400, 'invalidValue', `sortOrder must be "ascending" or "descending"; got "${raw}".`);
}

function build(get: (name: string) => string | number | undefined): ListQuery {
  const text = (name: string): string | undefined => {
    const value = get(name);
    return value === undefined ? undefined : String(value);
  };
  const startIndex = parseInteger('startIndex', get('startIndex'));
  return {
    filter: text('filter'),
    startIndex: startIndex === undefined || startIndex < 1 ? 1 : startIndex,
    count: parseInteger('count', get('count')),
    sortBy: text('sortBy') || undefined,
    sortOrder: parseSortOrder(text('sortOrder')),
    attributes: parseAttributeList(text('attributes')),
    excludedAttributes: parseAttributeList(text('excludedAttributes')),
  };
}

/**
 * From the query string. Parameter names are matched case-insensitively and in any order (catalog F-02);
 * unknown parameters are ignored (U-22). URLSearchParams has already decoded `+` as a space.
 */
export function queryFromParams(params: URLSearchParams): ListQuery {
  const lowered = new Map<string, string>();
  for (const [name, value] of params) if (!lowered.has(name.toLowerCase())) lowered.set(name.toLowerCase(), value);
  return build((name) => lowered.get(name.toLowerCase()));
}

/** From a POST /.search body (RFC 7644 §3.4.3); attributes may be arrays or comma-separated strings. */
export function queryFromSearchRequest(body: unknown): ListQuery {
  if (!isObject(body)) throw new ScimError(400, 'invalidSyntax', 'A SearchRequest body must be a JSON object.');
  const schemas = body.schemas;
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === URN.SearchRequest.toLowerCase())
  ) {
    throw new ScimError(400, 'invalidSyntax', `A SearchRequest body must list "${URN.SearchRequest}" in schemas.`);
  }
  const get = (name: string): string | number | undefined => {
    const key = findKey(body, name);
    const value = key === undefined ? undefined : body[key];
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value)) return value.map(String).join(',');
    if (typeof value === 'string' || typeof value === 'number') return value;
    throw new ScimError(400, 'invalidValue', `SearchRequest "${name}" has an invalid value.`);
  };
  return build(get);
}

export interface ListPage {
  totalResults: number;
  resources: JsonObject[];
}

/** Sorts and pages `matches` (already filtered, in creation order). */
export function runList(matches: JsonObject[], query: ListQuery, maxResults: number, index: SchemaIndex): ListPage {
  if (query.sortBy) sortResources(matches, query.sortBy, query.sortOrder, index);
  const requested = query.count === undefined ? maxResults : Math.max(0, query.count);
  const size = Math.min(requested, maxResults);
  const start = query.startIndex - 1;
  return { totalResults: matches.length, resources: matches.slice(start, start + size) };
}

/** The ListResponse message (RFC 7644 §3.4.2; catalog F-07). `Resources` is always present, [] when empty. */
export function listResponse(totalResults: number, startIndex: number, resources: JsonObject[]): JsonObject {
  return {
    schemas: [URN.ListResponse],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

/**
 * sortBy (RFC 7644 §3.4.2.3): string values compare case-insensitively unless caseExact; for a multi-valued
 * attribute the primary value (or the first) is used; resources without a value sort last when ascending.
 */
function sortResources(
  resources: JsonObject[],
  sortBy: string,
  order: 'ascending' | 'descending',
  index: SchemaIndex,
): void {
  const split = index.split(sortBy);
  const def = split.attribute ? index.attribute(split.attribute, split.urn) : undefined;
  const subDef = split.sub
    ? def?.subAttributes?.find((s) => s.name.toLowerCase() === split.sub?.toLowerCase())
    : undefined;
  const caseExact = (subDef ?? def)?.caseExact ?? false;
  const key = (resource: JsonObject): string | number | boolean | undefined => {
    let holder: JsonValue | undefined = resource;
    if (!index.isCore(split.urn)) {
      const urnKey = findKey(resource, split.urn as string);
      holder = urnKey === undefined ? undefined : resource[urnKey];
    }
    let value = pick(holder, split.attribute);
    // A multi-valued attribute without a sub-attribute sorts by its (primary) `value` (RFC 7644 §3.4.2.3).
    if (split.sub || Array.isArray(value)) value = pick(value, split.sub ?? 'value');
    if (typeof value === 'string') return caseExact ? value : value.toLowerCase();
    return typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
  };
  const keyed = resources.map((resource, position) => ({ resource, position, key: key(resource) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      if (a.key === b.key) return a.position - b.position;
      return a.key === undefined ? 1 : -1;
    }
    const cmp = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return (order === 'ascending' ? cmp : -cmp) || a.position - b.position;
  });
  keyed.forEach((entry, i) => (resources[i] = entry.resource));
}

function pick(value: JsonValue | undefined, name: string): JsonValue | undefined {
  if (Array.isArray(value)) {
    const primary = value.find((v) => isObject(v) && v.primary === true) ?? value[0];
    return pick(primary, name);
  }
  if (!isObject(value)) return undefined;
  const key = findKey(value, name);
  return key === undefined ? undefined : value[key];
}
