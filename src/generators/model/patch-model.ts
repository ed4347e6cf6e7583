/**
 * A model of RFC 7644 §3.5.2 PATCH for the operations {@link patchOperations} generates, plus the Entra readings the
 * catalog requires (op names in any case, P-01; string booleans, P-13; a value-filter path that matches nothing
 * creates the element, P-08; several operations on one filtered element fill one element, P-09).
 *
 * WARNING: this is written from the RFC and the catalog, deliberately *not* by calling the reference server's PATCH
 * engine (src/server/patch/). A bug shared by the model and the server would be invisible to the PATCH property, so
 * the model stays small, independent, and pinned by RFC-derived unit tests (tests/properties/patch-model.test.ts).
 * It covers only: add/replace/remove of single-valued attributes and of sub-attributes of a single-valued complex
 * attribute (`name.givenName`), add/replace of one sub-attribute of the elements selected by `attr[type eq "x"]`,
 * URN-qualified extension attributes, and path-less add/replace with plain, dotted and URN keys.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { parseTargetPath, type TargetPath } from '../../entra/target-path.js';

type Json = Record<string, unknown>;

/** Thrown for an operation outside the model's subset (a generator bug, not a server bug). */
export class ModelError extends Error {}

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

/** Reads a member by name, case-insensitively (RFC 7643 §2.1); returns the stored key too. */
function keyOf(object: Json, name: string): string {
  return Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
}

function holderOf(doc: Json, p: TargetPath, create: boolean): Json | undefined {
  if (!p.urn) return doc;
  const key = keyOf(doc, p.urn);
  const existing = doc[key];
  if (existing && typeof existing === 'object' && !Array.isArray(existing)) return existing as Json;
  if (!create) return undefined;
  const made: Json = {};
  doc[key] = made;
  return made;
}

/** RFC 7644 §3.5.2.1 / §3.5.2.3 for one path; `add` on a single-valued attribute replaces it. */
function setAt(doc: Json, path: string, value: unknown): void {
  const p = parseTargetPath(path);
  if (p.attribute.toLowerCase() === 'active' && !p.urn && typeof value === 'string') {
    if (!/^(true|false)$/i.test(value))
      throw new ModelError(`active can only be a boolean or "True"/"False", got ${value}`);
    value = value.toLowerCase() === 'true'; // P-13
  }
  const holder = holderOf(doc, p, true)!;
  const key = keyOf(holder, p.attribute);
  if (p.filter) {
    const list = Array.isArray(holder[key]) ? (holder[key] as Json[]) : [];
    holder[key] = list;
    const selected = list.filter((e) => lower(e[keyOf(e, p.filter!.attribute)]) === lower(p.filter!.value));
    const sub = p.sub ?? 'value';
    if (selected.length === 0) list.push({ [p.filter.attribute]: p.filter.value, [sub]: value }); // P-08
    for (const element of selected) element[keyOf(element, sub)] = value;
    return;
  }
  if (p.sub) {
    const inner = holder[key] && typeof holder[key] === 'object' ? (holder[key] as Json) : {};
    inner[keyOf(inner, p.sub)] = value;
    holder[key] = inner;
    return;
  }
  holder[key] = value;
}

/** RFC 7644 §3.5.2.2: remove the attribute (or sub-attribute); removing what is absent changes nothing. */
function removeAt(doc: Json, path: string): void {
  const p = parseTargetPath(path);
  if (p.filter) throw new ModelError(`the model does not remove inside filtered elements (${path})`);
  const holder = holderOf(doc, p, false);
  if (!holder) return;
  const key = keyOf(holder, p.attribute);
  if (!p.sub) {
    delete holder[key];
    return;
  }
  const inner = holder[key];
  if (!inner || typeof inner !== 'object') return;
  delete (inner as Json)[keyOf(inner as Json, p.sub)];
  if (Object.keys(inner).length === 0) delete holder[key];
}

/** Path-less add/replace: each key is applied as if it were the path (dotted and URN keys, P-05, P-06). */
function setPathless(doc: Json, value: unknown, extensionUrns: readonly string[]): void {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new ModelError('a path-less operation needs an object value');
  for (const [key, inner] of Object.entries(value as Json)) {
    const extension = extensionUrns.find((urn) => urn.toLowerCase() === key.toLowerCase());
    if (extension && inner && typeof inner === 'object' && !Array.isArray(inner)) {
      for (const [name, v] of Object.entries(inner as Json)) setAt(doc, `${extension}:${name}`, v);
    } else setAt(doc, key, inner);
  }
}

/**
 * Applies the operations in order to a deep copy of `resource` and returns it (RFC 7644 §3.5.2: in order, all or
 * nothing). `extensionUrns` are the schema extensions a path-less key may name as a whole.
 */
export function applyPatchModel(
  resource: Json,
  operations: ReadonlyArray<Json>,
  extensionUrns: readonly string[] = [],
): Json {
  const doc = structuredClone(resource);
  for (const operation of operations) {
    const op = String(operation.op ?? '').toLowerCase(); // P-01
    const path = typeof operation.path === 'string' ? operation.path : undefined;
    if (op === 'remove') {
      if (!path) throw new ModelError('remove needs a path (RFC 7644 §3.5.2.2)');
      removeAt(doc, path);
    } else if (op === 'add' || op === 'replace') {
      if (path) setAt(doc, path, operation.value);
      else setPathless(doc, operation.value, extensionUrns);
    } else throw new ModelError(`unknown op ${String(operation.op)}`);
  }
  return doc;
}
