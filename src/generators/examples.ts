/**
 * Hand-picked values for the examples a property runs before its random cases (`property(…, { examples })`): each
 * stands for a bug class the property exists for, so that the default budget finds it every run instead of by luck.
 * Values that name a resource start with the run marker (unique per run and property, found again by cleanup); the
 * rest is fixed, so the same --seed sends the same examples. Every value is one a strict but correct server accepts
 * (E.164-ish phone numbers, dot-atom e-mail addresses): an example the server refuses with 400 is discarded like any
 * refused case, and would be wasted.
 */
import type { Profile } from '../profiles/profile-schema.js';
import { parseTargetPath } from '../entra/target-path.js';
import { generatedTargets, targetType } from './attribute-value.js';
import type { ScimValueType } from './extension-value.js';
import { markedPrefix, type MarkedConstraints } from './run-marker.js';
import { userBody, type GeneratedUser } from './user-resource.js';

/** The domain of example userNames, as the userName generator's `upn` shape. */
const DOMAIN = 'conformance.example.com';

/** Free text: a leading space (Entra sends " User X" verbatim, P-03), quotes and a backslash, other scripts. */
const TEXT = [' Ann "Q" O\'Neil', 'R&D \\ "Core"', 'Zoë 工程師 😀', '0042'];
/** Name parts: apostrophes, hyphens, particles, a quote and a backslash, non-Latin scripts. */
const NAME_PARTS = ["Zoë-Ann D'Arcy", 'de la Cruz "Jr" \\ 李'];
/** Phone numbers as directories hold them, every one valid for a server that checks E.164-ish shapes. */
const PHONES = ['55555555555', '+46 (70) 123-4567', '+1 425.555.0100'];
/** Address parts: a street over two lines with a quote, a postal code with a space, a formatted one with a backslash. */
const ADDRESS: Record<string, string> = {
  streetAddress: '1 Main St.\nApt "4", c/o O\'Neil',
  locality: 'Västerås',
  region: 'Île-de-France',
  postalCode: 'SW1A 1AA',
  country: 'SE',
  formatted: 'Floor 3 \\ Room 12, 東京',
};
const TYPED: Record<Exclude<ScimValueType, 'string' | 'reference' | 'binary'>, unknown> = {
  boolean: false,
  integer: -2147483648,
  decimal: 1234.5,
  dateTime: '2024-02-29T23:59:59Z',
};

type Kind = 'typed' | 'email' | 'phone' | 'address' | 'name' | 'text';

function kindOf(target: string, profile: Profile): Kind {
  const p = parseTargetPath(target);
  const attribute = p.attribute.toLowerCase();
  if (p.urn && !/enterprise:2\.0:user$/i.test(p.urn) && targetType(target, profile) in TYPED) return 'typed';
  if (attribute === 'emails') return 'email';
  if (attribute === 'phonenumbers') return 'phone';
  if (attribute === 'addresses') return 'address';
  return attribute === 'name' ? 'name' : 'text';
}

/**
 * A hand-picked value for one mapping target (the example counterpart of `attributeValue`); `index` picks among the
 * values of the target's kind, so that two targets of one kind in one user get different values.
 */
export function exampleAttributeValue(target: string, profile: Profile, marked: MarkedConstraints, index = 0): unknown {
  switch (kindOf(target, profile)) {
    case 'typed':
      return TYPED[targetType(target, profile) as keyof typeof TYPED];
    case 'email':
      return `${markedPrefix(marked)}First.O'Neil+Tag${index}@Example.org`;
    case 'phone':
      return PHONES[index % PHONES.length];
    case 'address':
      return ADDRESS[parseTargetPath(target).sub ?? 'formatted'] ?? ADDRESS.formatted;
    case 'name':
      return NAME_PARTS[index % NAME_PARTS.length];
    default:
      return TEXT[index % TEXT.length];
  }
}

/** A run-marked userName `<marker><local>@conformance.example.com`, `local` exactly as given (spaces, case, escapes). */
export function exampleUserName(marked: MarkedConstraints, local: string): string {
  return `${markedPrefix(marked)}${local}@${DOMAIN}`;
}

export interface ExampleUserOptions extends MarkedConstraints {
  profile: Profile;
  /** The part of the userName after the marker (also the externalId's, without spaces). */
  local: string;
  /** Give every generated target of the profile its hand-picked value. @defaultValue false */
  attributes?: boolean;
}

/** A whole user as {@link userResource} generates one, with hand-picked values. */
export function exampleUser(options: ExampleUserOptions): GeneratedUser {
  const marked = { runId: options.runId, label: options.label };
  const userName = exampleUserName(marked, options.local);
  const externalId = `${markedPrefix(marked)}${options.local.replace(/\s/g, '')}`;
  const attributes: Record<string, unknown> = {};
  if (options.attributes) {
    const seen = new Map<Kind, number>();
    for (const target of generatedTargets(options.profile)) {
      const kind = kindOf(target, options.profile);
      const index = seen.get(kind) ?? 0;
      seen.set(kind, index + 1);
      attributes[target] = exampleAttributeValue(target, options.profile, marked, index);
    }
  }
  return { userName, externalId, attributes, body: userBody(userName, externalId, attributes) };
}
