/**
 * Applies a PatchOp body to a resource: pure (works on a deep copy), atomic (the first error throws and
 * nothing is returned), operations in order (RFC 7644 §3.5.2, catalog P-04, P-12, G-13).
 *
 * Path-less add/replace (§3.5.2.1, §3.5.2.3) takes a value object whose keys may be plain names, dotted
 * names (`name.givenName`, catalog P-05/P-06), fully qualified extension attribute names
 * (`urn:…:enterprise:2.0:User:employeeNumber`, X-04) or an extension URN whose value is an object that is
 * merged. Each key is applied exactly like an operation with that key as its path.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { findExtensionSchema } from '../../scim/attribute-path.js';
import { ScimError } from '../../scim/errors.js';
import type { JsonObject, JsonValue, ResourceTypeDefinition } from '../../scim/schema-types.js';
import { isJsonObject, isPresent } from '../filter/resource-values.js';
import { isClearing } from './coerce.js';
import { clone, deepEqual, erase, read } from './document.js';
import { readOperations, type PatchOperation } from './envelope.js';
import { parsePatchPath, type PatchTarget } from './path.js';
import { removeAttribute } from './remove-value.js';
import { normalizeSchemas } from './schemas.js';
import { setAttribute } from './set-value.js';

export interface PatchOptions {
  /**
   * When given, `meta.lastModified` is set to `now().toISOString()` if the patch changed the resource.
   * Without it, `meta` is left exactly as it was and the caller (the server) maintains it.
   */
  now?: () => Date;
}

interface Context {
  rt: ResourceTypeDefinition;
  /** Extension URNs whose data an operation touched, for `schemas` upkeep. */
  touched: Set<string>;
}

function applyAtTarget(
  doc: JsonObject,
  target: PatchTarget,
  op: PatchOperation['op'],
  value: JsonValue | undefined,
  ctx: Context,
): void {
  if (target.kind === 'extension') {
    ctx.touched.add(target.schema.id);
    if (op === 'remove' || isClearing(value)) return erase(doc, target.schema.id);
    if (!isJsonObject(value)) {
      throw new ScimError(
        400,
        'invalidValue',
        `Failed to apply PATCH value for "${target.path}": an extension must be given as an object of its attributes.`,
      );
    }
    for (const [key, inner] of Object.entries(value)) {
      applyAtTarget(doc, parsePatchPath(`${target.schema.id}:${key}`, ctx.rt), op, inner, ctx);
    }
    return;
  }
  if (target.isExtension) ctx.touched.add(target.schemaUrn);
  if (op === 'remove') return removeAttribute(doc, target, value);
  setAttribute(doc, target, op, value ?? null);
}

function applyWithoutPath(doc: JsonObject, operation: PatchOperation, ctx: Context): void {
  if (operation.op === 'remove') {
    throw new ScimError(
      400,
      'noTarget',
      `Failed to apply PATCH operation ${operation.index}: "remove" needs a "path" (RFC 7644 §3.5.2.2).`,
    );
  }
  if (!isJsonObject(operation.value)) {
    throw new ScimError(
      400,
      'invalidSyntax',
      `Failed to apply PATCH operation ${operation.index}: without a "path", "value" must be an object of attributes.`,
    );
  }
  for (const [key, value] of Object.entries(operation.value)) {
    if (key.toLowerCase() === 'schemas') continue; // the resource's schemas are derived, not written
    const extension = findExtensionSchema(ctx.rt, key);
    const target: PatchTarget = extension
      ? { kind: 'extension', path: key, schema: extension }
      : parsePatchPath(key, ctx.rt);
    applyAtTarget(doc, target, operation.op, value, ctx);
  }
}

/** Required attributes present before the patch must still be present after it (RFC 7644 §3.5.2.2). */
function assertRequiredKept(before: JsonObject, after: JsonObject, rt: ResourceTypeDefinition): void {
  for (const attribute of rt.schema.attributes) {
    if (attribute.required && isPresent(read(before, attribute.name)) && !isPresent(read(after, attribute.name))) {
      throw new ScimError(
        400,
        'mutability',
        `Failed to apply PATCH: "${attribute.name}" is required and cannot be removed or emptied.`,
      );
    }
  }
}

/**
 * Applies `body` (a PatchOp message) to `resource` and returns the new resource; `resource` is not modified.
 * Throws `ScimError` (400 invalidSyntax / invalidPath / invalidFilter / invalidValue / mutability / noTarget).
 */
export function applyPatch(
  resource: JsonObject,
  body: unknown,
  rt: ResourceTypeDefinition,
  opts: PatchOptions = {},
): JsonObject {
  const operations = readOperations(body);
  const doc = clone(resource);
  const ctx: Context = { rt, touched: new Set() };
  for (const operation of operations) {
    if (operation.path === undefined) applyWithoutPath(doc, operation, ctx);
    else applyAtTarget(doc, parsePatchPath(operation.path, rt), operation.op, operation.value, ctx);
  }
  assertRequiredKept(resource, doc, rt);
  normalizeSchemas(doc, rt, ctx.touched);
  if (opts.now && !deepEqual(resource, doc)) {
    const meta = isJsonObject(doc.meta) ? doc.meta : {};
    meta.lastModified = opts.now().toISOString();
    doc.meta = meta;
  }
  return doc;
}
