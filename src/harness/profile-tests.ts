/**
 * Helpers for the generated profile suites (suites/profile/): test data per mapped attribute, the attribute groups
 * that share one created user, create bodies without one attribute (U-09), and short titles that still carry every
 * attribute path. What Entra sends for each kind of mapping is in src/profiles/target-path.ts (mappingKind).
 */
import type { AttributeMapping, Profile } from '../profiles/profile-schema.js';
import { isEnterprise, mappingKind, parseProfileTarget, type MappingKind } from '../entra/target-path.js';
import type { Names } from '../entra/names.js';
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
      kind === 'reference' ? 'X-06' : kind === 'boolean' ? 'P-13' : kind === 'multi' ? 'P-10' : kind === 'extension' ? (isEnterprise(urn) ? 'X-03' : 'X-12') : 'P-03';
    return { mapping, target: mapping.target, kind, setBehaviour };
  });
}

/** The group one created user carries: core top-level attributes, one per complex/multi-valued attribute, one per extension. */
export function attributeGroupKey(target: string): string {
  const p = parseProfileTarget(target);
  if (!p) return target;
  if (p.urn) return p.urn.toLowerCase();
  return p.filter || p.sub ? p.attribute.toLowerCase() : '(core)';
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
    return cut > 0 && !t.slice(cut).includes('"') ? { head: t.slice(0, cut + 1), tail: t.slice(cut + 1) } : { head: '', tail: t };
  });
  const heads = new Map<string, string[]>();
  for (const s of split) heads.set(s.head, [...(heads.get(s.head) ?? []), s.tail]);
  return [...heads.entries()].map(([head, tails]) => (head && tails.length > 1 ? `${head}{${tails.join(', ')}}` : tails.map((t) => `${head}${t}`).join(', '))).join(', ');
}

/** The last name of a path: `emails[type eq "work"].value` → value, `urn:…:User:cardNumber` → cardNumber. */
function leaf(target: string): string {
  const p = parseProfileTarget(target);
  return (p?.sub ?? p?.attribute ?? target).toLowerCase();
}

/** Card numbers, PINs and registration codes (uniFLOW's cardNumber, pin, cardRegistrationCode) are digit strings. */
const DIGITS_ONLY = /^(cardnumber|pin|cardregistrationcode|badgenumber|badgeid)$/;

/** `length` digits for this test, from the run seed. */
function digits(names: Names, length: number): string {
  return Array.from({ length }, (_, i) => (i === 0 ? 1 + Math.floor(names.random() * 9) : Math.floor(names.random() * 10))).join('');
}

/**
 * A value for a mapped attribute, different per call, shaped like what Entra would send and derived from the run
 * seed (names.ts): run-marked strings (filters on them can only ever find this run's users), e-mail shapes for
 * e-mails and UPNs, E.164 phone numbers, https URLs for URL and reference attributes, digits for card numbers and
 * PINs, ISO country codes, booleans, numbers and xsd:dateTime by type. Variant `b` never equals variant `a`.
 */
export function profileValue(mapping: AttributeMapping, names: Names, variant: 'a' | 'b' = 'a'): unknown {
  const p = parseProfileTarget(mapping.target);
  const name = leaf(mapping.target);
  const attribute = (p?.attribute ?? '').toLowerCase();
  // a ∈ [0, 999], b ∈ [1000, 1999]: the two variants of one attribute always differ.
  const n = () => Math.floor(names.random() * 1000) + (variant === 'b' ? 1000 : 0);
  switch (mapping.type) {
    case 'boolean':
      return variant === 'a';
    case 'integer':
      return 1000 + n();
    case 'decimal':
      return n() + 0.5;
    case 'dateTime':
      return new Date(Date.UTC(2024, 0, 1) + n() * 86_400_000).toISOString().replace('.000Z', 'Z');
    case 'binary':
      return Buffer.from(`scimc ${names.token()}`).toString('base64');
    default:
      break;
  }
  if (attribute === 'username') return /mailnickname/i.test(mapping.source ?? '') ? names.externalId('nick') : names.userName(`pm${variant}`);
  if (attribute === 'emails' || /principalname|mail$/i.test(name)) return names.email(`mail${variant}`);
  if (attribute === 'phonenumbers') return names.phone();
  if (name === 'country') return variant === 'a' ? 'NL' : 'BE';
  if (DIGITS_ONLY.test(name)) return digits(names, name === 'pin' ? 6 : 10);
  if (/url$/i.test(name) || mapping.type === 'reference') return names.url(name.replace(/[^a-z0-9]/gi, '').slice(0, 12) || 'ref');
  return names.externalId(name.replace(/[^a-z0-9]/gi, '').slice(0, 12) || 'v');
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
    holder[key] = list.filter((e) => String(memberCI(e, p.filter!.attribute)).toLowerCase() !== String(p.filter!.value).toLowerCase());
  } else if (p.sub) {
    const object = holder[key] as Json | undefined;
    if (object && typeof object === 'object') {
      const sub = Object.keys(object).find((k) => k.toLowerCase() === p.sub!.toLowerCase());
      if (sub !== undefined) delete object[sub];
    }
  } else delete holder[key];
}

/** The body of `filter=` for a mapped target: `emails[type eq "work"].value eq "x"` (catalog U-05, F-08). */
export function targetFilter(target: string, value: string): string {
  return `${target} eq "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
