// Value-filter paths that match nothing, or match an element that has no type (catalog P-19, P-20): Entra uses Add
// when it believes the target is empty, and keeps sending its filter whatever the element looks like.
import {
  behaviour,
  expectThat,
  show,
  op,
  getUserOk,
  patchUserOk,
  matchingElements,
  memberCI,
  type Dialect,
  type ScimClient,
} from '#harness';

const WORK = 'emails[type eq "work"].value';

/** The user's work e-mail elements, read back. */
async function workEmails(client: ScimClient, id: string) {
  const { response, user } = await getUserOk(client, id);
  return {
    response,
    work: matchingElements(user, WORK),
    all: (memberCI(user, 'emails') as unknown[] | undefined) ?? [],
  };
}

const sameAddress = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

for (const dialect of ['default', 'flag'] as Dialect[]) {
  const add = op('add', dialect);
  behaviour(
    'P-19',
    `${add} ${WORK} on a user without a work e-mail creates it; a second ${add} updates it, no duplicate`,
    { tags: [`${dialect}-dialect`] },
    async ({ client, resources, names, skip }) => {
      // Created without e-mails: the filter matches nothing, as when Entra first sends a mail it believes is missing.
      const user = await resources.createUser({ emails: undefined });
      const before = await workEmails(client, user.id);
      if (before.work.length > 0)
        skip(
          `inconclusive: the user was created without e-mails but reads back with a work e-mail (${show(before.all)}), so there is no empty filter to Add through`,
        );
      const first = names.userName('mail');
      await patchUserOk(client, user.id, [{ op: add, path: WORK, value: first }]);
      const once = await workEmails(client, user.id);
      expectThat(
        once.work.length === 1 && sameAddress(memberCI(once.work[0], 'value'), first),
        `after ${add} ${WORK} = ${show(first)} on a user without one, GET shows emails ${show(once.all)}; expected one {"type":"work","value":${show(first)}}`,
        {
          response: once.response,
          hint: 'Entra sends Add through a value filter that matches nothing and expects the element to be created (keycloak-scim-server#35, wire-server#5419); a noTarget or an ignored op fails or loses the mail every cycle.',
        },
      );
      const second = names.userName('mail');
      await patchUserOk(client, user.id, [{ op: add, path: WORK, value: second }]);
      const twice = await workEmails(client, user.id);
      expectThat(
        twice.work.length === 1 && sameAddress(memberCI(twice.work[0], 'value'), second),
        `after a second ${add} ${WORK} = ${show(second)}, GET shows emails ${show(twice.all)}; expected the one work e-mail updated, not a second one`,
        {
          response: twice.response,
          hint: 'Entra matches elements by type and assumes one per type (U-26); a second work element makes later filters ambiguous.',
        },
      );
    },
  );
}

behaviour(
  'P-20',
  'Replace emails[type eq "work"].value on a user whose only e-mail has no type: no noTarget, and a second cycle adds no duplicate',
  { tags: ['default-dialect'] },
  async ({ client, resources, names }) => {
    const untyped = names.userName('untyped');
    const user = await resources.createUser({ emails: [{ value: untyped }] });
    const value = names.userName('mail');
    const hint =
      'Users created outside Entra may carry e-mails without type; Entra still sends its typed filter. Either type the element or add a work element (SCIM-SDK#668), never answer noTarget.';
    for (const cycle of [1, 2]) {
      await patchUserOk(client, user.id, [{ op: 'Replace', path: WORK, value }]);
      const { response, work, all } = await workEmails(client, user.id);
      expectThat(
        work.length === 1 && sameAddress(memberCI(work[0], 'value'), value),
        `after cycle ${cycle} of Replace ${WORK} = ${show(value)}, GET shows emails ${show(all)}; expected exactly one work e-mail with that value`,
        { response, hint },
      );
      expectThat(
        all.length <= 2,
        `after cycle ${cycle}, the user has ${all.length} e-mails (${show(all)}); repeating the same Replace must not add elements`,
        { response, hint },
      );
    }
  },
);
