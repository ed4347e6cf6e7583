/**
 * Whole users as Entra creates them (catalog U-06), derived from the profile: the run-marked userName and
 * externalId, `active: true`, and a value for any subset of the profile's mapping targets (shrinking drops
 * attributes one at a time). The result carries both the POST body and the list of what was sent per target, which
 * is what a round-trip property compares.
 */
import fc from 'fast-check';
import type { Profile } from '../profiles/profile-schema.js';
import { entraUserBody, setInCreateBody } from '../entra/bodies.js';
import { parseProfileTarget } from '../entra/target-path.js';
import { attributeValue, generatedTargets } from './attribute-value.js';
import { externalId } from './external-id.js';
import type { MarkedConstraints } from './run-marker.js';
import { userName, type UserNameConstraints } from './user-name.js';

export interface GeneratedUser {
  userName: string;
  externalId: string;
  /** Mapping target → value, for every attribute set besides userName, externalId and active. */
  attributes: Record<string, unknown>;
  /** The POST /Users body, shaped like Entra's. */
  body: Record<string, unknown>;
}

export interface UserResourceConstraints extends MarkedConstraints {
  /** The target app's profile; its user mappings decide which attributes are generated. */
  profile: Profile;
  /** Passed on to {@link userName}. @defaultValue {} */
  userName?: Omit<UserNameConstraints, 'runId' | 'label'>;
  /** Only these mapping targets (a subset of the profile's). @defaultValue every target the profile maps */
  targets?: readonly string[];
}

/** Builds Entra's POST body from generated parts (exported for the stateful commands). */
export function userBody(name: string, external: string, attributes: Record<string, unknown>): Record<string, unknown> {
  const body = entraUserBody(name, external);
  delete body.emails;
  delete body.name;
  for (const [target, value] of Object.entries(attributes)) setInCreateBody(body, target, value);
  // Entra marks the work e-mail primary (U-06).
  const emails = body.emails as Array<Record<string, unknown>> | undefined;
  const work = emails?.find((e) => e.type === 'work');
  if (work) work.primary = true;
  return body;
}

export function userResource(constraints: UserResourceConstraints): fc.Arbitrary<GeneratedUser> {
  const targets = (constraints.targets ?? generatedTargets(constraints.profile)).filter((t) => parseProfileTarget(t));
  const model = Object.fromEntries(
    targets.map((t) => [
      t,
      attributeValue(t, constraints.profile, { runId: constraints.runId, label: constraints.label }),
    ]),
  );
  return fc
    .record({
      userName: userName({ ...constraints.userName, runId: constraints.runId, label: constraints.label }),
      externalId: externalId({ runId: constraints.runId, label: constraints.label }),
      attributes: fc.record(model, { requiredKeys: [] }),
    })
    .map(({ userName: name, externalId: external, attributes }) => {
      const kept = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined));
      return { userName: name, externalId: external, attributes: kept, body: userBody(name, external, kept) };
    });
}
