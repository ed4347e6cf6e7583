// Generator contracts: same seed ⇒ same values; every value that names a resource carries the run marker; every
// generated user, group and PATCH is accepted by the reference server (so a property failure is the target's, never
// the generator's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ScimClient } from '../../src/client/scim-client.js';
import { entraGroupBody, patchBody } from '../../src/entra/bodies.js';
import { loadProfile } from '../../src/profiles/load.js';
import {
  email,
  externalId,
  groupDisplayName,
  patchOperations,
  phoneNumber,
  userName,
  userResource,
  memberSetWithOne,
  address,
  extensionValue,
  exampleUser,
  exampleAttributeValue,
  generatedTargets,
} from '../../src/generators/index.js';
import { lifecycleCommands, lifecycleModel, type DirectoryModel } from '../../src/harness/lifecycle/index.js';
import { startTarget } from '../helpers/target-server.js';
import { assertEveryValue, assertSameValuesGivenSameSeed } from '../helpers/arbitrary-assertions.js';

const profile = loadProfile('entra-default');
const runId = 'abc123';
const marked = { runId, label: 't' };

describe('same seed ⇒ same values', () => {
  it.each([
    ['userName', () => userName(marked)],
    ['externalId', () => externalId(marked)],
    ['groupDisplayName', () => groupDisplayName(marked)],
    ['email', () => email()],
    ['phoneNumber', () => phoneNumber()],
    ['address', () => address('work')],
    ['extensionValue dateTime', () => extensionValue('dateTime')],
    ['userResource', () => userResource({ ...marked, profile })],
    ['patchOperations', () => patchOperations({ profile })],
  ] as const)('%s', (_name, build) => assertSameValuesGivenSameSeed(build as () => fc.Arbitrary<unknown>));
});

describe('values keep their promises', () => {
  it('userName, externalId and group names start with the run marker, untouched by case variants', () => {
    for (const arbitrary of [userName(marked), externalId(marked), groupDisplayName(marked)])
      assertEveryValue(arbitrary, (v) => v.startsWith('scimc-abc123-t-'));
  });
  it("userName stays within Entra's 113 characters and the upn shape ends with the domain", () => {
    assertEveryValue(
      userName(marked),
      (v) => [...v].length <= 113 && v.toLowerCase().endsWith('@conformance.example.com'),
    );
  });
  it('memberSetWithOne removes a member of the set', () => {
    assertEveryValue(
      memberSetWithOne({ poolSize: 3 }),
      ({ members, removed }) => members.length >= 2 && members.includes(removed),
    );
  });
  it('marked e-mail addresses start with the run marker, untouched by case variants, and have one "@" before a reserved domain', () => {
    assertEveryValue(
      email({ marked }),
      (v) => v.startsWith('scimc-abc123-t-') && /^[^@]+@(conformance\.example\.com|example\.org)$/i.test(v),
    );
  });
  it('phone numbers have at least 7 digits and never a leading 0 (country code or national number)', () => {
    assertEveryValue(
      phoneNumber(),
      (v) => v.replace(/\D/g, '').length >= 7 && !/^\+?0/.test(v) && !/^\+\d{1,3} \(?0/.test(v),
    );
  });
  it('user resources carry run-marked e-mail addresses', () => {
    assertEveryValue(userResource({ ...marked, profile }), (u) =>
      ((u.body.emails as Array<{ value: string }> | undefined) ?? []).every((e) =>
        e.value.startsWith('scimc-abc123-t-'),
      ),
    );
  });
  it('shrinking a failing userName ends on a minimal case: the marker and at most two characters', () => {
    const details = fc.check(
      fc.property(userName({ ...marked, shape: 'free' }), (v) => !v.includes('"')),
      { seed: 3, numRuns: 500 },
    );
    expect(details.failed).toBe(true);
    expect(details.counterexample![0]).toMatch(/^scimc-abc123-t-(?=.{0,1}")(.{1,2})$/);
  });
});

describe('hand-picked examples', () => {
  const profiles = ['entra-default', 'microsoft-365', 'mediusflow', 'oneflow', 'uniflow-online'].map((name) =>
    loadProfile(name),
  );
  it('name resources with the run marker, and two local parts give two users', () => {
    const a = exampleUser({ ...marked, profile, local: ' Ann Lee ', attributes: true });
    const b = exampleUser({ ...marked, profile, local: 'patch1', attributes: true });
    expect(a.userName).toBe('scimc-abc123-t- Ann Lee @conformance.example.com');
    expect(a.externalId).toBe('scimc-abc123-t-AnnLee');
    expect(b.userName).not.toBe(a.userName);
    const emails = (a.body.emails as Array<{ value: string }>).map((e) => e.value);
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.every((e) => e.startsWith('scimc-abc123-t-'))).toBe(true);
    expect(new Set(emails).size).toBe(emails.length);
  });
  it.each(profiles.map((p) => [p.name, p] as const))(
    'give every generated target of %s a value of its kind',
    (_name, p) => {
      const user = exampleUser({ ...marked, profile: p, local: 'x', attributes: true });
      expect(Object.keys(user.attributes)).toEqual(generatedTargets(p));
      for (const target of generatedTargets(p)) {
        const value = exampleAttributeValue(target, p, marked);
        expect(value, target).toBeDefined();
        if (/^phoneNumbers/i.test(target)) expect(value).toMatch(/^\+?[0-9][0-9 ().-]{3,30}$/);
      }
    },
  );
  it('two text attributes of one user get different values', () => {
    const user = exampleUser({ ...marked, profile, local: 'x', attributes: true });
    expect(user.attributes.displayName).not.toEqual(user.attributes.title);
  });
});

/** A reference server started for the enclosing describe, and a client for it (read them inside the tests). */
function referenceTarget(): { target: () => Awaited<ReturnType<typeof startTarget>>; client: () => ScimClient } {
  let target: Awaited<ReturnType<typeof startTarget>> | undefined;
  let client: ScimClient | undefined;
  beforeAll(async () => {
    target = await startTarget();
    client = new ScimClient({ baseUrl: target.url, token: target.token });
  });
  afterAll(() => target?.close());
  return { target: () => target!, client: () => client! };
}

describe('every generated value is accepted by the reference server', () => {
  const ref = referenceTarget();

  it('users (POST 201), their PATCHes (200/204) and groups (POST 201)', async () => {
    await fc.assert(
      fc.asyncProperty(
        userResource({ ...marked, profile }),
        patchOperations({ profile }),
        groupDisplayName(marked),
        async (user, patch, group) => {
          const created = await ref.client().post('/Users', user.body);
          expect(created.status, created.text).toBe(201);
          const id = (created.json as { id: string }).id;
          const patched = await ref.client().patch(`/Users/${id}`, patchBody(patch.operations));
          expect([200, 204], patched.text).toContain(patched.status);
          const g = await ref.client().post('/Groups', entraGroupBody(group, 'ext'));
          expect(g.status, g.text).toBe(201);
          await ref.client().delete(`/Groups/${(g.json as { id: string }).id}`);
          await ref.client().delete(`/Users/${id}`);
        },
      ),
      { seed: 11, numRuns: 100 },
    );
    expect(ref.target().server.store.count('User')).toBe(0);
  });

  it('the hand-picked example user (POST 201), read back exactly as sent', async () => {
    const user = exampleUser({ ...marked, profile, local: 'Zoë.O\'Neil+"q"\\1', attributes: true });
    const created = await ref.client().post('/Users', user.body);
    expect(created.status, created.text).toBe(201);
    const id = (created.json as { id: string }).id;
    const read = await ref.client().get(`/Users/${id}`);
    expect((read.json as { userName: string }).userName).toBe(user.userName);
    await ref.client().delete(`/Users/${id}`);
    expect(ref.target().server.store.count('User')).toBe(0);
  });
});

describe('a stateful case is bounded by requests (src/harness/lifecycle/budget.ts)', () => {
  const ref = referenceTarget();

  it.each([
    ['users', false, 10, ['CreateUser']],
    ['users and groups', true, 10, ['CreateUser', 'CreateGroup']],
  ])(
    '%s: every case opens with its creates and sends what its commands estimate, at most its budget',
    async (_name, groups, budget, opening) => {
      const spent: number[] = [];
      await fc.assert(
        fc.asyncProperty(lifecycleCommands({ ...marked, profile, groups, requests: budget }), async (commands) => {
          let sent = 0;
          const left = new Map<string, 'User' | 'Group'>();
          const caseClient = ref.client().withRecorder(() => sent++);
          let model: DirectoryModel | undefined;
          await fc.asyncModelRun(() => {
            model = lifecycleModel(profile);
            const real = {
              client: caseClient,
              track: (type: 'User' | 'Group', id: string) => void left.set(id, type),
              deleted: (_type: 'User' | 'Group', id: string) => void left.delete(id),
            };
            return { model, real };
          }, commands);
          // The case's cleanup, groups first, as Resources.cleanup() sends it.
          const order = [...left].sort(([, a], [, b]) => (a === b ? 0 : a === 'Group' ? -1 : 1));
          for (const [id, type] of order) await caseClient.delete(`/${type}s/${id}`);
          const first = [...commands].slice(0, opening.length).map((c) => String(c).split('(')[0]);
          expect(first).toEqual(opening);
          expect(sent, String(commands)).toBe(model!.requests);
          expect(sent).toBeLessThanOrEqual(budget);
          spent.push(sent);
        }),
        { seed: 5, numRuns: 25 },
      );
      // The budget, not the sequence, ends most cases (a case whose last user is deleted ends early unless a create
      // follows): so a run costs about the same whatever its seed.
      expect(spent.reduce((a, b) => a + b, 0) / spent.length).toBeGreaterThanOrEqual(0.85 * budget);
      expect(ref.target().server.store.count('User') + ref.target().server.store.count('Group')).toBe(0);
    },
  );
});
