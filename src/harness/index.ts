/**
 * The only module suites import (besides vitest): behaviours, checks, Entra-shaped bodies and judgements. Published
 * as `scim-conformance/harness` (package.json exports, types in dist/types) for vendors' own tests: docs/harness.md.
 */
export { behaviour, type BehaviourContext, type BehaviourOptions } from './behaviour.js';
export { harnessConfig, type HarnessConfig, type HarnessTarget } from './config.js';
export { verify, fail, expectThat, inconclusive, ConformanceError, InconclusiveError } from './verify.js';
export {
  entraUserBody,
  entraGroupBody,
  op,
  patchBody,
  eqFilter,
  setInCreateBody,
  type Dialect,
} from '../entra/bodies.js';
export { Names, runMarker } from '../entra/names.js';
export { withExamples, type Examples } from './incidental.js';
export { createdId, type Created } from './resources.js';
export {
  WrittenUserSlot,
  WrittenGroupSlot,
  writeUser,
  valueBefore,
  type SharedWrite,
  type WrittenUser,
  type WriteTurn,
} from './shared-writes.js';
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
export { patchAnswer, getUserOk, patchUserOk, filterUsers, findsOnly, idsOf, refusedAlone } from './user-state.js';
export { memberCI, sameUserName, matchingElements, storedValue, isCleared } from '../entra/read.js';
export {
  collectedProfile,
  usersOnly,
  skipUnlessGroups,
  memberEntry,
  addMembersOp,
  removeMembersOps,
  membershipDiff,
  memberPatchAnswer,
  patchGroup,
  memberValues,
  readGroup,
  readMembers,
  memberFilter,
  expectMembers,
  type MembershipWay,
  matchGroups,
  expectNoMembersKey,
  createUsers,
} from './groups.js';
export {
  discoveryList,
  expectEachValid,
  nullPaths,
  flattenedNames,
  normaliseTarget,
  mappedTargets,
  profileExtensions,
  findSchema,
  schemaAttributes,
  type SchemaAttribute,
} from './discovery.js';
export { throttled, retryAfterProblem, runExchanges } from './throttling.js';
export { responseTimeLimits, slowAnswers, timedOut, timedRequest } from './timing.js';
export { walkUsers, judgeWalk, type Walk, type WalkPage } from './paging.js';
export { afterEarlierSuites } from './run-order.js';
export { probeTls, type TlsProbe } from './tls.js';
export {
  property,
  propertySeed,
  runsFor,
  type PropertyRun,
  type PropertyOptions,
  type PropertyExample,
} from './property.js';
// The generators' public arbitraries (src/generators: pure, no client, no harness), and the model-based lifecycle
// commands built on them (./lifecycle: they send requests and judge the answers).
export {
  markedPrefix,
  userName,
  externalId,
  attributeText,
  personName,
  namePart,
  email,
  phoneNumber,
  address,
  addressPart,
  extensionValue,
  sameExtensionValue,
  groupDisplayName,
  memberSet,
  memberSetWithOne,
  attributeValue,
  generatedTargets,
  targetType,
  userResource,
  userBody,
  patchOperations,
  applyPatchModel,
  ModelError,
  userDifferences,
  describeDifferences,
  exampleAttributeValue,
  exampleUser,
  exampleUserName,
  type ExampleUserOptions,
  type MarkedConstraints,
  type UserNameConstraints,
  type ExternalIdConstraints,
  type AttributeTextConstraints,
  type PersonName,
  type PersonNameConstraints,
  type EmailConstraints,
  type PhoneNumberConstraints,
  type AddressConstraints,
  type AddressPart,
  type ExtensionValueConstraints,
  type ScimValueType,
  type GroupDisplayNameConstraints,
  type MemberSetConstraints,
  type GeneratedUser,
  type UserResourceConstraints,
  type GeneratedPatch,
  type PatchDialect,
  type PatchOperationConstraints,
  type Difference,
} from '../generators/index.js';
export {
  lifecycleCommands,
  lifecycleModel,
  commandSequence,
  emptyModel,
  CreateUser,
  DeleteUser,
  RenameUser,
  SetActive,
  UpdateUser,
  expectUserState,
  ChangeMembers,
  CreateGroup,
  RenameGroup,
  expectGroupState,
  type LifecycleCommand,
  type LifecycleConstraints,
  type DirectoryModel,
  type DirectorySystem,
  type ModelGroup,
  type ModelUser,
} from './lifecycle/index.js';
export { default as fc } from 'fast-check';
export {
  mappedUserAttributes,
  attributeGroups,
  attributeGroupKey,
  titlePaths,
  otherType,
  removeFromBody,
  type MappedAttribute,
} from './profile-tests.js';
export {
  mappingKind,
  parseProfileTarget,
  parseTargetPath,
  isEnterprise,
  enterprisePath,
  containerKey,
  type MappingKind,
  type TargetPath,
} from '../entra/target-path.js';
export { profileValue, type ValueTarget } from '../entra/values.js';
export { compareWithDiscovery, type DiscoveryDifference } from '../profiles/compare-discovery.js';
/** Where the response validators come from (precompiled by `npm run build`, or compiled at run time): for diagnostics. */
export { validatorSource } from '../schemas/registry.js';
