/**
 * Helpers for the generated profile suites (suites/profile/): test data per mapped attribute, the attribute groups
 * that share one created user, create bodies without one attribute (U-09), and short titles that still carry every
 * attribute path. What Entra sends for each kind of mapping is in src/entra/target-path.ts (mappingKind); the
 * value a test sends for a mapping is src/entra/values.ts (profileValue).
 */
import type { AttributeMapping, Profile } from '../profiles/profile-schema.js';
import { containerKey, isEnterprise, mappingKind, parseProfileTarget, type MappingKind } from '../entra/target-path.js';
import { memberCI } from '../entra/read.js';

type Json = Record<string, unknown>;

export interface MappedAttribute {
  mapping: AttributeMapping;
  target: string;
  kind: MappingKind;
  /** Behaviour id of the PATCH that sets it the way Entra does (P-03, P-10, X-03, X-12, X-06, P-13). */
  setBehaviour: 'P-03' | 'P-10' | 'X-03' | 'X-12' | 'X-06' | 'P-13';
}

/** The user mappings of a profile with their kind, in profile order. */
export function mappedUserAttributes(profile: Profile): MappedAttribute[] {
  return profile.users.mappings.map((mapping) => {
    const kind = mappingKind(mapping.target, mapping.type);
    const urn = parseProfileTarget(mapping.target)?.urn;
    const setBehaviour =
      kind === 'reference'
        ? 'X-06'
        : kind === 'boolean'
          ? 'P-13'
          : kind === 'multi'
            ? 'P-10'
            : kind === 'extension'
              ? isEnterprise(urn)
                ? 'X-03'
                : 'X-12'
              : 'P-03';
    return { mapping, target: mapping.target, kind, setBehaviour };
  });
}

/** The group one created user carries: core top-level attributes, one per complex/multi-valued attribute, one per extension. */
export function attributeGroupKey(target: string): string {
  return containerKey(target, 'post');
}

/** Mapped attributes grouped for one POST each, in profile order. */
export function attributeGroups<T extends { target: string }>(items: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = attributeGroupKey(item.target);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

/**
 * Paths for a title, shortened without dropping any: `name.{givenName, familyName}`,
 * `urn:…:ws1b:2.0:User:{adSourceAnchor, domain}`, `addresses[type eq "work"].{locality, region}`.
 */
export function titlePaths(targets: string[]): string {
  if (targets.length === 1) return targets[0]!;
  const split = targets.map((t) => {
    const cut = Math.max(t.lastIndexOf('.'), t.startsWith('urn:') ? t.lastIndexOf(':') : -1);
    return cut > 0 && !t.slice(cut).includes('"')
      ? { head: t.slice(0, cut + 1), tail: t.slice(cut + 1) }
      : { head: '', tail: t };
  });
  const heads = new Map<string, string[]>();
  for (const s of split) heads.set(s.head, [...(heads.get(s.head) ?? []), s.tail]);
  return [...heads.entries()]
    .map(([head, tails]) =>
      head && tails.length > 1 ? `${head}{${tails.join(', ')}}` : tails.map((t) => `${head}${t}`).join(', '),
    )
    .join(', ');
}

/** A type value other than `type` for a sibling element (`emails[type eq "work"]` → a "home" e-mail). */
export function otherType(type: string | boolean): string {
  const given = String(type).toLowerCase();
  return given === 'home' ? 'work' : given === 'work' ? 'home' : 'work';
}

/** Removes a mapping target from a create body (for "missing required attribute" tests). */
export function removeFromBody(body: Json, target: string): void {
  const p = parseProfileTarget(target);
  if (!p) return;
  const holder = p.urn ? (memberCI(body, p.urn) as Json | undefined) : body;
  if (!holder || typeof holder !== 'object') return;
  const key = Object.keys(holder).find((k) => k.toLowerCase() === p.attribute.toLowerCase());
  if (key === undefined) return;
  if (p.filter) {
    const list = Array.isArray(holder[key]) ? (holder[key] as Json[]) : [];
    holder[key] = list.filter(
      (e) => String(memberCI(e, p.filter!.attribute)).toLowerCase() !== String(p.filter!.value).toLowerCase(),
    );
  } else if (p.sub) {
    const object = holder[key] as Json | undefined;
    if (object && typeof object === 'object') {
      const sub = Object.keys(object).find((k) => k.toLowerCase() === p.sub!.toLowerCase());
      if (sub !== undefined) delete object[sub];
    }
  } else delete holder[key];
}
