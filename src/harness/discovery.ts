/**
 * Discovery helpers (catalog D-10…D-12, X-15, X-16): read /Schemas and /ResourceTypes once per test, flatten schemas
 * into the attribute names Entra's gallery test derives from them, and list what a profile maps.
 */
import type { ScimClient, ScimResponse } from '../client/scim-client.js';
import { show } from '../checks/check.js';
import { listResponse, resourcesOf } from '../checks/list-response.js';
import { status } from '../checks/status.js';
import type { Profile } from '../profiles/profile-schema.js';
import { validateSchema } from '../schemas/registry.js';
import { URN } from '../scim/urns.js';
import { fail, verify } from './verify.js';

type Json = Record<string, unknown>;

export interface SchemaAttribute {
  name: string;
  type?: string;
  multiValued?: boolean;
  returned?: string;
  mutability?: string;
  required?: boolean;
  canonicalValues?: unknown[];
  subAttributes?: SchemaAttribute[];
}

/** GET a discovery list endpoint (/Schemas, /ResourceTypes): 200, SCIM JSON, a ListResponse. */
export async function discoveryList(
  client: ScimClient,
  path: '/Schemas' | '/ResourceTypes',
): Promise<{ response: ScimResponse; resources: Json[] }> {
  const response = await client.get(path);
  verify(response, status(200), listResponse());
  return { response, resources: resourcesOf(response.json) };
}

/** Fails when any resource of a list does not validate against the JSON Schema `schemaId` (first problems shown). */
export function expectEachValid(response: ScimResponse, resources: Json[], schemaId: string, label: string): void {
  const problems: string[] = [];
  resources.forEach((resource, i) => {
    for (const issue of validateSchema(schemaId, resource))
      problems.push(`Resources[${i}] (${show(resource.id ?? resource.name, 80)})${issue.path}: ${issue.message}`);
  });
  if (problems.length > 0)
    fail(
      `${problems.length} problem(s) in the ${label} resources: ${problems.slice(0, 4).join('; ')}${problems.length > 4 ? ' …' : ''}`,
      {
        response,
        expected: `every resource valid against ${schemaId} (RFC 7643 §7, §6)`,
        actual: problems.slice(0, 10).join('\n'),
      },
    );
}

/** JSON Pointers of every null value in a body (RFC 7643 §2.5: unassigned attributes are omitted, not null). */
export function nullPaths(value: unknown, path = ''): string[] {
  if (value === null) return [path || '/'];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullPaths(v, `${path}/${i}`));
  if (typeof value === 'object') return Object.entries(value as Json).flatMap(([k, v]) => nullPaths(v, `${path}/${k}`));
  return [];
}

function attributesOf(schema: Json): SchemaAttribute[] {
  return Array.isArray(schema.attributes)
    ? (schema.attributes as SchemaAttribute[]).filter((a) => a && typeof a.name === 'string')
    : [];
}

/**
 * The attribute names Entra's gallery Schema_Discoverability_Test derives from /Schemas (catalog D-11), lower-cased:
 * multi-valued complex attributes whose `type` declares canonicalValues become `attr[type eq "<value>"].<sub>` for
 * every sub-attribute but type and primary; without canonicalValues `attr[primary eq "True"].<sub>`; single-valued
 * complex `attr.<sub>`; every attribute also by its own name (manager, members); extension attributes are prefixed
 * with their schema id and a colon.
 */
export function flattenedNames(schemas: Json[]): Set<string> {
  const names = new Set<string>();
  for (const schema of schemas) {
    const id = typeof schema.id === 'string' ? schema.id : '';
    const prefix = id === URN.User || id === URN.Group ? '' : `${id}:`;
    for (const attribute of attributesOf(schema)) {
      const base = `${prefix}${attribute.name}`;
      names.add(base.toLowerCase());
      const subs = Array.isArray(attribute.subAttributes)
        ? attribute.subAttributes.filter((s) => s && typeof s.name === 'string')
        : [];
      if (attribute.type !== 'complex' || subs.length === 0) continue;
      if (!attribute.multiValued) {
        for (const sub of subs) names.add(`${base}.${sub.name}`.toLowerCase());
        continue;
      }
      const typeSub = subs.find((s) => s.name.toLowerCase() === 'type');
      const canonical = Array.isArray(typeSub?.canonicalValues)
        ? typeSub.canonicalValues.filter((v): v is string => typeof v === 'string')
        : [];
      const selectors = canonical.length > 0 ? canonical.map((v) => `[type eq "${v}"]`) : ['[primary eq "True"]'];
      for (const selector of selectors)
        for (const sub of subs)
          if (!['type', 'primary'].includes(sub.name.toLowerCase()))
            names.add(`${base}${selector}.${sub.name}`.toLowerCase());
    }
  }
  return names;
}

/** A mapping target normalised for comparison with flattenedNames(): lower case, no spaces around brackets. */
export function normaliseTarget(target: string): string {
  return target.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The SCIM targets Entra writes for this profile: user mappings, and group mappings when groups are provisioned. */
export function mappedTargets(profile: Profile): Array<{ resource: 'User' | 'Group'; target: string }> {
  const users = profile.users.mappings.map((m) => ({ resource: 'User' as const, target: m.target }));
  const groups =
    profile.resources === 'users+groups'
      ? profile.groups.mappings.map((m) => ({ resource: 'Group' as const, target: m.target }))
      : [];
  return [...users, ...groups];
}

/**
 * The extension schemas the profile relies on: each declared extension, plus the enterprise extension when any
 * mapping targets it (Entra maps department and employeeId there by default).
 */
export function profileExtensions(
  profile: Profile,
): Array<{ urn: string; resource: 'User' | 'Group'; attributes: string[] }> {
  const out = profile.extensions.map((e) => ({
    urn: e.urn,
    resource: e.resource,
    attributes: e.attributes.map((a) => a.name),
  }));
  const enterprise = profile.users.mappings
    .map((m) => m.target)
    .filter((t) => t.toLowerCase().startsWith(`${URN.EnterpriseUser.toLowerCase()}:`))
    .map((t) => t.slice(URN.EnterpriseUser.length + 1).split(/[.[]/)[0]!);
  if (enterprise.length > 0 && !out.some((e) => e.urn.toLowerCase() === URN.EnterpriseUser.toLowerCase()))
    out.push({ urn: URN.EnterpriseUser, resource: 'User', attributes: [...new Set(enterprise)] });
  return out;
}

/** The schema resource with this id (case-insensitive), if listed. */
export function findSchema(schemas: Json[], urn: string): Json | undefined {
  return schemas.find((s) => typeof s.id === 'string' && s.id.toLowerCase() === urn.toLowerCase());
}

/** Attributes of a schema resource, for callers that inspect characteristics. */
export function schemaAttributes(schema: Json | undefined): SchemaAttribute[] {
  return schema ? attributesOf(schema) : [];
}
