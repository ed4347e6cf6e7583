/**
 * Profiles and discovery (catalog D-10…D-12, X-15): derive a profile from a server's own /Schemas and
 * /ResourceTypes (`--profile discover`, `scim-conformance profile --url …`), and compare a profile with what a
 * server advertises, one difference per finding.
 */
import type { ScimClient } from '../client/scim-client.js';
import { TargetError } from '../cli/errors.js';
import { URN } from '../scim/urns.js';
import { Profile, type AttributeMapping, type ExtensionSchema } from './profile-schema.js';
import { parseProfileTarget } from './target-path.js';

type Json = Record<string, unknown>;

interface SchemaAttr {
  name: string;
  type?: string;
  multiValued?: boolean;
  required?: boolean;
  mutability?: string;
  returned?: string;
  canonicalValues?: unknown[];
  subAttributes?: SchemaAttr[];
}

const attrs = (value: unknown): SchemaAttr[] =>
  Array.isArray(value) ? (value as SchemaAttr[]).filter((a) => a && typeof a === 'object' && typeof a.name === 'string') : [];
const same = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
const byName = (list: SchemaAttr[], name: string) => list.find((a) => same(a.name, name));
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
      throw new Error(`GET ${path} answered ${response.status}${resources.length === 0 ? ' without resources' : ''}; --profile discover needs the server's /Schemas and /ResourceTypes (catalog D-10, D-12)`);
    return resources;
  };
  return { schemas: await read('/Schemas'), resourceTypes: await read('/ResourceTypes') };
}

/** Core attributes Entra never maps (U-26) or cannot write. */
const SKIPPED_CORE = new Set(['id', 'meta', 'password', 'groups', 'entitlements', 'roles', 'x509certificates', 'photos', 'ims', 'members']);

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
    out.push({ target, type: profileType(a.type), required: Boolean(a.required), matching: false, filterable: false, ...extra });
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
      for (const sub of subs) if (sub.type !== 'complex' && !sub.multiValued) add(`${prefix}${a.name}.${sub.name}`, sub);
      continue;
    }
    const typeSub = byName(attrs(a.subAttributes), 'type');
    const canonical = (typeSub?.canonicalValues ?? []).filter((v): v is string => typeof v === 'string');
    const wanted = subs.filter((s) => !['type', 'primary', 'display'].includes(s.name.toLowerCase()) && s.type !== 'complex');
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
export function deriveProfile(schemas: Json[], resourceTypes: Json[], options: { name?: string; title?: string; source: string }): Profile {
  const schemaById = (id: unknown) => schemas.find((s) => typeof id === 'string' && same(s.id, id));
  const typeOf = (name: string) => resourceTypes.find((t) => same(t.name, name) || same(t.schema, name === 'User' ? URN.User : URN.Group));
  const extensions: ExtensionSchema[] = [];
  const section = (resource: 'User' | 'Group'): AttributeMapping[] => {
    const type = typeOf(resource);
    if (!type) return [];
    const core = schemaById(type.schema);
    const mappings = targetsOf(attrs(core?.attributes), '');
    if (!mappings.some((m) => same(m.target, 'externalId'))) mappings.push({ target: 'externalId', type: 'string', required: false, matching: false, filterable: false });
    if (resource === 'Group' && !mappings.some((m) => same(m.target, 'members'))) {
      if (byName(attrs(core?.attributes), 'members')) mappings.push({ target: 'members', type: 'reference', required: false, matching: false, filterable: false });
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
          attributes: simple.map((a) => ({ name: a.name, type: profileType(a.type), multiValued: Boolean(a.multiValued), required: Boolean(a.required), returned: 'default' as const })),
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
    title: options.title ?? 'Derived from the server\'s /Schemas and /ResourceTypes',
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
  return Profile.parse(profile);
}

export async function discoverProfile(client: ScimClient, baseUrl: string): Promise<Profile> {
  const { schemas, resourceTypes } = await readDiscovery(client);
  const url = new URL(baseUrl);
  return deriveProfile(schemas, resourceTypes, {
    title: `Discovered from ${url.host}${url.pathname}`,
    source: `GET ${url.protocol}//${url.host}${url.pathname}/Schemas and /ResourceTypes, ${new Date().toISOString().slice(0, 10)}`,
  });
}

export interface DiscoveryDifference {
  resource: 'User' | 'Group';
  /** The mapping target or extension URN the difference is about. */
  subject: string;
  kind: 'extension-not-in-schemas' | 'extension-not-in-resource-type' | 'attribute-not-in-schemas' | 'type-mismatch' | 'read-only' | 'never-returned' | 'not-discoverable';
  message: string;
}

/** Entra writes strings for string and reference alike; other types must agree. */
function compatible(profile: string, schema: string | undefined): boolean {
  if (schema === undefined) return true;
  if (profile === schema) return true;
  const stringy = new Set(['string', 'reference', 'binary', 'dateTime']);
  return profile === 'string' && stringy.has(schema);
}

/**
 * Every difference between a profile and what the server advertises: an extension the profile needs that /Schemas
 * or the resource type does not list, a mapped attribute /Schemas does not define, a type that differs, an attribute
 * Entra writes that the server declares readOnly or returned:"never", and a mapping Entra's gallery flattening
 * (D-11) cannot find.
 */
export function compareWithDiscovery(profile: Profile, schemas: Json[], resourceTypes: Json[], resource: 'User' | 'Group'): DiscoveryDifference[] {
  const out: DiscoveryDifference[] = [];
  const diff = (subject: string, kind: DiscoveryDifference['kind'], message: string) => out.push({ resource, subject, kind, message });
  const coreUrn = resource === 'User' ? URN.User : URN.Group;
  const type = resourceTypes.find((t) => same(t.name, resource) || same(t.schema, coreUrn));
  const listed = Array.isArray(type?.schemaExtensions) ? (type!.schemaExtensions as Json[]).map((e) => String(e.schema).toLowerCase()) : [];
  const schemaOf = (urn: string) => schemas.find((s) => same(s.id, urn));
  const mappings = resource === 'User' ? profile.users.mappings : profile.resources === 'users+groups' ? profile.groups.mappings : [];
  const urns = new Set<string>();
  for (const e of profile.extensions) if (e.resource === resource) urns.add(e.urn);
  for (const m of mappings) {
    const urn = parseProfileTarget(m.target)?.urn;
    if (urn && !same(urn, coreUrn)) urns.add(urn);
  }
  for (const urn of urns) {
    if (!schemaOf(urn)) diff(urn, 'extension-not-in-schemas', `the profile uses the extension ${urn}, but /Schemas does not list it`);
    else if (!listed.includes(urn.toLowerCase()))
      diff(urn, 'extension-not-in-resource-type', `/ResourceTypes ${resource} does not list ${urn} in schemaExtensions (it lists ${listed.length ? listed.join(', ') : 'none'})`);
    const declared = profile.extensions.find((e) => same(e.urn, urn));
    const schema = schemaOf(urn);
    if (!declared || !schema) continue;
    for (const a of declared.attributes) {
      const found = byName(attrs(schema.attributes), a.name);
      if (!found) diff(`${urn}:${a.name}`, 'attribute-not-in-schemas', `the profile declares ${urn}:${a.name}, but that schema in /Schemas has no attribute "${a.name}"`);
      else if (!compatible(a.type, found.type)) diff(`${urn}:${a.name}`, 'type-mismatch', `${urn}:${a.name} is ${a.type} in the profile but ${found.type} in /Schemas`);
    }
  }
  const names = flattenedTargets(schemas, coreUrn);
  for (const m of mappings) {
    const p = parseProfileTarget(m.target);
    if (!p) continue;
    const urn = p.urn && !same(p.urn, coreUrn) ? p.urn : undefined;
    const schema = schemaOf(urn ?? coreUrn);
    if (!schema) continue; // reported above (or the core schema is missing, which the D-10 test reports)
    if (!urn && ['id', 'externalid', 'meta'].includes(p.attribute.toLowerCase()) && !byName(attrs(schema.attributes), p.attribute)) continue;
    const attribute = byName(attrs(schema.attributes), p.attribute);
    const sub = p.sub ? byName(attrs(attribute?.subAttributes), p.sub) : p.filter ? byName(attrs(attribute?.subAttributes), 'value') : undefined;
    const leaf = p.sub || p.filter ? sub : attribute;
    if (!attribute || ((p.sub || p.filter) && !sub && !(p.attribute.toLowerCase() === 'manager'))) {
      diff(m.target, 'attribute-not-in-schemas', `${m.target} is mapped, but /Schemas (${urn ?? coreUrn}) defines no ${p.sub ? `${p.attribute}.${p.sub}` : p.attribute}`);
      continue;
    }
    if (!names.has(m.target.replace(/\s+/g, ' ').toLowerCase()))
      diff(m.target, 'not-discoverable', `${m.target} is not among the names Entra's gallery test derives from /Schemas${p.filter ? ` (declare canonicalValues containing "${p.filter.value}" on ${p.attribute}.${p.filter.attribute})` : ''}`);
    const schemaType = m.type === 'reference' && attribute.type === 'complex' ? 'reference' : leaf?.type;
    if (leaf && !compatible(m.type, schemaType) && !(m.type === 'reference' && attribute.type === 'complex'))
      diff(m.target, 'type-mismatch', `${m.target} is ${m.type} in the profile but ${leaf.type} in /Schemas`);
    if (leaf?.mutability === 'readOnly' || attribute.mutability === 'readOnly') diff(m.target, 'read-only', `${m.target} is mapped (Entra writes it) but /Schemas declares it readOnly`);
    if (leaf?.returned === 'never') diff(m.target, 'never-returned', `${m.target} is declared returned:"never": Entra reads it back as empty and re-sends it every cycle (catalog X-16)`);
  }
  return out;
}

/** Entra's gallery flattening of /Schemas (catalog D-11), lower case, for the resource's core schema and every extension. */
function flattenedTargets(schemas: Json[], coreUrn: string): Set<string> {
  const names = new Set<string>(['id', 'externalid', 'meta']);
  for (const schema of schemas) {
    const id = typeof schema.id === 'string' ? schema.id : '';
    if (same(id, URN.User) || same(id, URN.Group)) {
      if (!same(id, coreUrn)) continue;
    }
    const prefix = same(id, coreUrn) ? '' : `${id}:`;
    for (const a of attrs(schema.attributes)) {
      const base = `${prefix}${a.name}`;
      names.add(base.toLowerCase());
      const subs = attrs(a.subAttributes);
      if (a.type !== 'complex' || subs.length === 0) continue;
      if (!a.multiValued) {
        for (const s of subs) names.add(`${base}.${s.name}`.toLowerCase());
        continue;
      }
      const canonical = (byName(subs, 'type')?.canonicalValues ?? []).filter((v): v is string => typeof v === 'string');
      const selectors = canonical.length ? canonical.map((v) => `[type eq "${v}"]`) : ['[primary eq "True"]'];
      for (const sel of selectors) for (const s of subs) if (!['type', 'primary'].includes(s.name.toLowerCase())) names.add(`${base}${sel}.${s.name}`.toLowerCase());
    }
  }
  return names;
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
