/**
 * The tags suites may put on tests (vitest 4.1 `tags`; undeclared tags are an error). Levels come from the
 * catalog; the rest describe what a test does, so that runs can select by tag.
 */
export const TEST_TAGS = {
  required: 'Entra fails, duplicates, loops or quarantines when this is wrong',
  recommended: 'RFC 7643/7644 or Microsoft guidance; Entra tolerates a deviation',
  gallery: "Checked by Microsoft's gallery onboarding",
  validator: "Checked by Microsoft's SCIM Validator",
  informational: 'Context for test design',
  'default-dialect': "Sent the way Entra's default job sends it (capitalised ops, string booleans)",
  'flag-dialect': 'Sent the way Entra sends it with the aadOptscim062020 flag',
  'read-only': 'Creates, changes and deletes nothing on the target',
} as const;

export type TestTag = keyof typeof TEST_TAGS;
