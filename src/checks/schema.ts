import { validateSchema } from '../schemas/registry.js';
import type { Check } from './check.js';
import { bodyObject } from './check.js';

/** The body is valid against the JSON Schema with this id (a SCIM URN, see schemas/). */
export function matchesSchema(schemaId: string, label = schemaId.split(':').pop() ?? schemaId): Check {
  return (response) => {
    const { body, failure } = bodyObject(response);
    if (failure) return failure;
    const issues = validateSchema(schemaId, body);
    if (issues.length === 0) return undefined;
    const listed = issues.slice(0, 5).map((i) => `${i.path || '/'}: ${i.message}`);
    return {
      message: `the body is not a valid SCIM ${label}: ${listed.join('; ')}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ''}`,
      expected: `a body valid against ${schemaId} (RFC 7643)`,
      actual: listed.join('\n'),
    };
  };
}
