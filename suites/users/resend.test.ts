// A create whose answer Entra never got (timeout, reset) is sent again, identically, in a later cycle (catalog U-31).
import {
  behaviour,
  verify,
  status,
  expectThat,
  show,
  entraUserBody,
  eqFilter,
  filterUsers,
  idsOf,
  findsOnly,
} from '#harness';

behaviour(
  'U-31',
  'the same POST /Users sent again (its first answer lost) gets a clean 409, and the match filter then finds exactly the one user',
  async ({ client, resources, names }) => {
    const userName = names.userName('resend');
    const body = entraUserBody(userName, names.externalId());
    const first = await client.post('/Users', body);
    const id = resources.trackCreated('User', first, userName);
    verify(first, (r) => {
      const bad = status(201, 200)(r);
      return bad || typeof id !== 'string'
        ? { message: `setup: could not create a test user: ${bad?.message ?? 'no id in the answer'}` }
        : undefined;
    });
    const again = await client.post('/Users', body);
    const againId = (again.json as { id?: unknown } | undefined)?.id;
    if (again.status < 300 && typeof againId === 'string' && againId !== id) resources.track('User', againId, userName);
    expectThat(
      again.status === 409,
      `the identical POST sent again answered ${again.status}; expected 409 (the user exists)`,
      {
        response: again,
        expected: '409',
        actual: String(again.status),
        hint:
          again.status < 300
            ? 'A second user with the same userName makes every later Entra match fail with MultipleEntriesInResponse.'
            : 'Entra re-sends a create whose answer it lost (Microsoft Q&A 1151866); a 409 lets it match the user in the next cycle, any other answer fails the object every cycle.',
      },
    );
    const { response, resources: found } = await filterUsers(client, eqFilter('userName', userName));
    expectThat(
      findsOnly(found, id),
      `after the re-sent POST, filter userName eq ${show(userName)} found ${show(idsOf(found))}; expected exactly ${show(id)}`,
      { response, hint: 'Entra matches on userName after the 409 and links the object to the one user it finds.' },
    );
  },
);
