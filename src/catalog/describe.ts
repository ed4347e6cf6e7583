/**
 * One behaviour as the labelled parts a reader needs, in the order every renderer prints them. The terminal
 * (`scim-conformance explain`) and docs/behaviours.md are both made from this, so they never say different things.
 */
import { behaviourInfo, type BehaviourId } from './behaviours.js';
import { specLabel, specUrl } from './spec-links.js';
import type { Level, Mode } from './types.js';
import { UNOBSERVABLE } from './unobservable.js';

/** What each level means for a vendor's run. */
export const LEVEL_MEANINGS = {
  required:
    'Entra fails, duplicates objects, loops or quarantines the job (or tenant security breaks) when this is wrong; a failure fails the run.',
  recommended:
    'RFC 7643/7644 or Microsoft guidance that Entra tolerates; reported, but does not fail the run by default.',
  gallery: "Checked by Microsoft's gallery onboarding before an app is listed; does not fail the run by default.",
  validator: "Checked only by Microsoft's SCIM Validator; does not fail the run by default.",
  informational: 'Context: how Entra behaves, or what shapes the tests; not a pass/fail behaviour on its own.',
} as const satisfies Record<Level, string>;

/** Which Entra client each mode describes. */
export const MODE_MEANINGS = {
  default: 'default dialect (tenant URL without a flag; what most tenants and provision-on-demand send)',
  flag: 'flag dialect (tenant URL with aadOptscim062020)',
  both: 'both dialects',
  legacy: 'legacy customappsso jobs (before December 2018)',
  validator: "Microsoft's SCIM Validator",
  gallery: "Microsoft's gallery-onboarding tests",
} as const satisfies Record<Mode, string>;

export interface DescribedPart {
  label: string;
  text: string;
}

export interface BehaviourDescription {
  id: BehaviourId;
  title: string;
  level: Level;
  mode: Mode;
  /** Requests, what passes, the levels of a mixed entry, Entra's consequence, and why it is not tested. */
  parts: DescribedPart[];
  sources: Array<{ label: string; url: string }>;
}

/** Catalog texts may start in lower case ("the same match filter as U-02"); printed on their own they start a sentence. */
export function asSentence(text: string): string {
  return /^[a-z]/.test(text) ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** The parts of one behaviour, with its sources resolved to labels and links. */
export function describeBehaviour(id: BehaviourId): BehaviourDescription {
  const info = behaviourInfo(id);
  const parts: DescribedPart[] = [
    { label: 'Requests', text: asSentence(info.sends) },
    { label: 'Passes', text: asSentence(info.passes) },
  ];
  if (info.levels !== undefined) parts.push({ label: 'Levels', text: info.levels });
  parts.push({ label: 'When it is wrong', text: asSentence(info.entra) });
  const reason = UNOBSERVABLE[id];
  if (reason !== undefined) parts.push({ label: 'Not tested', text: asSentence(reason) });
  return {
    id,
    title: info.title,
    level: info.level,
    mode: info.mode,
    parts,
    sources: info.spec.map((anchor) => ({ label: specLabel(anchor), url: specUrl(anchor) })),
  };
}
