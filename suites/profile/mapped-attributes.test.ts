// Generated from the profile (area "profile"): for every attribute the target app's Entra mapping writes, a create
// that carries it and reads it back (one user per attribute group: core, name, emails, …, each extension), a PATCH
// that sets it the way Entra does for its kind, and a PATCH that removes it. Test names carry the attribute path.
//   simple / complex sub-attribute → P-03 Replace with a bare value; multi-valued with a type filter → P-10 (and P-08
//   when the element does not exist yet); enterprise → X-03; custom extension → X-12; manager → X-06 / X-08;
//   boolean → P-13 ("False" as a string, default dialect); removal → P-11.
// The Replace tests of one attribute group share one user, and so do its Remove tests (two requests each instead of
// four, issue 19): one test at a time, each judged against the user as the last one left it, and a failing test
// retires the user so that the next gets a new one (src/harness/shared-writes.ts, decisions/request-budget.md).
import {
  behaviour,
  expectThat,
  fail,
  show,
  collectedProfile,
  mappedUserAttributes,
  attributeGroups,
  titlePaths,
  profileValue,
  otherType,
  parseProfileTarget,
  containerKey,
  setInCreateBody,
  storedValue,
  matchingElements,
  isCleared,
  getUserOk,
  patchUserOk,
  memberCI,
  withExamples,
  attributeGroupKey,
  WrittenUserSlot,
  type MappedAttribute,
  type BehaviourContext,
  type Names,
} from '#harness';

type Json = Record<string, unknown>;
const profile = collectedProfile();
const mapped = mappedUserAttributes(profile);
const tags = ['default-dialect' as const];

/** The value a GET shows at a target, read the way Entra reads it (manager → its value). */
function readBack(resource: unknown, item: MappedAttribute): unknown {
  const value = storedValue(resource, item.target);
  return item.kind === 'reference' && value && typeof value === 'object' ? memberCI(value, 'value') : value;
}

function sameValue(sent: unknown, stored: unknown): boolean {
  return sent === stored || (typeof sent === 'number' && typeof stored === 'number' && Math.abs(sent - stored) < 1e-9);
}

/** Create body values for a set of mapped attributes (userName stays the run-marked one unless it is mapped). */
function bodyFor(
  items: MappedAttribute[],
  names: Names,
  variant: 'a' | 'b' = 'a',
): { extra: Json; values: Map<string, unknown> } {
  const extra: Json = {};
  const values = new Map<string, unknown>();
  for (const item of items) {
    if (item.kind === 'reference') continue;
    const value = profileValue(item.mapping, names, variant);
    values.set(item.target, value);
    if (
      parseProfileTarget(item.target)?.attribute.toLowerCase() === 'username' &&
      !parseProfileTarget(item.target)?.urn
    )
      extra.userName = value;
    else setInCreateBody(extra, item.target, value);
  }
  return { extra, values };
}

/**
 * The Replace tests' shared user of each attribute group: every attribute of the group set, and for each value-filter
 * path an element of another type too (it must survive the Replace, P-09/P-10), as the per-test user had.
 */
const replaced = (m: MappedAttribute) => m.kind !== 'reference' && m.kind !== 'boolean';
const removable = (m: MappedAttribute) => replaced(m) && !m.mapping.required && !isUserName(m);
const replaceSlots = slotsFor(mapped.filter(replaced), 'replace', (items, names) => {
  const { extra } = bodyFor(items, names, 'a');
  for (const item of items) {
    const p = parseProfileTarget(item.target);
    if (!p?.filter) continue;
    const list = ((p.urn ? (extra[p.urn] as Json) : extra)[p.attribute] ?? []) as Json[];
    const type = otherType(p.filter.value);
    let sibling = list.find((e) => String(memberCI(e, p.filter!.attribute)).toLowerCase() === type);
    if (!sibling) list.push((sibling = { [p.filter.attribute]: type }));
    sibling[p.sub ?? 'value'] ??= profileValue(item.mapping, names, 'a');
  }
  return extra;
});
/** The Remove tests' shared user of each attribute group: every removable attribute of the group set. */
const removeSlots = slotsFor(mapped.filter(removable), 'remove', (items, names) => bodyFor(items, names, 'a').extra);

function slotsFor(
  items: MappedAttribute[],
  role: string,
  body: (items: MappedAttribute[], names: Names) => Json,
): Map<string, WrittenUserSlot> {
  return new Map(
    attributeGroups(items).map((group) => {
      const key = attributeGroupKey(group[0]!.target);
      return [key, new WrittenUserSlot(`profile ${role} ${key}`, (names) => body(group, names))];
    }),
  );
}

// U-12: create with the mapped attributes of one group, read back every one of them.
for (const group of attributeGroups(mapped.filter((m) => m.kind !== 'reference'))) {
  const paths = titlePaths(group.map((g) => g.target));
  behaviour(
    'U-12',
    `profile mapping ${paths}: a POST carrying ${group.length > 1 ? 'them' : 'it'} stores the value${group.length > 1 ? 's' : ''} and GET returns ${group.length > 1 ? 'them' : 'it'} as sent`,
    async (ctx) => {
      const { extra, values } = bodyFor(group, ctx.names);
      const user = await ctx.resources.createUser(extra);
      const { response, user: stored } = await getUserOk(ctx.client, user.id);
      const wrong = [...values].filter(
        ([target, sent]) =>
          !sameValue(
            sent,
            readBack(
              stored,
              group.find((g) => g.target === target)!,
            ),
          ),
      );
      if (wrong.length === 0) return;
      fail(
        `${wrong.map(([t]) => t).join(', ')}: ${wrong
          .map(
            ([t, sent]) =>
              `POST sent ${t} = ${show(sent)}, GET returned ${show(
                readBack(
                  stored,
                  group.find((g) => g.target === t)!,
                ),
              )}`,
          )
          .join('; ')}`,
        {
          response,
          expected: wrong.map(([t, sent]) => `${t} = ${show(sent)}`).join('\n'),
          actual: wrong
            .map(
              ([t]) =>
                `${t} = ${show(
                  readBack(
                    stored,
                    group.find((g) => g.target === t)!,
                  ),
                )}`,
            )
            .join('\n'),
          hint: `${profile.title} maps ${wrong.length > 1 ? 'these attributes' : 'this attribute'}: Entra sends ${wrong.length > 1 ? 'them' : 'it'} on every create, and a value that does not read back as sent makes Entra re-send an update every cycle (catalog U-12).`,
        },
      );
    },
  );
}

for (const item of mapped) {
  const p = parseProfileTarget(item.target);
  if (!p) continue;
  const t = item.target;

  if (item.kind === 'reference') {
    behaviour(
      'X-06',
      `profile mapping ${t}: Add with the manager's id (a bare string, after both users exist) links it and GET returns {"value": id}`,
      { tags },
      async (ctx) => {
        const manager = await ctx.resources.sharedUser();
        const user = await ctx.resources.createUser();
        await patchUserOk(ctx.client, user.id, [{ op: 'Add', path: t, value: manager.id }]);
        const { response, user: stored } = await getUserOk(ctx.client, user.id);
        const value = storedValue(stored, t);
        expectThat(
          value && typeof value === 'object' && memberCI(value, 'value') === manager.id,
          `${t}: after Add with the manager's id ${show(manager.id)}, GET shows ${show(value)}; expected {"value": ${show(manager.id)}}`,
          {
            response,
            expected: `{"value":"${manager.id}"}`,
            actual: show(value),
            hint: 'Entra sends the target-side id of the manager as a bare string and reads it back from manager.value (catalog X-06, X-09).',
          },
        );
      },
    );
    behaviour('X-08', `profile mapping ${t}: Remove after it was set clears the manager`, { tags }, async (ctx) => {
      const manager = await ctx.resources.sharedUser();
      const user = await ctx.resources.createUser();
      await patchUserOk(ctx.client, user.id, [{ op: 'Add', path: t, value: manager.id }]);
      await patchUserOk(ctx.client, user.id, [{ op: 'Remove', path: t }]);
      const { response, user: stored } = await getUserOk(ctx.client, user.id);
      const value = storedValue(stored, t);
      expectThat(
        isCleared(value) || isCleared(memberCI(value, 'value')),
        `${t}: after Remove, GET still shows ${show(value)}`,
        { response, expected: 'manager absent, null or with an empty value', actual: show(value) },
      );
    });
    continue;
  }

  if (item.kind === 'boolean') {
    behaviour(
      'P-13',
      `profile mapping ${t}: Replace with the string "False" (default dialect) stores the boolean false`,
      { tags },
      async (ctx) => {
        const user = await ctx.resources.createUser(
          p.attribute.toLowerCase() === 'active' && !p.urn ? {} : setInCreateBody({}, t, true),
        );
        await patchUserOk(ctx.client, user.id, [{ op: 'Replace', path: t, value: 'False' }]);
        const { response, user: stored } = await getUserOk(ctx.client, user.id);
        expectThat(
          storedValue(stored, t) === false,
          `${t}: after Replace "False", GET shows ${show(storedValue(stored, t))}; expected the JSON boolean false`,
          { response, hint: 'Entra\'s default job sends booleans as the strings "True"/"False" (catalog P-13, U-14).' },
        );
      },
    );
    continue;
  }

  // Replace, the way Entra sends it for this kind.
  const kindWords =
    item.kind === 'multi'
      ? `(value-filter path)`
      : item.kind === 'complex'
        ? '(sub-attribute path)'
        : item.kind === 'extension'
          ? '(URN path)'
          : '';
  const replaceSlot = replaceSlots.get(attributeGroupKey(t))!.plan();
  behaviour(
    item.setBehaviour,
    `profile mapping ${t}: Replace ${kindWords ? `${kindWords} ` : ''}stores the value${item.kind === 'complex' || item.kind === 'multi' || item.kind === 'extension' ? ' and leaves its neighbours alone' : ''}`,
    { tags },
    async (ctx) => {
      const neighbours = mapped.filter(
        (m) =>
          m.target !== t &&
          m.kind === item.kind &&
          containerKey(m.target, 'element') === containerKey(t, 'element') &&
          !isUserName(m),
      );
      const siblingPath = p.filter
        ? `${p.attribute}[${p.filter.attribute} eq "${otherType(p.filter.value)}"]`
        : undefined;
      const shared = await ctx.resources.sharedWrite(replaceSlot, async (user) => {
        // The element of another type as the user has it now (or as it was sent, if the server's answer left it out).
        const sibling = siblingPath
          ? (matchingElements(user.state, siblingPath)[0] ?? matchingElements(user.sent, siblingPath)[0])
          : undefined;
        user.state = await replaceAndJudge(ctx, item, neighbours, user.id, user.state, sibling);
      });
      if (shared) return;
      const { extra } = bodyFor([item, ...neighbours], ctx.names, 'a');
      let sibling: Json | undefined;
      if (p.filter) {
        // An element of another type must survive (Entra's types are unique, P-09/P-10).
        sibling = {
          [p.filter.attribute]: otherType(p.filter.value),
          [p.sub ?? 'value']: profileValue(item.mapping, ctx.names, 'a'),
        };
        const holder = p.urn ? (extra[p.urn] as Json) : extra;
        (holder[p.attribute] as Json[]).push(sibling);
      }
      // Example data (whether the app accepts the attribute at all is U-12's finding): a 400 to it alone is inconclusive.
      const user = await withExamples(
        ctx,
        { what: `values for ${titlePaths([item, ...neighbours].map((m) => m.target))}`, attributes: extra },
        () => ctx.resources.createUser(extra),
      );
      await replaceAndJudge(ctx, item, neighbours, user.id, user.resource, sibling);
    },
  );

  if (p.filter) {
    behaviour(
      'P-08',
      `profile mapping ${t}: Replace on a user without a "${p.filter.value}" element creates the element`,
      { tags },
      async (ctx) => {
        const extra: Json = {};
        if (!p.urn) extra[p.attribute] = []; // entraUserBody's default work e-mail must not be there
        const user = await ctx.resources.createUser(extra);
        const value = profileValue(item.mapping, ctx.names, 'b');
        await withExamples(
          ctx,
          { what: `value ${show(value)} for ${t}`, attributes: setInCreateBody({}, t, value) },
          () => patchUserOk(ctx.client, user.id, [{ op: 'Replace', path: t, value }]),
        );
        const { response, user: stored } = await getUserOk(ctx.client, user.id);
        expectThat(
          sameValue(value, storedValue(stored, t)),
          `${t}: Replace on a user with no "${p.filter!.value}" ${p.attribute} element: GET shows ${show(memberCI(stored, p.attribute))}; expected an element {"${p.filter!.attribute}":"${p.filter!.value}","${p.sub ?? 'value'}":${show(value)}}`,
          {
            response,
            hint: 'RFC 7644 §3.5.2.3 allows noTarget here, but Entra sends this Replace for a missing element and fails the user on every cycle (sourcegraph#49200, scim-for-keycloak#73) (catalog P-08).',
          },
        );
      },
    );
  }

  // Removal (not for attributes the app requires, and never for userName).
  if (item.mapping.required || isUserName(item)) continue;
  const removeSlot = removeSlots.get(attributeGroupKey(t))!.plan();
  behaviour('P-11', `profile mapping ${t}: Remove with the path clears it`, { tags }, async (ctx) => {
    const shared = await ctx.resources.sharedWrite(removeSlot, async (user) => {
      // Another Remove on this user may have taken this value with it (judged by no test here): then use a fresh user.
      if (isCleared(storedValue(user.state, t))) return false;
      user.state = await removeAndJudge(ctx, t, user.id, storedValue(user.sent, t));
    });
    if (shared) return;
    const { extra, values } = bodyFor([item], ctx.names, 'a');
    const user = await withExamples(ctx, { what: `value ${show(values.get(t))} for ${t}`, attributes: extra }, () =>
      ctx.resources.createUser(extra),
    );
    await removeAndJudge(ctx, t, user.id, values.get(t));
  });
}

/**
 * PATCH Replace of `item` the way Entra sends it, then GET: the value is stored, its `neighbours` (same container)
 * are as they were in `before`, and for a value-filter path the element of another type (`sibling`) survives.
 * Answers the user as read back.
 */
async function replaceAndJudge(
  ctx: BehaviourContext,
  item: MappedAttribute,
  neighbours: MappedAttribute[],
  id: string,
  before: Json,
  sibling: Json | undefined,
): Promise<Json> {
  const t = item.target;
  const p = parseProfileTarget(t)!;
  const value = profileValue(item.mapping, ctx.names, 'b');
  await withExamples(ctx, { what: `value ${show(value)} for ${t}`, attributes: setInCreateBody({}, t, value) }, () =>
    patchUserOk(ctx.client, id, [{ op: 'Replace', path: t, value }]),
  );
  const { response, user: stored } = await getUserOk(ctx.client, id);
  expectThat(
    sameValue(value, storedValue(stored, t)),
    `${t}: after Replace with ${show(value)}, GET shows ${show(storedValue(stored, t))}`,
    {
      response,
      expected: show(value),
      actual: show(storedValue(stored, t)),
      hint: `This is the request Entra sends when ${t} changes in Entra; a 200 that stores nothing leaves ${profile.title} stale forever.`,
    },
  );
  // Neighbours as the server had them before the PATCH (what a create drops is U-12's finding).
  const was = (n: MappedAttribute) => storedValue(before, n.target);
  const changed = neighbours.filter((n) => !sameValue(was(n), storedValue(stored, n.target)));
  expectThat(
    changed.length === 0,
    `Replace ${t} changed ${changed.map((n) => `${n.target} (${show(was(n))} → ${show(storedValue(stored, n.target))})`).join(', ')}; only the addressed attribute may change`,
    { response },
  );
  if (p.filter) {
    const elements = matchingElements(stored, t);
    expectThat(
      elements.length === 1,
      `${t}: after Replace, GET shows ${elements.length} ${p.attribute} elements of type "${p.filter.value}"; expected exactly one (P-09)`,
      { response, actual: show(memberCI(stored, p.attribute)) },
    );
    const type = String(memberCI(sibling, p.filter.attribute));
    const kept = matchingElements(stored, `${p.attribute}[${p.filter.attribute} eq "${type}"]`);
    expectThat(
      kept.length === 1 && sameValue(memberCI(sibling, p.sub ?? 'value'), memberCI(kept[0], p.sub ?? 'value')),
      `${t}: Replace changed or dropped the ${show(type)} element of ${p.attribute}: ${show(memberCI(stored, p.attribute))}`,
      { response },
    );
  }
  return stored;
}

/** PATCH Remove of `t`, then GET: the attribute is cleared. Answers the user as read back. */
async function removeAndJudge(ctx: BehaviourContext, t: string, id: string, created: unknown): Promise<Json> {
  await patchUserOk(ctx.client, id, [{ op: 'Remove', path: t }]);
  const { response, user: stored } = await getUserOk(ctx.client, id);
  const after = storedValue(stored, t);
  expectThat(isCleared(after), `${t}: after Remove, GET still shows ${show(after)} (created with ${show(created)})`, {
    response,
    expected: `${t} absent, null or ""`,
    actual: show(after),
  });
  return stored;
}

function isUserName(item: MappedAttribute): boolean {
  const p = parseProfileTarget(item.target);
  return !p?.urn && p?.attribute.toLowerCase() === 'username';
}
