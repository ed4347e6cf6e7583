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
import { AtLeast, WithinBudget, type CostedCommand } from './budget.js';

export { emptyModel, type DirectoryModel, type DirectorySystem, type ModelGroup, type ModelUser } from './model.js';
export { CreateUser, DeleteUser, RenameUser, SetActive, UpdateUser, expectUserState } from './user-commands.js';
export { ChangeMembers, CreateGroup, RenameGroup, expectGroupState } from './group-commands.js';

export interface LifecycleConstraints extends MarkedConstraints {
  profile: Profile;
  /** Include group commands (create, add/remove members, rename). @defaultValue true when the profile provisions groups */
  groups?: boolean;
  /**
   * Most requests one case sends, its cleanup included, by the commands' own estimate (./budget.ts): commands that
   * would exceed it do not run. @defaultValue 10
   */
  requests?: number;
  /**
   * Most commands generated after the opening creates (shrinking may remove any of them); fast-check generates at
   * most 10 at its default size. @defaultValue 10
   */
  maxCommands?: number;
  /**
   * Fewest commands generated after the opening creates: enough that the budget, not the sequence, ends most cases
   * (commands that find nothing to act on, after a delete, are skipped for free). @defaultValue maxCommands
   */
  minCommands?: number;
}

export type LifecycleCommand = fc.AsyncCommand<DirectoryModel, DirectorySystem>;

/**
 * Random lifecycles: each case opens as Entra's do, with a create (a user, and a group when groups are included: no
 * case is spent on commands that find nothing to act on), then runs generated commands while its request budget
 * lasts. On a target that answers as Entra expects most cases cost their budget or one request less; one that deletes
 * its last user with no create after it ends early.
 */
export function lifecycleCommands(constraints: LifecycleConstraints): fc.Arbitrary<Iterable<LifecycleCommand>> {
  const { profile } = constraints;
  const marked = { runId: constraints.runId, label: constraints.label };
  const budget = constraints.requests ?? 10;
  const within = (arbitrary: fc.Arbitrary<CostedCommand>): fc.Arbitrary<LifecycleCommand> =>
    arbitrary.map((command) => new WithinBudget(command, budget));
  const dialect: fc.Arbitrary<PatchDialect> = fc.constantFrom('default', 'flag');
  const pick = fc.nat({ max: 7 });
  const createUser = within(userResource({ ...marked, profile }).map((u) => new CreateUser(u)));
  const createGroup = within(
    fc.tuple(groupDisplayName(marked), externalId(marked)).map(([name, ext]) => new CreateGroup(name, ext)),
  );
  const user: Array<fc.Arbitrary<LifecycleCommand>> = [
    createUser,
    within(
      fc
        .tuple(pick, patchOperations({ profile, maxOperations: 3, marked }))
        .map(([p, patch]) => new UpdateUser(p, patch)),
    ),
    within(fc.tuple(pick, dialect).map(([p, d]) => new SetActive(p, false, d))),
    within(fc.tuple(pick, dialect).map(([p, d]) => new SetActive(p, true, d))),
    within(fc.tuple(pick, userName(marked)).map(([p, name]) => new RenameUser(p, name))),
    within(pick.map((p) => new DeleteUser(p))),
  ];
  const withGroups = constraints.groups ?? profile.resources === 'users+groups';
  const group: Array<fc.Arbitrary<LifecycleCommand>> = withGroups
    ? [
        createGroup,
        within(
          fc
            .tuple(pick, fc.uniqueArray(pick, { minLength: 1, maxLength: 3 }), dialect)
            .map(([g, users, d]) => new ChangeMembers(g, 'add', users, d)),
        ),
        within(
          fc
            .tuple(pick, fc.uniqueArray(pick, { minLength: 1, maxLength: 2 }), dialect)
            .map(([g, users, d]) => new ChangeMembers(g, 'remove', users, d)),
        ),
        within(fc.tuple(pick, groupDisplayName(marked)).map(([g, name]) => new RenameGroup(g, name))),
      ]
    : [];
  const maxCommands = constraints.maxCommands ?? 10;
  const rest = new AtLeast(
    fc.commands([...user, ...group], { maxCommands }),
    Math.min(constraints.minCommands ?? maxCommands, maxCommands),
  );
  const opening = withGroups ? fc.tuple(createUser, createGroup) : fc.tuple(createUser);
  return fc.tuple(opening, rest).map(([first, then]) => openedWith(first, then));
}

/**
 * The opening commands, then fast-check's generated ones. Prints as fast-check's sequences do: the commands that ran,
 * comma-separated, then fast-check's replay note of the generated part.
 */
function openedWith(
  opening: readonly LifecycleCommand[],
  generated: Iterable<LifecycleCommand>,
): Iterable<LifecycleCommand> {
  const head = commandSequence(opening);
  const sequence: Iterable<LifecycleCommand> & { toString(): string } = {
    *[Symbol.iterator]() {
      yield* head;
      yield* generated;
    },
    toString: () => {
      const first = String(head);
      const then = String(generated);
      return first === '' || then === '' || then.startsWith(' ') ? `${first}${then}` : `${first},${then}`;
    },
  };
  return sequence;
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
