/**
 * The HTTP layer's only imports of the SCIM engine (schema definitions, filter, PATCH), which is owned and
 * tested separately. Keeping them in one place makes the dependency visible.
 */
export { defaultResourceTypes, COMMON_ATTRIBUTES } from '../scim/schema-definitions.js';
export { parseFilter, matchesFilter } from './filter/index.js';
export { applyPatch } from './patch/index.js';
