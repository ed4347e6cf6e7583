/**
 * A profile describes one target app as data: which resources it provisions, which Entra PATCH dialect it is
 * configured for, which attributes Entra maps to it and which extension schemas it uses. Suites derive what to
 * test from it; users can supply their own file (--profile path/to/app.json). The format is documented in the
 * README ("Profiles"); every member is checked, unknown members are errors (a typo must not silently drop a flag).
 */
import { z } from 'zod';
import { URN } from '../scim/urns.js';
import { isEnterprise, parseProfileTarget } from '../entra/target-path.js';

const TYPES = ['string', 'boolean', 'integer', 'decimal', 'dateTime', 'reference', 'binary'] as const;
export const AttributeType = z.enum(TYPES);

export const AttributeMapping = z.strictObject({
  /**
   * Entra source attribute, e.g. "userPrincipalName", or an expression such as "Switch([IsSoftDeleted], ...)".
   * Optional: gallery tutorials list the SCIM targets only; leave it out rather than guess.
   */
  source: z.string().min(1).optional(),
  /** SCIM target path as Entra writes it, e.g. "emails[type eq \"work\"].value" or "urn:...:User:department". */
  target: z.string().min(1),
  type: AttributeType.default('string'),
  /** The app requires it: a create without it is refused (catalog U-09). */
  required: z.boolean().default(false),
  /** Entra matches on it before creating (catalog U-02…U-05); a matching attribute must be filterable. */
  matching: z.boolean().default(false),
  /** Precedence among matching attributes (1 first), catalog U-05. */
  matchingPrecedence: z.number().int().positive().optional(),
  /** The app supports `filter=<target> eq "…"` on it. */
  filterable: z.boolean().default(false),
  /** Anything the app's document says about this attribute. */
  note: z.string().optional(),
});

export const ExtensionAttribute = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z_$][\w$-]*$/, 'an attribute name (letters, digits, "_", "-", "$"; no dots or colons)'),
  type: AttributeType.default('string'),
  multiValued: z.boolean().default(false),
  required: z.boolean().default(false),
  returned: z.enum(['always', 'never', 'default', 'request']).default('default'),
  description: z.string().optional(),
});

export const ExtensionSchema = z.strictObject({
  urn: z
    .string()
    .regex(
      /^urn:[^\s]+:(User|Group)$/i,
      'an extension schema URN ending in :User or :Group, e.g. urn:ietf:params:scim:schemas:extension:acme:2.0:User',
    ),
  resource: z.enum(['User', 'Group']).default('User'),
  name: z.string().optional(),
  attributes: z.array(ExtensionAttribute).min(1, 'an extension needs at least one attribute'),
});

/** The document a profile is taken from. */
export const SourceDocument = z.strictObject({
  title: z.string().min(1),
  url: z.url({ message: 'a URL such as https://learn.microsoft.com/…' }).optional(),
  /** A local copy of the document, for a profile kept in a vendor's own repository (a path relative to the profile). */
  file: z.string().optional(),
});

const UserSection = z.strictObject({
  mappings: z.array(AttributeMapping).default([]),
  /** What the app does when a user leaves scope: PATCH active=false (disable) and/or DELETE (catalog U-17). */
  deprovision: z.array(z.enum(['disable', 'delete'])).default(['disable', 'delete']),
});

const GroupSection = z.strictObject({ mappings: z.array(AttributeMapping).default([]) });

const ProfileObject = z.strictObject({
  /** JSON Schema of the format, for editors; ignored by the tool. */
  $schema: z.string().optional(),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case name of letters, digits and dashes'),
  title: z.string().min(1),
  /** Where the mapping comes from (a vendor's Entra tutorial, Microsoft's default mapping), in one line. */
  source: z.string().optional(),
  /** The documents the profile is taken from. */
  documents: z.array(SourceDocument).default([]),
  resources: z.enum(['users', 'users+groups']),
  /** Entra PATCH dialect the app is configured for; both are tested regardless (catalog §0, provision-on-demand). */
  mode: z.enum(['default', 'flag']).default('default'),
  users: UserSection.default({ mappings: [], deprovision: ['disable', 'delete'] }),
  groups: GroupSection.default({ mappings: [] }),
  extensions: z.array(ExtensionSchema).default([]),
  /** Anything the app documents as special, and what its documents do not say. */
  notes: z.array(z.string()).default([]),
});

type ProfileShape = z.output<typeof ProfileObject>;

/** Cross-member rules: targets are Entra paths, extension targets are declared, no duplicates, types agree. */
function crossCheck(profile: ProfileShape, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  profile.extensions.forEach((extension, e) => {
    const suffix = extension.urn.split(':').at(-1)!;
    if (/^(user|group)$/i.test(suffix) && suffix.toLowerCase() !== extension.resource.toLowerCase())
      issue(['extensions', e, 'resource'], `the URN ends in ":${suffix}" but resource is "${extension.resource}"`);
    const seen = new Set<string>();
    extension.attributes.forEach((a, i) => {
      if (seen.has(a.name.toLowerCase()))
        issue(['extensions', e, 'attributes', i, 'name'], `duplicate attribute "${a.name}" in ${extension.urn}`);
      seen.add(a.name.toLowerCase());
    });
  });
  if (profile.resources === 'users' && profile.groups.mappings.length > 0)
    issue(
      ['groups', 'mappings'],
      'resources is "users", so Entra sends no groups: leave groups.mappings empty or set resources to "users+groups"',
    );

  for (const section of ['users', 'groups'] as const) {
    const resource = section === 'users' ? 'User' : 'Group';
    const targets = new Map<string, number>();
    const precedences = new Map<number, number>();
    profile[section].mappings.forEach((m, i) => {
      const at = (member: string) => [section, 'mappings', i, member];
      const parsed = parseProfileTarget(m.target);
      if (!parsed) {
        issue(
          at('target'),
          `"${m.target}" is not a SCIM path Entra writes; expected e.g. title, name.givenName, emails[type eq "work"].value or urn:…:2.0:${resource}:attribute`,
        );
        return;
      }
      const key = m.target.replace(/\s+/g, ' ').toLowerCase();
      const twin = targets.get(key);
      if (twin !== undefined) {
        const other = profile[section].mappings[twin]!.target;
        issue(
          at('target'),
          other.replace(/\s+/g, ' ') === m.target.replace(/\s+/g, ' ')
            ? `"${m.target}" is mapped twice (also ${section}.mappings[${twin}]); Entra maps each target once`
            : `"${m.target}" and "${other}" (${section}.mappings[${twin}]) differ only in case; attribute names are case-insensitive (RFC 7643 §2.1), so they are one target: keep one`,
        );
      }
      targets.set(key, i);
      if (m.matchingPrecedence !== undefined) {
        if (!m.matching) issue(at('matchingPrecedence'), 'matchingPrecedence is set but matching is false');
        if (precedences.has(m.matchingPrecedence))
          issue(
            at('matchingPrecedence'),
            `precedence ${m.matchingPrecedence} is also used by ${section}.mappings[${precedences.get(m.matchingPrecedence)}]`,
          );
        precedences.set(m.matchingPrecedence, i);
      }
      if (!parsed.urn || parsed.urn.toLowerCase() === (resource === 'User' ? URN.User : URN.Group).toLowerCase())
        return;
      if (resource === 'User' && isEnterprise(parsed.urn)) return;
      const extension = profile.extensions.find((x) => x.urn.toLowerCase() === parsed.urn!.toLowerCase());
      if (!extension) {
        issue(
          at('target'),
          `the extension ${parsed.urn} is not declared in "extensions"; add it with its attributes (its URN, resource "${resource}")`,
        );
        return;
      }
      if (extension.resource !== resource)
        issue(at('target'), `${parsed.urn} is a ${extension.resource} extension but is mapped under ${section}`);
      const attribute = extension.attributes.find((a) => a.name.toLowerCase() === parsed.attribute.toLowerCase());
      if (!attribute)
        issue(
          at('target'),
          `the extension ${parsed.urn} declares no attribute "${parsed.attribute}" (it has ${extension.attributes.map((a) => a.name).join(', ')})`,
        );
      else if (attribute.type !== m.type)
        issue(
          at('type'),
          `"${m.type}" differs from the type "${attribute.type}" declared for ${parsed.urn}:${attribute.name} in extensions`,
        );
    });
  }
}

export const Profile = ProfileObject.superRefine(crossCheck);

export type Profile = z.infer<typeof Profile>;
export type AttributeMapping = z.infer<typeof AttributeMapping>;
export type ExtensionSchema = z.infer<typeof ExtensionSchema>;
export type ExtensionAttribute = z.infer<typeof ExtensionAttribute>;
