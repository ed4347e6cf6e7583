// Stateful, model-based runs (catalog §1): random sequences of the operations Entra performs in its sync cycles —
// create, update attributes, disable, enable, rename, delete; create groups, add and remove members, rename groups —
// applied to the target and to a model of what Entra believes. After each step the touched resource, read with GET,
// must equal the model. fast-check shrinks a failing sequence to a minimal one, shown as numbered requests. Each runs
// one hand-picked sequence first: an update after a disable (an update handler that rewrites `active` from defaults
// re-enables the user), and removing a group's only member after adding it.
import {
  property,
  lifecycleCommands,
  lifecycleModel,
  commandSequence,
  exampleUser,
  exampleAttributeValue,
  generatedTargets,
  parseTargetPath,
  markedPrefix,
  CreateUser,
  SetActive,
  UpdateUser,
  RenameUser,
  DeleteUser,
  CreateGroup,
  ChangeMembers,
  fc,
  skipUnlessGroups,
} from '#harness';
import type { LifecycleCommand, MarkedConstraints, PropertyExample, PropertyRun } from '#harness';

type Example = PropertyExample<[Iterable<LifecycleCommand>]>;

async function runSequence(run: PropertyRun, commands: Iterable<LifecycleCommand>): Promise<void> {
  await fc.asyncModelRun(
    () => ({
      model: lifecycleModel(run.profile),
      real: {
        client: run.client,
        track: (type, id, name) => run.resources.track(type, id, name),
        deleted: (type, id) => run.resources.deleted(type, id),
      },
    }),
    commands,
  );
}

/** Create, disable, change one attribute (or the userName when the profile maps none) in the default dialect, delete. */
function updateAfterDisable(marked: MarkedConstraints, profile: PropertyRun['profile']): Example {
  const user = exampleUser({ ...marked, profile, local: 'life1' });
  const path = generatedTargets(profile).find((t) => !parseTargetPath(t).filter);
  const update = path
    ? new UpdateUser(0, {
        dialect: 'default',
        operations: [{ op: 'Replace', path, value: exampleAttributeValue(path, profile, marked, 1) }],
      })
    : new RenameUser(0, `${markedPrefix(marked)}life1.renamed@conformance.example.com`);
  return {
    name: 'an update after a disable must leave the user disabled',
    values: [commandSequence([new CreateUser(user), new SetActive(0, false, 'default'), update, new DeleteUser(0)])],
  };
}

// U-12: after every step the user reads back exactly as Entra believes it to be (a difference makes Entra re-send
// PATCHes every cycle). U-17 itself, Entra's choice between disable and delete, is Entra-side and unobservable.
property(
  'U-12',
  'stateful: random user lifecycles (create, update, disable, enable, rename, delete) read back as Entra believes after every step',
  {
    label: 'lu',
    runsFactor: 0.8,
    examples: ({ target, profile, label }) => [updateAfterDisable({ runId: target.runId, label }, profile)],
  },
  ({ target, profile, label }) => [lifecycleCommands({ runId: target.runId, label, profile, groups: false })],
  runSequence,
);

// G-18: Entra never reads memberships back, so every diff must be applied exactly; a lost add or remove is
// permanent drift. That consequence is observable: the group reads back as the diffs say.
property(
  'G-18',
  'stateful: random user and group lifecycles with membership changes read back as Entra believes after every step',
  {
    label: 'lg',
    runsFactor: 0.6,
    examples: ({ target, profile, label }) => {
      const marked = { runId: target.runId, label };
      const user = exampleUser({ ...marked, profile, local: 'member1' });
      const group = new CreateGroup(`${markedPrefix(marked)}Team "One"`, `${markedPrefix(marked)}team1`);
      return [
        {
          name: "removing a group's only member (filtered path) leaves it empty",
          values: [
            commandSequence([
              new CreateUser(user),
              group,
              new ChangeMembers(0, 'add', [0], 'default'),
              new ChangeMembers(0, 'remove', [0], 'flag'),
            ]),
          ],
        },
      ];
    },
  },
  ({ target, profile, label, skip }) => {
    skipUnlessGroups(profile, skip);
    return [lifecycleCommands({ runId: target.runId, label, profile, groups: true })];
  },
  runSequence,
);
