/**
 * The behaviour catalog as typed data: every behaviour id with its title, level, mode, spec anchors, the requests
 * behind it, what passes and what Entra does when it is wrong. Suites refer to behaviours by id only; the readable
 * form is docs/behaviours.md (generated from here) and `scim-conformance explain <id>`.
 * The data lives in one file per catalog section under ./sections/; this module merges them and is the only
 * entry point other modules should import.
 */
import type { BehaviourInfo, Section } from './types.js';
import { DISCOVERY_BEHAVIOURS } from './sections/discovery.js';
import { EXTENSION_BEHAVIOURS } from './sections/extensions.js';
import { FILTER_BEHAVIOURS } from './sections/filters.js';
import { GROUP_BEHAVIOURS } from './sections/groups.js';
import { PATCH_BEHAVIOURS } from './sections/patch.js';
import { USER_BEHAVIOURS } from './sections/users.js';

/** All 124 behaviours keyed by id, in catalog order (U, F, P, G, D, X). */
export const BEHAVIOURS = {
  ...USER_BEHAVIOURS,
  ...FILTER_BEHAVIOURS,
  ...PATCH_BEHAVIOURS,
  ...GROUP_BEHAVIOURS,
  ...DISCOVERY_BEHAVIOURS,
  ...EXTENSION_BEHAVIOURS,
} satisfies Record<string, Omit<BehaviourInfo, 'id'>>;

/** Section headings, in catalog order. */
export const SECTION_TITLES = {
  U: 'Users',
  F: 'Filters and queries',
  P: 'PATCH semantics',
  G: 'Groups',
  D: 'Discovery, connection, authentication, errors and throttling',
  X: 'Schema extensions',
} as const satisfies Record<Section, string>;

/** A catalog id such as 'U-14'; a typo'd id does not compile. */
export type BehaviourId = keyof typeof BEHAVIOURS;

const ids = Object.keys(BEHAVIOURS) as BehaviourId[];

/** True when `id` is a catalog id. */
export function isBehaviourId(id: string): id is BehaviourId {
  return Object.prototype.hasOwnProperty.call(BEHAVIOURS, id);
}

/** The catalog entry for `id`, with the id filled in. Throws on an id the catalog does not define. */
export function behaviourInfo(id: BehaviourId | (string & {})): BehaviourInfo {
  if (!isBehaviourId(id)) {
    throw new Error(`Unknown behaviour id "${id}": it is not in the catalog (src/catalog/sections/*.ts).`);
  }
  const entry: Omit<BehaviourInfo, 'id'> = BEHAVIOURS[id];
  return { id, ...entry, spec: [...entry.spec] };
}

/** Every catalog id, in catalog order. Returns a fresh array. */
export function allBehaviourIds(): BehaviourId[] {
  return [...ids];
}

/** The ids of one catalog section, in catalog order. */
export function behaviourIdsInSection(section: Section): BehaviourId[] {
  return ids.filter((id) => BEHAVIOURS[id].section === section);
}
