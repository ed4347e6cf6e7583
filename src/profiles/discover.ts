/**
 * Profiles and discovery (catalog D-10…D-12, X-15): derive a profile from a server's own /Schemas and
 * /ResourceTypes (`--profile discover`, `scim-conformance profile --url …`), and compare a profile with what a
 * server advertises, one difference per finding.
 */
import type { ScimClient } from '../client/scim-client.js';
import { TargetError } from '../model/errors.js';
import { URN } from '../scim/urns.js';
import { Profile, type AttributeMapping, type ExtensionSchema } from './profile-schema.js';
import { attrs, byName, same, type SchemaAttr } from './schema-attributes.js';

export { compareWithDiscovery, type DiscoveryDifference } from './compare-discovery.js';

type Json = Record<string, unknown>;

const PROFILE_TYPES = new Set(['string', 'boolean', 'integer', 'decimal', 'dateTime', 'reference', 'binary']);

/** The Resources of a ListResponse body (or [] when it is not one). */
function resourcesOf(body: unknown): Json[] {
  const list = body && typeof body === 'object' ? (body as Json).Resources : undefined;
  return Array.isArray(list) ? (list as Json[]).filter((r) => r && typeof r === 'object') : [];
}

/** GET /Schemas and /ResourceTypes; throws a one-line Error when either is not a usable ListResponse. */
export async function readDiscovery(client: ScimClient): Promise<{ schemas: Json[]; resourceTypes: Json[] }> {
  const read = async (path: '/Schemas' | '/ResourceTypes') => {
    const response = await client.get(path);
    const resources = resourcesOf(response.json);
    if (response.status !== 200 || resources.length === 0)
      throw new Error(
        `GET ${path} answered ${response.status}${resources.length === 0 ? ' without resources' : ''}; --profile discover needs the server's /Schemas and /ResourceTypes (catalog D-10, D-12)`,
      );
    return resources;
  };
  return { schemas: await read('/Schemas'), resourceTypes: await read('/ResourceTypes') };
}

/** Core attributes Entra never maps (U-26) or cannot write. */
const SKIPPED_CORE = new Set([
  'id',
  'meta',
  'password',
  'groups',
  'entitlements',
  'roles',
  'x509certificates',
  'photos',
  'ims',
  'members',
]);

function profileType(type: unknown): AttributeMapping['type'] {
  return typeof type === 'string' && PROFILE_TYPES.has(type) ? (type as AttributeMapping['type']) : 'string';
}

function writable(a: SchemaAttr): boolean {
  return a.mutability !== 'readOnly' && a.returned !== 'never';
}

/** The mapping targets Entra's gallery flattening (catalog D-11) gives for one schema's attributes. */
function targetsOf(attributes: SchemaAttr[], prefix: string): AttributeMapping[] {
  const out: AttributeMapping[] = [];
  const add = (target: string, a: SchemaAttr, extra: Partial<AttributeMapping> = {}) =>
    out.push({
      target,
      type: profileType(a.type),
      required: Boolean(a.required),
      matching: false,
      filterable: false,
      ...extra,
    });
  for (const a of attributes) {
    if (!writable(a) || (prefix === '' && SKIPPED_CORE.has(a.name.toLowerCase()))) continue;
    const subs = attrs(a.subAttributes).filter(writable);
    if (a.type !== 'complex') {
      if (!a.multiValued) add(`${prefix}${a.name}`, a);
      continue;
    }
    if (same(a.name, 'manager') && byName(subs, 'value')) {
      add(`${prefix}${a.name}`, a, { type: 'reference' });
      continue;
    }
    if (!a.multiValued) {
      for (const sub of subs)
        if (sub.type !== 'complex' && !sub.multiValued) add(`${prefix}${a.name}.${sub.name}`, sub);
      continue;
    }
    const typeSub = byName(attrs(a.subAttributes), 'type');
    const canonical = (typeSub?.canonicalValues ?? []).filter((v): v is string => typeof v === 'string');
    const wanted = subs.filter(
      (s) => !['type', 'primary', 'display'].includes(s.name.toLowerCase()) && s.type !== 'complex',
    );
    if (canonical.length === 0) continue; // without canonical types Entra can only address [primary eq "True"]
    const value = byName(wanted, 'value');
    // `value`-style attributes (emails, phoneNumbers): every canonical type; others (addresses): the first type only.
    if (value) for (const t of canonical) add(`${prefix}${a.name}[type eq "${t}"].${value.name}`, value);
    else for (const sub of wanted) add(`${prefix}${a.name}[type eq "${canonical[0]}"].${sub.name}`, sub);
  }
  return out;
}

/**
 * A profile derived from a server's /Schemas and /ResourceTypes: every writable attribute Entra could map, with
 * its type and required flag, the custom extensions with their attributes, and groups when a Group resource type
 * is advertised. /Schemas cannot say which attributes are filterable or matching; userName (and group displayName)
 * are marked matching, as Entra does by default, and the notes say so.
 */
export function deriveProfile(
  schemas: Json[],
  resourceTypes: Json[],
  options: { name?: string; title?: string; source: string },
): Profile {
  const schemaById = (id: unknown) => schemas.find((s) => typeof id === 'string' && same(s.id, id));
  const typeOf = (name: string) =>
    resourceTypes.find((t) => same(t.name, name) || same(t.schema, name === 'User' ? URN.User : URN.Group));
  const extensions: ExtensionSchema[] = [];
  const section = (resource: 'User' | 'Group'): AttributeMapping[] => {
    const type = typeOf(resource);
    if (!type) return [];
    const core = schemaById(type.schema);
    const mappings = targetsOf(attrs(core?.attributes), '');
    if (!mappings.some((m) => same(m.target, 'externalId')))
      mappings.push({ target: 'externalId', type: 'string', required: false, matching: false, filterable: false });
    if (resource === 'Group' && !mappings.some((m) => same(m.target, 'members'))) {
      if (byName(attrs(core?.attributes), 'members'))
        mappings.push({ target: 'members', type: 'reference', required: false, matching: false, filterable: false });
    }
    const listed = Array.isArray(type.schemaExtensions) ? (type.schemaExtensions as Json[]) : [];
    for (const entry of listed) {
      const schema = schemaById(entry.schema);
      if (!schema || typeof schema.id !== 'string') continue;
      const urn = schema.id;
      const targets = targetsOf(attrs(schema.attributes), `${urn}:`);
      mappings.push(...targets);
      if (same(urn, URN.EnterpriseUser)) continue;
      const simple = attrs(schema.attributes).filter((a) => a.type !== 'complex' && writable(a));
      if (simple.length > 0)
        extensions.push({
          urn,
          resource,
          ...(typeof schema.name === 'string' ? { name: schema.name } : {}),
          attributes: simple.map((a) => ({
            name: a.name,
            type: profileType(a.type),
            multiValued: Boolean(a.multiValued),
            required: Boolean(a.required),
            returned: 'default' as const,
          })),
        });
    }
    const key = resource === 'User' ? 'username' : 'displayname';
    const unique = new Map(mappings.map((m) => [m.target.toLowerCase(), m]));
    const matching = unique.get(key);
    if (matching) Object.assign(matching, { matching: true, matchingPrecedence: 1, filterable: true });
    return [...unique.values()];
  };
  const users = section('User');
  const groups = section('Group');
  const profile = {
    name: options.name ?? 'discovered',
    title: options.title ?? "Derived from the server's /Schemas and /ResourceTypes",
    source: options.source,
    resources: typeOf('Group') ? 'users+groups' : 'users',
    mode: 'default',
    users: { deprovision: ['disable', 'delete'], mappings: users },
    groups: { mappings: typeOf('Group') ? groups : [] },
    extensions,
    notes: [
      'Derived from /Schemas and /ResourceTypes: every writable attribute Entra could map. Delete the mappings your Entra app does not use.',
      '/Schemas does not say which attributes the server can filter on or which Entra matches on: userName (and group displayName) are marked matching; mark further attributes "filterable" or "matching" by hand.',
      'Attributes of multi-valued complex attributes are listed for every canonical type value (catalog D-11); attributes without canonical type values cannot be addressed by Entra and are left out.',
    ],
  };
  const parsed = Profile.safeParse(profile);
  if (parsed.success) return parsed.data;
  // One line that names what in /Schemas cannot become a profile (an attribute name with a space, say: RFC 7643
  // §2.1 ATTRNAME), never zod's multi-line JSON (whose first line is "[").
  const issue = parsed.error.issues[0]!;
  const where = issue.path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined),
    profile,
  );
  throw new Error(
    `/Schemas describes something no profile can hold: ${issue.path.join('.')}${typeof where === 'string' ? ` "${where}"` : ''}: ${issue.message.split('\n')[0]}`,
  );
}

export async function discoverProfile(client: ScimClient, baseUrl: string): Promise<Profile> {
  const { schemas, resourceTypes } = await readDiscovery(client);
  const url = new URL(baseUrl);
  return deriveProfile(schemas, resourceTypes, {
    title: `Discovered from ${url.host}${url.pathname}`,
    source: `GET ${url.protocol}//${url.host}${url.pathname}/Schemas and /ResourceTypes, ${new Date().toISOString().slice(0, 10)}`,
  });
}

/** discoverProfile for the runner and the `profile` command: a server without usable discovery is a target error. */
export async function discoverTargetProfile(client: ScimClient, baseUrl: string): Promise<Profile> {
  try {
    return await discoverProfile(client, baseUrl);
  } catch (error) {
    if (error instanceof TargetError) throw error;
    throw new TargetError(`--profile ${'discover'}: ${(error as Error).message.split('\n')[0]}`);
  }
}
