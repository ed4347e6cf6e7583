import { URN } from '../scim/urns.js';
import type { Check } from './check.js';
import { bodyObject, show } from './check.js';

/** The scimType values RFC 7644 §3.12 (Table 9) defines. */
export const SCIM_TYPES = [
  'invalidFilter',
  'tooMany',
  'uniqueness',
  'mutability',
  'invalidSyntax',
  'invalidPath',
  'noTarget',
  'invalidValue',
  'invalidVers',
  'sensitive',
];

/**
 * The body of an error answer is a SCIM error (RFC 7644 §3.12): a JSON object with the Error URN in `schemas` and
 * `status` equal to the HTTP status. Judged only by D-09 (recommended). Tolerated, as Entra copes with them: `status`
 * as a JSON number (Entra logged `"status":400` from a SCIM-SDK server, scim-for-keycloak#73) and no `scimType`
 * (OPTIONAL). The status code itself is errorStatus()'s business.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.12
 */
export function scimErrorBody(): Check {
  return (response) => {
    const hint =
      'Return a SCIM error body: {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"<code>","detail":"..."}';
    const { body, failure } = bodyObject(response);
    if (failure)
      return { ...failure, message: `the ${response.status} answer is not a SCIM error: ${failure.message}`, hint };
    const schemas = body.schemas;
    if (!Array.isArray(schemas) || !schemas.includes(URN.Error))
      return {
        message: `the ${response.status} body lacks schemas ["${URN.Error}"]: ${show(body)}`,
        expected: `schemas: ["${URN.Error}"]`,
        actual: show(schemas),
        hint,
      };
    if (String(body.status) !== String(response.status))
      return {
        message: `the error body's status is ${show(body.status)} but the HTTP status is ${response.status}; RFC 7644 §3.12 wants them equal`,
        expected: `"${response.status}"`,
        actual: show(body.status),
      };
    if (body.scimType !== undefined && !SCIM_TYPES.includes(String(body.scimType)))
      return {
        message: `scimType ${show(body.scimType)} is not one of RFC 7644 Table 9's values`,
        expected: SCIM_TYPES.join(', '),
        actual: show(body.scimType),
      };
    return undefined;
  };
}

/**
 * The error body names one of these scimTypes. scimType is OPTIONAL (RFC 7644 §3.12): use it only in tests whose
 * level is below required and whose behaviour is about the scimType (e.g. U-08's "uniqueness").
 */
export function scimTypeIs(...types: string[]): Check {
  return (response) => {
    const { body } = bodyObject(response);
    const got = body?.scimType;
    if (types.includes(String(got))) return undefined;
    return {
      message: `the ${response.status} names scimType ${show(got)}; ${types.map((t) => `"${t}"`).join(' or ')} tells a client what went wrong (RFC 7644 §3.12, OPTIONAL)`,
      expected: types.join(' or '),
      actual: show(got),
    };
  };
}
