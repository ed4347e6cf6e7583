// Stateful, model-based runs (catalog §1): random sequences of the operations Entra performs in its sync cycles —
// create, update attributes, disable, enable, rename, delete; create groups, add and remove members, rename groups —
// applied to the target and to a model of what Entra believes. After each step the touched resource, read with GET,
// must equal the model. fast-check shrinks a failing sequence to a minimal one, shown as numbered requests.
import { property, lifecycleCommands, lifecycleModel, fc, skipUnlessGroups } from '#harness';
import type { LifecycleCommand, PropertyRun } from '#harness';

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

// U-12: after every step the user reads back exactly as Entra believes it to be (a difference makes Entra re-send
// PATCHes every cycle). U-17 itself, Entra's choice between disable and delete, is Entra-side and unobservable.
property(
  'U-12',
  'stateful: random user lifecycles (create, update, disable, enable, rename, delete) read back as Entra believes after every step',
  { label: 'lu' },
  ({ target, profile, label }) => [lifecycleCommands({ runId: target.runId, label, profile, groups: false })],
  runSequence,
);

// G-18: Entra never reads memberships back, so every diff must be applied exactly; a lost add or remove is
// permanent drift. That consequence is observable: the group reads back as the diffs say.
property(
  'G-18',
  'stateful: random user and group lifecycles with membership changes read back as Entra believes after every step',
  { label: 'lg' },
  ({ target, profile, label, skip }) => {
    skipUnlessGroups(profile, skip);
    return [lifecycleCommands({ runId: target.runId, label, profile, groups: true })];
  },
  runSequence,
);
