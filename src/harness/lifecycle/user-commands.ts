/**
 * The user operations of Entra's sync cycles (catalog §1): create (U-06), update attributes (P-04/P-05), disable and
 * enable (U-14/U-15/U-16), rename (U-20), delete (U-18). Each command acts on the target, updates the model the way
 * Entra's view changes, and reads the user back with GET: the stored state must equal the model's.
 */
import type fc from 'fast-check';
import { patchBody } from '../../entra/bodies.js';
import { getUserOk } from '../user-state.js';
import { fail, verify } from '../verify.js';
import { status } from '../../checks/status.js';
import type { ScimResponse } from '../../client/scim-client.js';
import { applyPatchModel } from '../../generators/model/patch-model.js';
import { describeDifferences, userDifferences } from '../../generators/model/compare-user.js';
import type { GeneratedPatch, PatchDialect } from '../../generators/patch-operation.js';
import type { GeneratedUser } from '../../generators/user-resource.js';
import { nameTaken, OnExisting, type DirectoryModel, type DirectorySystem, type ModelUser } from './model.js';

type Json = Record<string, unknown>;
type UserCommand = fc.AsyncCommand<DirectoryModel, DirectorySystem>;

const short = (value: unknown) => {
  if (value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** GET the user and fail unless it equals the model's state. */
export async function expectUserState(
  system: DirectorySystem,
  model: DirectoryModel,
  user: ModelUser,
  after: string,
): Promise<void> {
  const { response, user: stored } = await getUserOk(system.client, user.id);
  const differences = userDifferences(stored, user.state, model.targets, model.profile);
  if (differences.length > 0)
    fail(`after ${after}, GET ${user.label} differs from what Entra sent: ${describeDifferences(differences)}`, {
      response,
      expected: JSON.stringify(Object.fromEntries(differences.map((d) => [d.path, d.expected]))),
      actual: JSON.stringify(Object.fromEntries(differences.map((d) => [d.path, d.actual]))),
      hint: 'Entra compares its own values with what GET returns; any difference makes it PATCH again on every cycle (catalog U-12).',
    });
}

/** A PATCH that the target refused with a SCIM 400 changes nothing (atomic, P-17); anything else must be 200/204. */
function patchApplied(response: ScimResponse): boolean {
  if (response.status === 400) return false;
  // Any answer Entra accepts (200 or 204); the shape of a 200 body is judged once, by P-14's own test.
  verify(response, status(200, 204));
  return true;
}

export class CreateUser implements UserCommand {
  constructor(readonly user: GeneratedUser) {}
  /** POST, GET, and the DELETE that removes the user later (a DeleteUser, or the case's cleanup). */
  readonly requests = 3;
  check(model: Readonly<DirectoryModel>): boolean {
    return !nameTaken(
      model.users.map((u) => String(u.state.userName)),
      this.user.userName,
    );
  }
  async run(model: DirectoryModel, system: DirectorySystem): Promise<void> {
    const response = await system.client.post('/Users', this.user.body);
    const id = (response.json as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') system.track('User', id, this.user.userName);
    if (response.status === 400) return; // the app refuses this value: its choice (F-05); Entra escrows the user
    verify(response, status(201, 200));
    if (typeof id !== 'string') fail('POST /Users answered without an id', { response });
    const user: ModelUser = { label: `u${++model.counter.users}`, id, state: structuredClone(this.user.body) };
    model.users.push(user);
    await expectUserState(system, model, user, `CreateUser ${user.label}`);
  }
  toString(): string {
    return `CreateUser(${short(this.user.userName)}, ${Object.keys(this.user.attributes).length} attributes)`;
  }
}

abstract class OnUser extends OnExisting<ModelUser> {
  constructor(pick: number) {
    super(pick, 'users');
  }
}

/** PATCH with operations, applied to the model with the independent PATCH model. */
export class UpdateUser extends OnUser {
  constructor(
    pick: number,
    readonly patch: GeneratedPatch,
  ) {
    super(pick);
  }
  /** PATCH, GET. */
  readonly requests = 2;
  override async run(model: DirectoryModel, system: DirectorySystem): Promise<void> {
    const user = this.target(model);
    const response = await system.client.patch(`/Users/${user.id}`, patchBody(this.patch.operations));
    if (patchApplied(response))
      user.state = applyPatchModel(
        user.state,
        this.patch.operations,
        model.profile.extensions.map((e) => e.urn),
      );
    await expectUserState(system, model, user, `${this}`);
  }
  override toString(): string {
    const ops = this.patch.operations.map((o) => `${o.op} ${o.path ?? '(no path)'} ${short(o.value)}`).join(', ');
    return `UpdateUser(${this.subject}, ${this.patch.dialect}: [${ops}])`;
  }
}

/** Disable or enable: PATCH Replace active, "False"/"True" in the default dialect, booleans with the flag (U-14…U-16). */
export class SetActive extends OnUser {
  constructor(
    pick: number,
    readonly active: boolean,
    readonly dialect: PatchDialect,
  ) {
    super(pick);
  }
  /** PATCH, GET. */
  readonly requests = 2;
  override async run(model: DirectoryModel, system: DirectorySystem): Promise<void> {
    const user = this.target(model);
    const operation =
      this.dialect === 'default'
        ? { op: 'Replace', path: 'active', value: this.active ? 'True' : 'False' }
        : { op: 'replace', path: 'active', value: this.active };
    const response = await system.client.patch(`/Users/${user.id}`, patchBody([operation]));
    verify(response, status(200, 204));
    user.state = { ...user.state, active: this.active };
    await expectUserState(system, model, user, `${this}`);
  }
  override toString(): string {
    return `${this.active ? 'Enable' : 'Disable'}(${this.subject}, ${this.dialect})`;
  }
}

/** Rename: Replace userName (the UPN changed in Entra, U-20); the id must not change. */
export class RenameUser extends OnUser {
  constructor(
    pick: number,
    readonly userName: string,
  ) {
    super(pick);
  }
  /** PATCH, GET. */
  readonly requests = 2;
  override check(model: Readonly<DirectoryModel>): boolean {
    return (
      model.users.length > 0 &&
      !nameTaken(
        model.users.map((u) => String(u.state.userName)),
        this.userName,
      )
    );
  }
  override async run(model: DirectoryModel, system: DirectorySystem): Promise<void> {
    const user = this.target(model);
    const response = await system.client.patch(
      `/Users/${user.id}`,
      patchBody([{ op: 'Replace', path: 'userName', value: this.userName }]),
    );
    if (patchApplied(response)) user.state = { ...user.state, userName: this.userName };
    await expectUserState(system, model, user, `${this}`);
  }
  override toString(): string {
    return `RenameUser(${this.subject}, ${short(this.userName)})`;
  }
}

/** Hard delete (U-18): 204, then GET answers 404; the user leaves every group of the model. */
export class DeleteUser extends OnUser {
  /** DELETE and GET; the DELETE is the one its CreateUser counted, so one more. */
  readonly requests = 1;
  override async run(model: DirectoryModel, system: DirectorySystem): Promise<void> {
    const user = this.target(model);
    const response = await system.client.delete(`/Users/${user.id}`);
    verify(response, status(204, 200));
    system.deleted('User', user.id);
    model.users = model.users.filter((u) => u !== user);
    model.deletedIds.add(user.id);
    for (const group of model.groups) group.members.delete(user.label);
    const after = await system.client.get(`/Users/${user.id}`);
    verify(after, status(404));
  }
  override toString(): string {
    return `DeleteUser(${this.subject})`;
  }
}

export type { Json };
