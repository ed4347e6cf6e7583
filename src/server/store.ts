/**
 * In-memory store of the reference server: resources by resource type and id.
 *
 * - ids are server-assigned UUIDs and never change (RFC 7643 §3.1; catalog P-15, M-11).
 * - meta carries resourceType, created, lastModified and a weak version `W/"n"` (RFC 7643 §3.1, RFC 7644
 *   §3.14). meta.location depends on the URL a client used to reach the server, so it is added when a
 *   resource is rendered (see render.ts), not stored.
 * - uniqueness is enforced per resource type on the attributes given by the caller (userName, and Group
 *   displayName per catalog G-04), case-insensitively unless caseExact, on create and on every update.
 * - every operation is synchronous, so two concurrent creates of one userName give one 201 and one 409
 *   (catalog D-19).
 * - deleting a resource removes its id from every other resource's `members` (catalog G-21).
 * Callers get deep copies; nothing outside this file can mutate stored state.
 */
import { randomUUID } from 'node:crypto';
import { ScimError } from '../scim/errors.js';
import type { JsonObject, JsonValue } from '../scim/schema-types.js';

export interface UniqueAttribute {
  /** Top-level attribute name as stored (canonical case). */
  name: string;
  caseExact: boolean;
}

export interface StoreOptions {
  /** Per resource type name (e.g. "User"), the attributes whose values must be unique. */
  unique: Record<string, UniqueAttribute[]>;
  now: () => Date;
}

interface Entry {
  data: JsonObject;
  version: number;
}

export class ResourceStore {
  private readonly byType = new Map<string, Map<string, Entry>>();

  constructor(private readonly options: StoreOptions) {}

  /** Number of stored resources of a type, e.g. count('User'). */
  count(resourceType: string): number {
    return this.table(resourceType).size;
  }

  /** All resources of a type in creation order (gives stable pagination, RFC 7644 §3.4.2.4). */
  list(resourceType: string): JsonObject[] {
    return [...this.table(resourceType).values()].map((entry) => structuredClone(entry.data));
  }

  get(resourceType: string, id: string): JsonObject | undefined {
    const entry = this.table(resourceType).get(id);
    return entry ? structuredClone(entry.data) : undefined;
  }

  /** Stores a new resource; `id` and `meta` in `data` are ignored and assigned here. */
  create(resourceType: string, data: JsonObject): JsonObject {
    const id = randomUUID();
    const stamp = this.options.now().toISOString();
    const record = withId(data, id);
    this.assertUnique(resourceType, record, undefined);
    const entry: Entry = { data: record, version: 1 };
    record.meta = { resourceType, created: stamp, lastModified: stamp, version: weakTag(1) };
    this.table(resourceType).set(id, entry);
    return structuredClone(record);
  }

  /** Replaces the stored state of an existing resource; id and meta.created are kept. */
  replace(resourceType: string, id: string, data: JsonObject): JsonObject {
    const entry = this.table(resourceType).get(id);
    if (!entry) throw notFound(resourceType, id);
    const record = withId(data, id);
    this.assertUnique(resourceType, record, id);
    this.touch(entry, record, resourceType);
    return structuredClone(entry.data);
  }

  /** Removes a resource and every membership that points at it. Returns false when it did not exist. */
  delete(resourceType: string, id: string): boolean {
    if (!this.table(resourceType).delete(id)) return false;
    for (const [type, table] of this.byType) {
      for (const entry of table.values()) {
        const members = entry.data.members;
        if (!Array.isArray(members)) continue;
        const kept = members.filter((member) => !isMemberWithId(member, id));
        if (kept.length === members.length) continue;
        const next = { ...entry.data };
        if (kept.length > 0) next.members = kept;
        else delete next.members;
        this.touch(entry, next, type);
      }
    }
    return true;
  }

  /** Empties the store (tests). */
  clear(): void {
    this.byType.clear();
  }

  private table(resourceType: string): Map<string, Entry> {
    let table = this.byType.get(resourceType);
    if (!table) {
      table = new Map();
      this.byType.set(resourceType, table);
    }
    return table;
  }

  /** New state with a new version; lastModified strictly advances even within one millisecond (P-15). */
  private touch(entry: Entry, record: JsonObject, resourceType: string): void {
    const previous = entry.data.meta as JsonObject;
    const prevModified = Date.parse(String(previous.lastModified));
    let now = this.options.now().getTime();
    if (!(now > prevModified)) now = prevModified + 1;
    entry.version += 1;
    record.meta = {
      resourceType,
      ...(previous.created === undefined ? {} : { created: previous.created }),
      lastModified: new Date(now).toISOString(),
      version: weakTag(entry.version),
    };
    entry.data = record;
  }

  private assertUnique(resourceType: string, record: JsonObject, selfId: string | undefined): void {
    for (const rule of this.options.unique[resourceType] ?? []) {
      const value = record[rule.name];
      if (typeof value !== 'string') continue;
      const wanted = rule.caseExact ? value : value.toLowerCase();
      for (const [id, entry] of this.table(resourceType)) {
        if (id === selfId) continue;
        const other = entry.data[rule.name];
        if (typeof other !== 'string') continue;
        if ((rule.caseExact ? other : other.toLowerCase()) === wanted) {
          throw new ScimError(
            409,
            'uniqueness',
            `A ${resourceType} with ${rule.name} "${value}" already exists (id ${id}); ${rule.name} is compared ${
              rule.caseExact ? 'case-sensitively' : 'case-insensitively'
            }.`,
          );
        }
      }
    }
  }
}

/** A copy of `data` with `schemas` first, then `id` (readability of responses only), and no stale meta. */
function withId(data: JsonObject, id: string): JsonObject {
  const { schemas, id: _id, meta: _meta, ...rest } = structuredClone(data);
  return schemas === undefined ? { id, ...rest } : { schemas, id, ...rest };
}

export function weakTag(version: number): string {
  return `W/"${version}"`;
}

export function notFound(resourceType: string, id: string): ScimError {
  return new ScimError(404, undefined, `${resourceType} ${id} not found.`);
}

function isMemberWithId(member: JsonValue, id: string): boolean {
  return typeof member === 'object' && member !== null && !Array.isArray(member) && member.value === id;
}
