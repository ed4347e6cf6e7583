import type { Check } from './check.js';

/**
 * The response says `Content-Type: application/scim+json` (charset optional). Microsoft: "The header for all the
 * responses should be of content-Type: application/scim+json" (catalog D-08).
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-8.1
 */
export function scimContentType(): Check {
  return (response) => {
    if (response.status === 204) return undefined;
    const value = response.headers['content-type'];
    const media = value?.split(';')[0]?.trim().toLowerCase();
    if (media === 'application/scim+json') return undefined;
    return {
      message: `Content-Type is ${value ? `"${value}"` : 'missing'}, expected application/scim+json`,
      expected: 'application/scim+json',
      actual: value ?? '(none)',
      hint: 'Send Content-Type: application/scim+json on every response, errors included.',
    };
  };
}
