// Stateful, model-based runs (catalog §1): random sequences of the operations Entra performs in its sync cycles —
// create, update attributes, disable, enable, rename, delete; create groups, add and remove members, rename groups —
// applied to the target and to a model of what Entra believes. After each step the touched resource, read with GET,
// must equal the model. fast-check shrinks a failing sequence to a minimal one, shown as numbered requests. Each runs
// one hand-picked sequence first: an update after a disable (an update handler that rewrites `active` from defaults
// re-enables the user), and a member disabled, then removed as the group's only member (a user leaving the app's scope
// is disabled and leaves its groups: a server must still change the memberships of a disabled user).
//
// A random case is bounded by requests, not by commands (src/harness/lifecycle/budget.ts): it opens with a create (a
// user, and a group for G-18), then runs generated commands while its budget lasts, so every case costs about the same
// and a run's total does not depend on the seed (issue 19: the sequences' lengths made a default run vary by 40
// requests between seeds). One random case each at the default --num-runs (runsFactor 0.2), twenty at 100.
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

/** A random U-12 case: a create and three more steps (or two and a delete), cleanup included. */
const USER_CASE_REQUESTS = 10;
/** A random G-18 case: a user, a group and two more steps (or one, a delete and a create), cleanup included. */
const GROUP_CASE_REQUESTS = 10;

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
    runsFactor: 0.2,
    examples: ({ target, profile, label }) => [updateAfterDisable({ runId: target.runId, label }, profile)],
  },
  ({ target, profile, label }) => [
    lifecycleCommands({ runId: target.runId, label, profile, groups: false, requests: USER_CASE_REQUESTS }),
  ],
  runSequence,
);

// G-18: Entra never reads memberships back, so every diff must be applied exactly; a lost add or remove is
// permanent drift. That consequence is observable: the group reads back as the diffs say.
property(
  'G-18',
  'stateful: random user and group lifecycles with membership changes read back as Entra believes after every step',
  {
    label: 'lg',
    runsFactor: 0.2,
    examples: ({ target, profile, label }) => {
      const marked = { runId: target.runId, label };
      const user = exampleUser({ ...marked, profile, local: 'member1' });
      const group = new CreateGroup(`${markedPrefix(marked)}Team "One"`, `${markedPrefix(marked)}team1`);
      return [
        {
          name: "removing a disabled user, the group's only member (filtered path), leaves the group empty",
          values: [
            commandSequence([
              new CreateUser(user),
              group,
              new ChangeMembers(0, 'add', [0], 'default'),
              new SetActive(0, false, 'default'),
              new ChangeMembers(0, 'remove', [0], 'flag'),
            ]),
          ],
        },
      ];
    },
  },
  ({ target, profile, label, skip }) => {
    skipUnlessGroups(profile, skip);
    return [lifecycleCommands({ runId: target.runId, label, profile, groups: true, requests: GROUP_CASE_REQUESTS })];
  },
  runSequence,
);
