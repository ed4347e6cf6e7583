/**
 * Compares a profile with what a server advertises in /Schemas and /ResourceTypes (catalog D-10, D-11, X-15, X-16),
 * one difference per finding. Kept apart from discover.ts so that the suites load it without the profile parser.
 */
import { URN } from '../scim/urns.js';
import type { Profile } from './profile-schema.js';
import { attrs, byName, same } from './schema-attributes.js';
import { parseProfileTarget } from '../entra/target-path.js';

type Json = Record<string, unknown>;

export interface DiscoveryDifference {
  resource: 'User' | 'Group';
  /** The mapping target or extension URN the difference is about. */
  subject: string;
  kind:
    | 'extension-not-in-schemas'
    | 'extension-not-in-resource-type'
    | 'attribute-not-in-schemas'
    | 'type-mismatch'
    | 'read-only'
    | 'never-returned'
    | 'not-discoverable';
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
export function compareWithDiscovery(
  profile: Profile,
  schemas: Json[],
  resourceTypes: Json[],
  resource: 'User' | 'Group',
): DiscoveryDifference[] {
  const out: DiscoveryDifference[] = [];
  const diff = (subject: string, kind: DiscoveryDifference['kind'], message: string) =>
    out.push({ resource, subject, kind, message });
  const coreUrn = resource === 'User' ? URN.User : URN.Group;
  const type = resourceTypes.find((t) => same(t.name, resource) || same(t.schema, coreUrn));
  const listed = Array.isArray(type?.schemaExtensions)
    ? (type.schemaExtensions as Json[]).map((e) => String(e.schema).toLowerCase())
    : [];
  const schemaOf = (urn: string) => schemas.find((s) => same(s.id, urn));
  const mappings =
    resource === 'User' ? profile.users.mappings : profile.resources === 'users+groups' ? profile.groups.mappings : [];
  const urns = new Set<string>();
  for (const e of profile.extensions) if (e.resource === resource) urns.add(e.urn);
  for (const m of mappings) {
    const urn = parseProfileTarget(m.target)?.urn;
    if (urn && !same(urn, coreUrn)) urns.add(urn);
  }
  for (const urn of urns) {
    if (!schemaOf(urn))
      diff(urn, 'extension-not-in-schemas', `the profile uses the extension ${urn}, but /Schemas does not list it`);
    else if (!listed.includes(urn.toLowerCase()))
      diff(
        urn,
        'extension-not-in-resource-type',
        `/ResourceTypes ${resource} does not list ${urn} in schemaExtensions (it lists ${listed.length ? listed.join(', ') : 'none'})`,
      );
    const declared = profile.extensions.find((e) => same(e.urn, urn));
    const schema = schemaOf(urn);
    if (!declared || !schema) continue;
    for (const a of declared.attributes) {
      const found = byName(attrs(schema.attributes), a.name);
      if (!found)
        diff(
          `${urn}:${a.name}`,
          'attribute-not-in-schemas',
          `the profile declares ${urn}:${a.name}, but that schema in /Schemas has no attribute "${a.name}"`,
        );
      else if (!compatible(a.type, found.type))
        diff(
          `${urn}:${a.name}`,
          'type-mismatch',
          `${urn}:${a.name} is ${a.type} in the profile but ${found.type} in /Schemas`,
        );
    }
  }
  const names = flattenedTargets(schemas, coreUrn);
  for (const m of mappings) {
    const p = parseProfileTarget(m.target);
    if (!p) continue;
    const urn = p.urn && !same(p.urn, coreUrn) ? p.urn : undefined;
    const schema = schemaOf(urn ?? coreUrn);
    if (!schema) continue; // reported above (or the core schema is missing, which the D-10 test reports)
    if (
      !urn &&
      ['id', 'externalid', 'meta'].includes(p.attribute.toLowerCase()) &&
      !byName(attrs(schema.attributes), p.attribute)
    )
      continue;
    const attribute = byName(attrs(schema.attributes), p.attribute);
    const sub = p.sub
      ? byName(attrs(attribute?.subAttributes), p.sub)
      : p.filter
        ? byName(attrs(attribute?.subAttributes), 'value')
        : undefined;
    const leaf = p.sub || p.filter ? sub : attribute;
    if (!attribute || ((p.sub || p.filter) && !sub && !(p.attribute.toLowerCase() === 'manager'))) {
      diff(
        m.target,
        'attribute-not-in-schemas',
        `${m.target} is mapped, but /Schemas (${urn ?? coreUrn}) defines no ${p.sub ? `${p.attribute}.${p.sub}` : p.attribute}`,
      );
      continue;
    }
    if (!names.has(m.target.replace(/\s+/g, ' ').toLowerCase()))
      diff(
        m.target,
        'not-discoverable',
        `${m.target} is not among the names Entra's gallery test derives from /Schemas${p.filter ? ` (declare canonicalValues containing "${p.filter.value}" on ${p.attribute}.${p.filter.attribute})` : ''}`,
      );
    const schemaType = m.type === 'reference' && attribute.type === 'complex' ? 'reference' : leaf?.type;
    if (leaf && !compatible(m.type, schemaType) && !(m.type === 'reference' && attribute.type === 'complex'))
      diff(m.target, 'type-mismatch', `${m.target} is ${m.type} in the profile but ${leaf.type} in /Schemas`);
    if (leaf?.mutability === 'readOnly' || attribute.mutability === 'readOnly')
      diff(m.target, 'read-only', `${m.target} is mapped (Entra writes it) but /Schemas declares it readOnly`);
    if (leaf?.returned === 'never')
      diff(
        m.target,
        'never-returned',
        `${m.target} is declared returned:"never": Entra reads it back as empty and re-sends it every cycle (catalog X-16)`,
      );
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
      for (const sel of selectors)
        for (const s of subs)
          if (!['type', 'primary'].includes(s.name.toLowerCase())) names.add(`${base}${sel}.${s.name}`.toLowerCase());
    }
  }
  return names;
}
