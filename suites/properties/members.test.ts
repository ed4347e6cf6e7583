// Membership is a set (catalog G-09, G-10, G-11): adding members twice in any overlap leaves each once; removing one
// member, in either dialect, leaves exactly the others. Hand-picked examples first (two Adds that overlap in one
// member; removing the middle or the last of three), then random sets: with a pool of three users the space is small
// (98 pairs of Adds in either dialect, 18 removals), so one random case each per run at the default budget (runsFactor
// 0.2; a CI job without --seed draws new ones every run). Removing the only member (an empty group) is G-18's example:
// an empty group may omit `members`, and reading it then needs the members filter, which a server may not offer
// (inconclusive).
import {
  property,
  memberSet,
  memberSetWithOne,
  fc,
  skipUnlessGroups,
  patchGroup,
  patchBody,
  expectMembers,
} from '#harness';
import type { PropertyRun } from '#harness';

const POOL = 3;

async function setUp(run: PropertyRun): Promise<{ users: string[]; group: string }> {
  const users = await run.resources.sharedUsers(POOL);
  const group = (await run.resources.createGroup()).id;
  return { users, group };
}

const addOp = (ids: string[], flag: boolean) => ({
  op: flag ? 'add' : 'Add',
  path: 'members',
  value: ids.map((value) => (flag ? { value } : { $ref: null, value })),
});

property(
  'G-09',
  'property: adding overlapping member sets in two PATCHes leaves each member exactly once',
  {
    label: 'ma',
    runsFactor: 0.2,
    examples: () => [{ name: 'the second Add repeats one member of the first', values: [[0, 1], [1, 2], false] }],
  },
  ({ profile, skip }) => {
    skipUnlessGroups(profile, skip);
    return [memberSet({ poolSize: POOL }), memberSet({ poolSize: POOL }), fc.boolean()];
  },
  async (run, first, second, flag) => {
    const { users, group } = await setUp(run);
    const pick = (indexes: number[]) => indexes.map((i) => users[i]!);
    await patchGroup(run.client, group, patchBody([addOp(pick(first), flag)]));
    await patchGroup(run.client, group, patchBody([addOp(pick(second), flag)]));
    await expectMembers(
      run.client,
      group,
      [...new Set([...pick(first), ...pick(second)])],
      `Add ${JSON.stringify(first)} then Add ${JSON.stringify(second)} (${flag ? 'flag' : 'default'} dialect)`,
      { others: users },
    );
  },
);

property(
  'G-10',
  'property: removing one member leaves exactly the others, in either dialect',
  {
    label: 'mr',
    runsFactor: 0.2,
    examples: () => [
      {
        name: 'removing the middle one of three by a filtered path',
        values: [{ members: [0, 1, 2], removed: 1 }, true],
      },
      { name: 'removing the last one of three by a value array', values: [{ members: [0, 1, 2], removed: 2 }, false] },
    ],
  },
  ({ profile, skip }) => {
    skipUnlessGroups(profile, skip);
    return [memberSetWithOne({ poolSize: POOL }), fc.boolean()];
  },
  async (run, { members, removed }, flag) => {
    const { users, group } = await setUp(run);
    const ids = members.map((i) => users[i]!);
    const gone = users[removed]!;
    await patchGroup(run.client, group, patchBody([addOp(ids, flag)]));
    const remove = flag
      ? { op: 'remove', path: `members[value eq "${gone}"]` }
      : { op: 'Remove', path: 'members', value: [{ value: gone }] };
    await patchGroup(run.client, group, patchBody([remove]));
    await expectMembers(
      run.client,
      group,
      ids.filter((id) => id !== gone),
      `Add ${ids.length} members then Remove one (${flag ? 'flag: filtered path' : 'default: value array'})`,
      { others: users },
    );
  },
);
