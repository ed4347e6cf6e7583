/**
 * The group operations of Entra's sync cycles (catalog §1, §5): create the group empty (G-05), add members (G-07,
 * G-08, G-09), remove members (G-10 value array in the default dialect, G-11 filtered path with the flag), rename
 * (G-15). Entra never reads memberships back (G-18), so after each step the group read with GET must hold exactly
 * the members Entra believes it has.
 */
import type fc from 'fast-check';
import { entraGroupBody, patchBody } from '../../entra/bodies.js';
import { memberPatchAnswer, readGroup, readMembers } from '../groups.js';
import { fail, verify } from '../verify.js';
import { status } from '../../checks/status.js';
import type { PatchDialect } from '../../generators/patch-operation.js';
import {
  nameTaken,
  OnExisting,
  pickFrom,
  type DirectoryModel,
  type DirectorySystem,
  type ModelGroup,
  type ModelUser,
} from './model.js';

type GroupCommand = fc.AsyncCommand<DirectoryModel, DirectorySystem>;

/**
 * GET the group and fail unless displayName and the member set equal the model's. A group read without members
 * while the model expects some is read the other ways a server may offer (catalog G-23: ?attributes=members, the
 * members filter), and the run is inconclusive when none shows members: Entra never reads them back.
 */
export async function expectGroupState(
  system: DirectorySystem,
  model: DirectoryModel,
  group: ModelGroup,
  after: string,
): Promise<void> {
  const read = await readGroup(system.client, group.id);
  const stored = read.group;
  const { response, members } =
    read.members.length === 0 && group.members.size > 0
      ? await readMembers(
          system.client,
          group.id,
          model.users.map((u) => u.id),
        )
      : read;
  if (stored.displayName !== group.displayName)
    fail(
      `after ${after}, GET ${group.label} shows displayName ${JSON.stringify(stored.displayName)}; Entra sent ${JSON.stringify(group.displayName)}`,
      {
        response: read.response,
        expected: JSON.stringify(group.displayName),
        actual: JSON.stringify(stored.displayName),
      },
    );
  const idOf = new Map(model.users.map((u) => [u.label, u.id]));
  const expected = [...group.members].map((label) => idOf.get(label)!).sort();
  const actual = members.filter((id) => !model.deletedIds.has(id)).sort();
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    const labelOf = new Map(model.users.map((u) => [u.id, u.label]));
    const show = (ids: string[]) => `[${ids.map((id) => labelOf.get(id) ?? id).join(', ')}]`;
    fail(
      `after ${after}, GET ${group.label} lists members ${show(actual)}; Entra believes they are ${show(expected)}`,
      {
        response,
        expected: show(expected),
        actual: show(actual),
        hint: 'Entra computes member PATCHes from its own state and never reads members back (catalog G-18): a wrong membership stays wrong.',
      },
    );
  }
}

export class CreateGroup implements GroupCommand {
  constructor(
    readonly displayName: string,
    readonly externalId: string,
  ) {}
  /** POST, GET, and the case's cleanup DELETE. */
  readonly requests = 3;
  check(model: Readonly<DirectoryModel>): boolean {
    return !nameTaken(
      model.groups.map((g) => g.displayName),
      this.displayName,
    );
  }
  async run(model: DirectoryModel, system: DirectorySystem): Promise<void> {
    const response = await system.client.post('/Groups', entraGroupBody(this.displayName, this.externalId));
    const id = (response.json as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') system.track('Group', id, this.displayName);
    if (response.status === 400) return; // refused name: the app's choice (F-05)
    verify(response, status(201, 200));
    if (typeof id !== 'string') fail('POST /Groups answered without an id', { response });
    const group: ModelGroup = {
      label: `g${++model.counter.groups}`,
      id,
      displayName: this.displayName,
      members: new Set(),
    };
    model.groups.push(group);
    await expectGroupState(system, model, group, `CreateGroup ${group.label}`);
  }
  toString(): string {
    return `CreateGroup(${JSON.stringify(this.displayName)})`;
  }
}

abstract class OnGroup extends OnExisting<ModelGroup> {
  constructor(pick: number) {
    super(pick, 'groups');
  }
}

/** Picks distinct users of the model. */
function usersAt(model: DirectoryModel, picks: readonly number[]): ModelUser[] {
  return [...new Set(picks.map((p) => pickFrom(model.users, p)))];
}

export class ChangeMembers extends OnGroup {
  private who: string[] = [];
  constructor(
    pick: number,
    readonly kind: 'add' | 'remove',
    readonly userPicks: readonly number[],
    readonly dialect: PatchDialect,
  ) {
    super(pick);
  }
  /** PATCH, GET (a server that shows members only when asked costs one or two reads more, G-23). */
  readonly requests = 2;
  override check(model: Readonly<DirectoryModel>): boolean {
    return model.groups.length > 0 && model.users.length > 0;
  }
  override async run(model: DirectoryModel, system: DirectorySystem): Promise<void> {
    const group = this.target(model);
    const users = usersAt(model, this.userPicks);
    this.who = users.map((u) => u.label);
    const flag = this.dialect === 'flag';
    const operations =
      this.kind === 'add'
        ? [
            {
              op: flag ? 'add' : 'Add',
              path: 'members',
              value: users.map((u) => (flag ? { value: u.id } : { $ref: null, value: u.id })),
            },
          ]
        : flag
          ? users.map((u) => ({ op: 'remove', path: `members[value eq "${u.id}"]` }))
          : [{ op: 'Remove', path: 'members', value: users.map((u) => ({ value: u.id })) }];
    const response = await system.client.patch(`/Groups/${group.id}`, patchBody(operations));
    verify(response, memberPatchAnswer());
    for (const user of users)
      if (this.kind === 'add') group.members.add(user.label);
      else group.members.delete(user.label);
    await expectGroupState(system, model, group, `${this}`);
  }
  override toString(): string {
    return `${this.kind === 'add' ? 'AddMembers' : 'RemoveMembers'}(${this.subject}, [${this.who.join(', ') || this.userPicks.map((p) => `user#${p}`).join(', ')}], ${this.dialect})`;
  }
}

export class RenameGroup extends OnGroup {
  constructor(
    pick: number,
    readonly displayName: string,
  ) {
    super(pick);
  }
  /** PATCH, GET. */
  readonly requests = 2;
  override check(model: Readonly<DirectoryModel>): boolean {
    return (
      model.groups.length > 0 &&
      !nameTaken(
        model.groups.map((g) => g.displayName),
        this.displayName,
      )
    );
  }
  override async run(model: DirectoryModel, system: DirectorySystem): Promise<void> {
    const group = this.target(model);
    const response = await system.client.patch(
      `/Groups/${group.id}`,
      patchBody([{ op: 'Replace', path: 'displayName', value: this.displayName }]),
    );
    if (response.status === 400)
      return void (await expectGroupState(system, model, group, `${this} (refused with 400)`));
    verify(response, memberPatchAnswer());
    group.displayName = this.displayName;
    await expectGroupState(system, model, group, `${this}`);
  }
  override toString(): string {
    return `RenameGroup(${this.subject}, ${JSON.stringify(this.displayName)})`;
  }
}
