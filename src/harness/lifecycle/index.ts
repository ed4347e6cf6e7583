/**
 * Random sequences of the operations Entra performs in its sync cycles, for fast-check's model-based runner
 * (`fc.asyncModelRun`). Commands carry picks (indexes into the model's users and groups), not ids, so the same seed
 * gives the same sequence on every target; shrinking removes commands and simplifies their values.
 */
import fc from 'fast-check';
import type { Profile } from '../../profiles/profile-schema.js';
import { generatedTargets } from '../../generators/attribute-value.js';
import { externalId } from '../../generators/external-id.js';
import { groupDisplayName } from '../../generators/group-display-name.js';
import { patchOperations, type PatchDialect } from '../../generators/patch-operation.js';
import type { MarkedConstraints } from '../../generators/run-marker.js';
import { userResource } from '../../generators/user-resource.js';
import { userName } from '../../generators/user-name.js';
import { ChangeMembers, CreateGroup, RenameGroup } from './group-commands.js';
import { emptyModel, type DirectoryModel, type DirectorySystem } from './model.js';
import { CreateUser, DeleteUser, RenameUser, SetActive, UpdateUser } from './user-commands.js';

export { emptyModel, type DirectoryModel, type DirectorySystem, type ModelGroup, type ModelUser } from './model.js';
export { CreateUser, DeleteUser, RenameUser, SetActive, UpdateUser, expectUserState } from './user-commands.js';
export { ChangeMembers, CreateGroup, RenameGroup, expectGroupState } from './group-commands.js';

export interface LifecycleConstraints extends MarkedConstraints {
  profile: Profile;
  /** Include group commands (create, add/remove members, rename). @defaultValue true when the profile provisions groups */
  groups?: boolean;
  /** Most commands per sequence. @defaultValue 8 */
  maxCommands?: number;
}

export type LifecycleCommand = fc.AsyncCommand<DirectoryModel, DirectorySystem>;

export function lifecycleCommands(constraints: LifecycleConstraints): fc.Arbitrary<Iterable<LifecycleCommand>> {
  const { profile } = constraints;
  const marked = { runId: constraints.runId, label: constraints.label };
  const dialect: fc.Arbitrary<PatchDialect> = fc.constantFrom('default', 'flag');
  const pick = fc.nat({ max: 7 });
  const user: Array<fc.Arbitrary<LifecycleCommand>> = [
    userResource({ ...marked, profile }).map((u) => new CreateUser(u)),
    fc
      .tuple(pick, patchOperations({ profile, maxOperations: 3, marked }))
      .map(([p, patch]) => new UpdateUser(p, patch)),
    fc.tuple(pick, dialect).map(([p, d]) => new SetActive(p, false, d)),
    fc.tuple(pick, dialect).map(([p, d]) => new SetActive(p, true, d)),
    fc.tuple(pick, userName(marked)).map(([p, name]) => new RenameUser(p, name)),
    pick.map((p) => new DeleteUser(p)),
  ];
  const withGroups = constraints.groups ?? profile.resources === 'users+groups';
  const group: Array<fc.Arbitrary<LifecycleCommand>> = withGroups
    ? [
        fc.tuple(groupDisplayName(marked), externalId(marked)).map(([name, ext]) => new CreateGroup(name, ext)),
        fc
          .tuple(pick, fc.uniqueArray(pick, { minLength: 1, maxLength: 3 }), dialect)
          .map(([g, users, d]) => new ChangeMembers(g, 'add', users, d)),
        fc
          .tuple(pick, fc.uniqueArray(pick, { minLength: 1, maxLength: 2 }), dialect)
          .map(([g, users, d]) => new ChangeMembers(g, 'remove', users, d)),
        fc.tuple(pick, groupDisplayName(marked)).map(([g, name]) => new RenameGroup(g, name)),
      ]
    : [];
  return fc.commands([...user, ...group], { maxCommands: constraints.maxCommands ?? 8 });
}

/**
 * A hand-picked command sequence, for a property's examples. It prints as fast-check's own sequences do: the commands
 * that ran, comma-separated ("CreateUser(…),Disable(u1, default),UpdateUser(u1, …)").
 */
export function commandSequence(commands: readonly LifecycleCommand[]): Iterable<LifecycleCommand> {
  const ran = new Set<LifecycleCommand>();
  const watched = commands.map((command): LifecycleCommand => ({
    check: (model) => command.check(model),
    run: async (model, real) => {
      ran.add(command);
      await command.run(model, real);
    },
    toString: () => command.toString(),
  }));
  const sequence: Iterable<LifecycleCommand> & { toString(): string } = {
    [Symbol.iterator]: () => watched[Symbol.iterator](),
    toString: () =>
      commands
        .filter((c) => ran.has(c))
        .map(String)
        .join(','),
  };
  return sequence;
}

/** A fresh model for one run of {@link lifecycleCommands}. */
export function lifecycleModel(profile: Profile): DirectoryModel {
  return emptyModel(profile, generatedTargets(profile));
}
