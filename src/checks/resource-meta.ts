import type { Check } from './check.js';
import { bodyObject, show } from './check.js';
import { readObject } from '../model/json.js';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * `meta` as RFC 7643 §3.1 describes it, judged in one recommended test only (Entra never reads meta; catalog §0.1):
 * `resourceType` (the plural "Users" of Microsoft's own sample is tolerated), `created` and `lastModified` as
 * xsd:dateTime in order, and `location` as the resource's URI, absolute or relative (RFC 7643 §2.3.7: "absolute or
 * relative URI"), ending in /<Type>s/<id>.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-3.1
 */
export function resourceMeta(resourceType: 'User' | 'Group'): Check {
  return (response) => {
    const { body, failure } = bodyObject(response);
    if (failure) return failure;
    const meta = readObject(body.meta);
    const expected = `meta: {"resourceType": "${resourceType}", "created": "<dateTime>", "lastModified": "<dateTime>", "location": "…/${resourceType}s/<id>"}`;
    if (!meta) return { message: 'the resource has no meta (RFC 7643 §3.1)', expected, actual: 'no meta' };
    if (meta.resourceType !== resourceType && meta.resourceType !== `${resourceType}s`)
      return {
        message: `meta.resourceType is ${show(meta.resourceType)}; RFC 7643 §3.1 names the resource type, "${resourceType}"`,
        expected: resourceType,
        actual: show(meta.resourceType),
      };
    for (const field of ['created', 'lastModified'] as const)
      if (typeof meta[field] !== 'string' || !DATE_TIME.test(meta[field]))
        return {
          message: `meta.${field} is ${show(meta[field])}; RFC 7643 §3.1 wants an xsd:dateTime such as "2024-05-01T10:00:00Z"`,
          expected: 'an xsd:dateTime',
          actual: show(meta[field]),
        };
    if (Date.parse(String(meta.lastModified)) < Date.parse(String(meta.created)))
      return {
        message: `meta.lastModified ${show(meta.lastModified)} is earlier than meta.created ${show(meta.created)}`,
        expected: 'lastModified ≥ created',
        actual: show(meta.lastModified),
      };
    const location = meta.location;
    const tail = `${resourceType}s/${encodeURIComponent(String(body.id))}`;
    const path = typeof location === 'string' ? location.replace(/[?#].*$/, '').replace(/\/+$/, '') : '';
    if (!(
      path === tail ||
      path.endsWith(`/${tail}`) ||
      path.endsWith(`/${resourceType}s/${String(body.id)}`) ||
      path === `${resourceType}s/${String(body.id)}`
    ))
      return {
        message: `meta.location is ${show(location)}; RFC 7643 §3.1 wants the resource's URI (absolute or relative), ending in ${tail}`,
        expected: `…/${tail}`,
        actual: show(location),
      };
    return undefined;
  };
}
