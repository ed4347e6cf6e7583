import { URN } from '../scim/urns.js';
import type { Check } from './check.js';
import { bodyObject, show } from './check.js';

/**
 * A SCIM error response (RFC 7644 §3.12): the HTTP status, a body with the Error URN, `status` as a string equal
 * to the HTTP status, and the given scimType when one is required.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.12
 */
export function scimError(httpStatus: number | number[], scimType?: string | string[]): Check {
  const statuses = Array.isArray(httpStatus) ? httpStatus : [httpStatus];
  const types = scimType === undefined ? undefined : Array.isArray(scimType) ? scimType : [scimType];
  return (response) => {
    if (!statuses.includes(response.status))
      return {
        message: `expected status ${statuses.join(' or ')} with a SCIM error, got ${response.status}${response.text ? `: ${show(response.text.slice(0, 160))}` : ''}`,
        expected: statuses.join(' or '),
        actual: String(response.status),
      };
    const { body, failure } = bodyObject(response);
    if (failure) return { ...failure, message: `${response.status} is right, but ${failure.message}`, hint: 'Return a SCIM error body: {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"<code>","detail":"..."}' };
    const schemas = body!.schemas;
    if (!Array.isArray(schemas) || !schemas.includes(URN.Error))
      return { message: `${response.status} is right, but the error body lacks schemas ["${URN.Error}"]: ${show(body)}`, expected: `schemas: ["${URN.Error}"]`, actual: show(schemas) };
    if (body!.status !== String(response.status))
      return {
        message: `the error body's status is ${show(body!.status)}; RFC 7644 §3.12 wants the HTTP status as a string, "${response.status}"`,
        expected: `"${response.status}"`,
        actual: show(body!.status),
      };
    if (types && !types.includes(String(body!.scimType)))
      return { message: `expected scimType ${types.map((t) => `"${t}"`).join(' or ')}, got ${show(body!.scimType)}`, expected: types.join(' or '), actual: show(body!.scimType) };
    return undefined;
  };
}
