/**
 * Typed reads of parsed JSON (a response body, an element of one): a check that narrows instead of a cast, so that
 * a body of another shape gives `undefined` rather than a wrong type (decisions/typed-reads.md).
 */
export type JsonObject = Record<string, unknown>;

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is a JSON object, else undefined. */
export function readObject(value: unknown): JsonObject | undefined {
  return isJsonObject(value) ? value : undefined;
}

/** `value[key]` when `value` is a JSON object, else undefined (names are exact; SCIM's case-insensitive reads are elsewhere). */
export function readMember(value: unknown, key: string): unknown {
  return isJsonObject(value) ? value[key] : undefined;
}

/** A non-empty string member, e.g. the `id` of a created resource. */
export function readString(value: unknown, key: string): string | undefined {
  const member = readMember(value, key);
  return typeof member === 'string' && member !== '' ? member : undefined;
}
