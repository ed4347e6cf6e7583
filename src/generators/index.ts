/**
 * fast-check arbitraries for SCIM, one concept per file, importable by suites (through #harness) and by users:
 * `import { userName, email } from 'scim-conformance/harness'` (docs/harness.md).
 * Every value that names a resource starts with the run marker `scimc-<runId>-`, so that cleanup finds it.
 */
export { markedPrefix, type MarkedConstraints } from './run-marker.js';
export { userName, type UserNameConstraints } from './user-name.js';
export { externalId, type ExternalIdConstraints } from './external-id.js';
export { attributeText, type AttributeTextConstraints } from './attribute-text.js';
export { personName, namePart, type PersonName, type PersonNameConstraints } from './person-name.js';
export { email, type EmailConstraints } from './email.js';
export { phoneNumber, type PhoneNumberConstraints } from './phone-number.js';
export { address, addressPart, type AddressConstraints, type AddressPart } from './address.js';
export {
  extensionValue,
  sameExtensionValue,
  type ExtensionValueConstraints,
  type ScimValueType,
} from './extension-value.js';
export { groupDisplayName, type GroupDisplayNameConstraints } from './group-display-name.js';
export { memberSet, memberSetWithOne, type MemberSetConstraints } from './member-set.js';
export { attributeValue, generatedTargets, targetType } from './attribute-value.js';
export { userResource, userBody, type GeneratedUser, type UserResourceConstraints } from './user-resource.js';
export {
  patchOperations,
  type GeneratedPatch,
  type PatchDialect,
  type PatchOperationConstraints,
} from './patch-operation.js';
export { applyPatchModel, ModelError } from './model/patch-model.js';
export { exampleAttributeValue, exampleUser, exampleUserName, type ExampleUserOptions } from './examples.js';
export { userDifferences, describeDifferences, type Difference } from './model/compare-user.js';
