// Adding a member id the server does not know (catalog G-07 default dialect, G-08 flag): Entra sends the app ids it cached, which can be stale
// (a user deleted in the app by someone else). RFC 7644 lets the server refuse (400/404) or ignore it; a 5xx makes
// Entra retry the whole membership change every cycle and, repeated, counts toward quarantine (D-17).
import { behaviour, expectThat, addMembersOp, patchBody, skipUnlessGroups, type Dialect } from '#harness';

for (const dialect of ['default', 'flag'] as Dialect[]) {
  behaviour(
    dialect === 'default' ? 'G-07' : 'G-08',
    `PATCH Add members with an id that does not exist (${dialect} dialect) answers 2xx or 4xx, never 5xx`,
    { level: 'recommended', tags: [`${dialect}-dialect`] },
    async ({ client, resources, names, profile, skip }) => {
      skipUnlessGroups(profile, skip);
      // The run's 'taken' group: no test reads its members, so an unknown id a server keeps there disturbs nothing.
      const group = await resources.sharedGroup('taken');
      const response = await client.patch(`/Groups/${group.id}`, patchBody([addMembersOp([names.absent()], dialect)]));
      expectThat(
        response.status < 500,
        `adding the unknown member id answered ${response.status}; expected 2xx (ignored) or 4xx (refused)`,
        {
          response,
          hint: 'Refuse an unknown member with 400 (invalidValue) or 404, or ignore it; a 5xx fails the membership change on every cycle and counts toward quarantine (D-17).',
        },
      );
    },
  );
}
