// Shared by the PATCH and filter unit tests: the resource types the fixtures are written against.
import { customExtensionSchema, defaultResourceTypes } from '../../../src/scim/schema-definitions.js';
import type { ResourceTypeDefinition } from '../../../src/scim/schema-types.js';
import { ScimError } from '../../../src/scim/errors.js';

export const UNIFLOW_URN = 'urn:ietf:params:scim:schemas:extension:uniFLOWOnline:2.0:User';

const [user, group] = defaultResourceTypes({
  userExtensions: [customExtensionSchema(UNIFLOW_URN, ['cardNumber', 'pin'])],
});
export const RESOURCE_TYPES = { User: user, Group: group } satisfies Record<string, ResourceTypeDefinition>;

/** Runs `fn` and returns the ScimError it throws (fails the test when it throws anything else or nothing). */
export function scimErrorOf(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError, but nothing was thrown');
}
