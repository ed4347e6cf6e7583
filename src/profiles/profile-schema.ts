/**
 * A profile describes one target app as data: which resources it provisions, which Entra PATCH dialect it is
 * configured for, which attributes Entra maps to it and which extension schemas it uses. Suites derive what to
 * test from it; users can supply their own file (--profile path/to/app.json).
 */
import { z } from 'zod';

export const AttributeMapping = z.object({
  /** Entra source attribute, e.g. "userPrincipalName", or an expression such as "Switch([IsSoftDeleted], ...)". */
  source: z.string().min(1),
  /** SCIM target path as Entra writes it, e.g. "emails[type eq \"work\"].value" or "urn:...:User:department". */
  target: z.string().min(1),
  type: z.enum(['string', 'boolean', 'integer', 'decimal', 'dateTime', 'reference', 'binary']).default('string'),
  required: z.boolean().default(false),
  matching: z.boolean().default(false),
  /** Precedence among matching attributes (1 first), catalog U-05. */
  matchingPrecedence: z.number().int().positive().optional(),
  filterable: z.boolean().default(false),
});

export const ExtensionAttribute = z.object({
  name: z.string().min(1),
  type: z.enum(['string', 'boolean', 'integer', 'decimal', 'dateTime', 'reference', 'binary']).default('string'),
  multiValued: z.boolean().default(false),
  required: z.boolean().default(false),
  returned: z.enum(['always', 'never', 'default', 'request']).default('default'),
  description: z.string().optional(),
});

export const ExtensionSchema = z.object({
  urn: z.string().regex(/^urn:/, 'an extension schema id is a URN, e.g. urn:ietf:params:scim:schemas:extension:acme:2.0:User'),
  resource: z.enum(['User', 'Group']).default('User'),
  name: z.string().optional(),
  attributes: z.array(ExtensionAttribute).min(1),
});

export const Profile = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case name of letters, digits and dashes'),
  title: z.string().min(1),
  /** Where the mapping comes from (a vendor's Entra tutorial, Microsoft's default mapping). */
  source: z.string().optional(),
  resources: z.enum(['users', 'users+groups']),
  /** Entra PATCH dialect the app is configured for; both are tested regardless (catalog §0, provision-on-demand). */
  mode: z.enum(['default', 'flag']).default('default'),
  users: z
    .object({
      mappings: z.array(AttributeMapping).default([]),
      /** What the app does when a user leaves scope: PATCH active=false (disable) and/or DELETE (catalog U-17). */
      deprovision: z.array(z.enum(['disable', 'delete'])).default(['disable', 'delete']),
    })
    .default({ mappings: [], deprovision: ['disable', 'delete'] }),
  groups: z
    .object({ mappings: z.array(AttributeMapping).default([]) })
    .default({ mappings: [] }),
  extensions: z.array(ExtensionSchema).default([]),
  notes: z.array(z.string()).default([]),
});

export type Profile = z.infer<typeof Profile>;
export type AttributeMapping = z.infer<typeof AttributeMapping>;
export type ExtensionSchema = z.infer<typeof ExtensionSchema>;
