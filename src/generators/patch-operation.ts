/**
 * PATCH operations on a user, as Entra sends them in its two dialects (catalog §4): the default job sends one
 * capitalised operation per attribute with string booleans (P-01, P-04, U-14); the `aadOptscim062020` flag sends
 * lower-case ops, real booleans and batches plain attributes into one path-less replace with dotted and URN keys
 * (P-05). Value-filter paths (`emails[type eq "work"].value`) may point at an element that does not exist yet
 * (P-08). Targets come from the profile's mappings, values from {@link attributeValue}.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import fc from 'fast-check';
import type { Profile } from '../profiles/profile-schema.js';
import { parseTargetPath } from '../entra/target-path.js';
import { attributeValue, generatedTargets } from './attribute-value.js';
import type { MarkedConstraints } from './run-marker.js';

export type PatchDialect = 'default' | 'flag';

export interface GeneratedPatch {
  dialect: PatchDialect;
  /** The `Operations` array of the PatchOp body. */
  operations: Array<Record<string, unknown>>;
}

export interface PatchOperationConstraints {
  /** The target app's profile; its user mappings are the paths operations write. */
  profile: Profile;
  /** Only these mapping targets. @defaultValue every generated target of the profile */
  targets?: readonly string[];
  /** Most operations per PATCH. @defaultValue 4 */
  maxOperations?: number;
  /** Dialects to draw from. @defaultValue ["default", "flag"] */
  dialects?: readonly PatchDialect[];
  /** Also toggle `active` (string booleans in the default dialect). @defaultValue true */
  active?: boolean;
  /** Run marker for e-mail values (see {@link attributeValue}). @defaultValue unmarked */
  marked?: MarkedConstraints;
}

const opName = (name: 'add' | 'replace' | 'remove', dialect: PatchDialect) =>
  dialect === 'default' ? name[0]!.toUpperCase() + name.slice(1) : name;

/** A target that a path-less value object can carry as a key: a plain, dotted or URN-qualified attribute (P-05). */
function pathlessKey(target: string): boolean {
  return !parseTargetPath(target).filter;
}

function operation(
  target: string,
  dialect: PatchDialect,
  profile: Profile,
  marked?: MarkedConstraints,
): fc.Arbitrary<Record<string, unknown>> {
  const value = attributeValue(target, profile, marked);
  const kinds: Array<fc.Arbitrary<Record<string, unknown>>> = [
    value.map((v) => ({ op: opName('replace', dialect), path: target, value: v })),
    value.map((v) => ({ op: opName('add', dialect), path: target, value: v })),
  ];
  // Removing a sub-attribute inside a filtered element is not something Entra sends; plain removes are (P-11).
  if (!parseTargetPath(target).filter) kinds.push(fc.constant({ op: opName('remove', dialect), path: target }));
  return fc.oneof(...kinds);
}

function activeOperation(dialect: PatchDialect): fc.Arbitrary<Record<string, unknown>> {
  return fc.boolean().map((active) => ({
    op: opName('replace', dialect),
    path: 'active',
    value: dialect === 'default' ? (active ? 'True' : 'False') : active,
  }));
}

/** The flag dialect's batched path-less replace of plain attributes (P-05). */
function pathlessReplace(
  targets: readonly string[],
  profile: Profile,
  marked?: MarkedConstraints,
): fc.Arbitrary<Record<string, unknown>> {
  const keys = targets.filter(pathlessKey);
  return fc
    .record(Object.fromEntries(keys.map((k) => [k, attributeValue(k, profile, marked)])), { requiredKeys: [] })
    .filter((value) => Object.keys(value).length > 0)
    .map((value) => ({ op: 'replace', value }));
}

export function patchOperations(constraints: PatchOperationConstraints): fc.Arbitrary<GeneratedPatch> {
  const { profile } = constraints;
  const targets = constraints.targets ?? generatedTargets(profile);
  const dialects = constraints.dialects ?? ['default', 'flag'];
  const forDialect = (dialect: PatchDialect) => {
    const ops: Array<fc.Arbitrary<Record<string, unknown>>> = targets.map((t) =>
      operation(t, dialect, profile, constraints.marked),
    );
    if (constraints.active ?? true) ops.push(activeOperation(dialect));
    if (dialect === 'flag' && targets.some(pathlessKey))
      ops.push(pathlessReplace(targets, profile, constraints.marked));
    return fc
      .array(fc.oneof(...ops), { minLength: 1, maxLength: constraints.maxOperations ?? 4 })
      .map((operations) => ({ dialect, operations }));
  };
  return fc.oneof(...dialects.map(forDialect));
}
