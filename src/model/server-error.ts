/**
 * A server's SCIM error body in one readable line, for every place that shows it: the reporters (console, HTML,
 * JUnit, markdown) and the harness's messages that list refused operations. In the model floor because both the
 * harness and the reporters (which read the model only) use it.
 */
interface ScimErrorFields {
  status?: unknown;
  scimType?: unknown;
  detail?: unknown;
  schemas?: unknown;
}

/** "400 noTarget: no value of emails matches …" from a SCIM error body (RFC 7644 §3.12), or undefined. */
export function decodeScimError(status: number, body: string): string | undefined {
  let parsed: ScimErrorFields;
  try {
    parsed = JSON.parse(body) as ScimErrorFields;
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const isError =
    Array.isArray(parsed.schemas) &&
    parsed.schemas.some((s) => typeof s === 'string' && s.endsWith(':api:messages:2.0:Error'));
  if (!isError && parsed.detail === undefined && parsed.scimType === undefined) return undefined;
  const scimType = typeof parsed.scimType === 'string' && parsed.scimType !== '' ? ` ${parsed.scimType}` : '';
  const detail = typeof parsed.detail === 'string' && parsed.detail !== '' ? `: ${parsed.detail}` : '';
  return `${status}${scimType}${detail}`;
}
