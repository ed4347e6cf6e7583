import { readMember } from '../model/json.js';
import { URN } from '../scim/urns.js';
import type { Check } from './check.js';
import { bodyObject, show } from './check.js';

/**
 * A ListResponse (RFC 7644 §3.4.2): the ListResponse URN, an integer totalResults, and `Resources` (capital R)
 * holding as many resources as the page has; optionally an exact totalResults.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2
 */
export function listResponse(expect: { totalResults?: number } = {}): Check {
  return (response) => {
    const { body: b, failure } = bodyObject(response);
    if (failure) return failure;
    if (!Array.isArray(b.schemas) || !b.schemas.includes(URN.ListResponse))
      return {
        message: `the body is not a ListResponse: schemas is ${show(b.schemas)}`,
        expected: `schemas: ["${URN.ListResponse}"]`,
        actual: show(b.schemas),
      };
    const total = b.totalResults;
    if (typeof total !== 'number' || !Number.isInteger(total))
      return {
        message: `totalResults must be an integer, got ${show(total)}`,
        expected: 'an integer',
        actual: show(total),
      };
    if (b.Resources === undefined && 'resources' in b)
      return {
        message:
          'the list is in "resources"; RFC 7644 names it "Resources" (capital R), and strict clients such as Entra\'s read only that',
        expected: 'Resources',
        actual: 'resources',
      };
    if (total > 0 && !Array.isArray(b.Resources))
      return {
        message: `totalResults is ${total} but Resources is ${show(b.Resources)}`,
        expected: 'a Resources array',
        actual: show(b.Resources),
      };
    if (b.Resources !== undefined && !Array.isArray(b.Resources))
      return {
        message: `Resources must be an array, got ${show(b.Resources)}`,
        expected: 'an array',
        actual: show(b.Resources),
      };
    if (expect.totalResults !== undefined && total !== expect.totalResults)
      return {
        message: `expected totalResults ${expect.totalResults}, got ${total}`,
        expected: String(expect.totalResults),
        actual: String(total),
      };
    const resources = (b.Resources as unknown[] | undefined) ?? [];
    if (
      expect.totalResults !== undefined &&
      resources.length !== Math.min(expect.totalResults, resources.length || expect.totalResults)
    )
      return {
        message: `totalResults is ${total} but Resources holds ${resources.length}`,
        expected: String(expect.totalResults),
        actual: String(resources.length),
      };
    return undefined;
  };
}

/** The resources of a ListResponse body (after listResponse() passed). */
export function resourcesOf(json: unknown): Array<Record<string, unknown>> {
  const list = readMember(json, 'Resources');
  return Array.isArray(list) ? (list as Array<Record<string, unknown>>) : [];
}
