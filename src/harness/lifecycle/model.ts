/**
 * The model of a stateful run: what Entra believes the target holds after its operations. It maps Entra's objects
 * (labels `u1`, `g1` in counterexamples) to the ids the target assigned, and keeps the expected state of each.
 */
import type fc from 'fast-check';
import type { Profile } from '../../profiles/profile-schema.js';
import type { ScimClient } from '../../client/scim-client.js';

type Json = Record<string, unknown>;

export interface ModelUser {
  label: string;
  id: string;
  /** The user as Entra believes it is stored (the create body with every later change applied). */
  state: Json;
}

export interface ModelGroup {
  label: string;
  id: string;
  displayName: string;
  /** Labels of member users. */
  members: Set<string>;
}

export interface DirectoryModel {
  profile: Profile;
  /** Mapping targets compared after each step. */
  targets: readonly string[];
  users: ModelUser[];
  groups: ModelGroup[];
  /** Ids of users deleted during the run: a target may keep them in members for a while (G-21 is RECOMMENDED). */
  deletedIds: Set<string>;
  counter: { users: number; groups: number };
  /** Requests the budgeted commands that ran have cost so far, by their own estimate (`requests`, ./budget.ts). */
  requests: number;
}

/** The real system: a client for the target and a tracker that deletes what is left when the run ends. */
export interface DirectorySystem {
  client: ScimClient;
  track(type: 'User' | 'Group', id: string, name: string): void;
  deleted(type: 'User' | 'Group', id: string): void;
}

export function emptyModel(profile: Profile, targets: readonly string[]): DirectoryModel {
  return {
    profile,
    targets,
    users: [],
    groups: [],
    deletedIds: new Set(),
    counter: { users: 0, groups: 0 },
    requests: 0,
  };
}

/** The item at `pick` modulo the list length (commands carry picks, not ids, so that they do not depend on the target). */
export function pickFrom<T>(list: readonly T[], pick: number): T {
  return list[pick % list.length]!;
}

/**
 * A command on one user or group the model already has, chosen by `pick` when it runs (so that shrinking the
 * command list never leaves a command pointing at nothing). `subject` names it in the printed counterexample: the
 * model's label once the command ran, `user#3` before.
 */
export abstract class OnExisting<T extends { label: string }> implements fc.AsyncCommand<
  DirectoryModel,
  DirectorySystem
> {
  private resolved?: string;
  constructor(
    readonly pick: number,
    private readonly pool: 'users' | 'groups',
  ) {}
  check(model: Readonly<DirectoryModel>): boolean {
    return model[this.pool].length > 0;
  }
  protected target(model: DirectoryModel): T {
    const item = pickFrom<{ label: string }>(model[this.pool], this.pick) as T;
    this.resolved = item.label;
    return item;
  }
  protected get subject(): string {
    return this.resolved ?? `${this.pool === 'users' ? 'user' : 'group'}#${this.pick}`;
  }
  abstract run(model: DirectoryModel, system: DirectorySystem): Promise<void>;
  abstract toString(): string;
}

export function nameTaken(names: Iterable<string>, candidate: string): boolean {
  const wanted = candidate.toLowerCase();
  for (const name of names) if (name.toLowerCase() === wanted) return true;
  return false;
}
