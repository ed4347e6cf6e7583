/**
 * Reads a PatchOp request body into a list of operations (RFC 7644 §3.5.2), tolerating what Entra and
 * Microsoft's tools send: any member order, unknown members (a top-level `id`, a per-operation `name`,
 * catalog P-02), and op names in any case (`Add`, `replace`, `REMOVE`, catalog P-01). Structural member
 * names are matched case-insensitively too (DEV: "Don't require a case-sensitive match on structural
 * elements").
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { ScimError } from '../../scim/errors.js';
import type { JsonValue } from '../../scim/schema-types.js';
import { URN } from '../../scim/urns.js';
import { findKey, isJsonObject } from '../filter/resource-values.js';

export type OperationName = 'add' | 'remove' | 'replace';

export interface PatchOperation {
  op: OperationName;
  path?: string;
  /** `undefined` when the operation has no `value` member; `null` when it is explicitly null. */
  value?: JsonValue;
  /** Position in `Operations`, for error details. */
  index: number;
}

function invalidSyntax(detail: string): ScimError {
  return new ScimError(400, 'invalidSyntax', detail);
}

export function readOperations(body: unknown): PatchOperation[] {
  if (!isJsonObject(body))
    throw invalidSyntax(
      'Failed to read PATCH request: the body must be a JSON object with "schemas" and "Operations".',
    );
  const schemasKey = findKey(body, 'schemas');
  const schemas = schemasKey === undefined ? undefined : body[schemasKey];
  const patchOp = URN.PatchOp.toLowerCase();
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === patchOp)) {
    throw invalidSyntax(`Failed to read PATCH request: "schemas" must contain "${URN.PatchOp}".`);
  }
  const operationsKey = findKey(body, 'Operations');
  const operations = operationsKey === undefined ? undefined : body[operationsKey];
  if (!Array.isArray(operations))
    throw invalidSyntax('Failed to read PATCH request: "Operations" must be an array of operations.');
  // @see catalog P-18: RFC 7644 requires at least one operation.
  if (operations.length === 0)
    throw invalidSyntax(
      'Failed to read PATCH request: "Operations" is empty; RFC 7644 §3.5.2 requires at least one operation.',
    );
  return operations.map(readOperation);
}

function readOperation(raw: JsonValue, index: number): PatchOperation {
  if (!isJsonObject(raw))
    throw invalidSyntax(`Failed to read PATCH operation ${index}: each operation must be a JSON object.`);
  const opKey = findKey(raw, 'op');
  const opValue = opKey === undefined ? undefined : raw[opKey];
  if (typeof opValue !== 'string')
    throw invalidSyntax(`Failed to read PATCH operation ${index}: "op" must be "add", "remove" or "replace".`);
  const op = opValue.toLowerCase();
  if (op !== 'add' && op !== 'remove' && op !== 'replace') {
    throw invalidSyntax(
      `Failed to read PATCH operation ${index}: unknown op "${opValue}"; expected "add", "remove" or "replace" (any case).`,
    );
  }
  const pathKey = findKey(raw, 'path');
  const pathValue = pathKey === undefined ? undefined : raw[pathKey];
  if (pathValue !== undefined && pathValue !== null && typeof pathValue !== 'string') {
    throw new ScimError(400, 'invalidPath', `Failed to read PATCH operation ${index}: "path" must be a string.`);
  }
  const valueKey = findKey(raw, 'value');
  const operation: PatchOperation = { op, index };
  if (typeof pathValue === 'string' && pathValue.trim() !== '') operation.path = pathValue.trim();
  if (valueKey !== undefined) operation.value = raw[valueKey];
  if (op !== 'remove' && valueKey === undefined) {
    throw invalidSyntax(
      `Failed to read PATCH operation ${index}: "${opValue}" needs a "value" member (RFC 7644 §3.5.2.1).`,
    );
  }
  return operation;
}
