/**
 * The only module suites import (besides vitest): behaviours, checks, Entra-shaped bodies and judgements.
 */
export { behaviour, type BehaviourContext, type BehaviourOptions } from './behaviour.js';
export { verify, fail, expectThat, inconclusive, ConformanceError, InconclusiveError } from './verify.js';
export { entraUserBody, entraGroupBody, op, patchBody, eqFilter, type Dialect } from './entra-bodies.js';
export { Names, runMarker } from './names.js';
export { withExamples, type Examples } from './incidental.js';
export { createdId, type Created } from './resources.js';
export { WrittenUserSlot, type SharedWrite } from './shared-writes.js';
export { status } from '../checks/status.js';
export { scimContentType } from '../checks/content-type.js';
export { scimErrorBody, scimTypeIs, SCIM_TYPES } from '../checks/scim-error.js';
export { errorStatus } from '../checks/error-status.js';
export { listResponse, resourcesOf } from '../checks/list-response.js';
export { matchesSchema } from '../checks/schema.js';
export { resourceWithId } from '../checks/resource.js';
export { resourceMeta } from '../checks/resource-meta.js';
export { show } from '../checks/check.js';
export { URN } from '../scim/urns.js';
export type { ScimResponse, ScimClient } from '../client/scim-client.js';
export {
  enterprisePath, memberCI, sameUserName, parseTargetPath, matchingElements, storedValue, isCleared, setInCreateBody, patchAnswer, getUserOk,
  patchUserOk, filterUsers, idsOf, type TargetPath,
} from './user-state.js';
export {
  collectedProfile, usersOnly, skipUnlessGroups, memberEntry, addMembersOp, removeMembersOps, membershipDiff, memberPatchAnswer,
  patchGroup, memberValues, readGroup, readMembers, memberFilter, expectMembers, type MembershipWay, matchGroups, expectNoMembersKey, createUsers,
} from './groups.js';
export {
  discoveryList, expectEachValid, nullPaths, flattenedNames, normaliseTarget, mappedTargets, profileExtensions, findSchema, schemaAttributes,
  type SchemaAttribute,
} from './discovery.js';
export { throttled, retryAfterProblem, runExchanges } from './throttling.js';
export { responseTimeLimits, slowAnswers, timedOut, timedRequest } from './timing.js';
export { walkUsers, judgeWalk, type Walk, type WalkPage } from './paging.js';
export { probeTls, type TlsProbe } from './tls.js';
export { property, propertySeed, runsFor, type PropertyRun, type PropertyOptions } from './property.js';
export * from '../generators/index.js';
export { default as fc } from 'fast-check';
export {
  mappedUserAttributes, attributeGroups, attributeGroupKey, titlePaths, profileValue, otherType, removeFromBody, targetFilter, type MappedAttribute,
} from './profile-tests.js';
export { mappingKind, parseProfileTarget, isEnterprise, type MappingKind } from '../profiles/target-path.js';
export { compareWithDiscovery, type DiscoveryDifference } from '../profiles/compare-discovery.js';
/** Where the response validators come from (precompiled by `npm run build`, or compiled at run time): for diagnostics. */
export { validatorSource } from '../schemas/registry.js';
