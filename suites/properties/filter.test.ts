// Filters find exactly the created resource whatever its value (catalog F-05, U-21, U-04): RFC 7644 §3.4.2.2
// string escaping (\" and \\), form encoding like Entra (+ for spaces, %22 for quotes), userName compared
// case-insensitively, externalId exactly. A value the app refuses on create (400) is discarded. Hand-picked examples
// run first: two escapes in a row (a decoder that needs a plain character before each escape misreads them), a
// userName in the other letter case throughout, an externalId in mixed case with a quote and a backslash.
import {
  property,
  userName,
  externalId,
  markedPrefix,
  fc,
  verify,
  status,
  entraUserBody,
  eqFilter,
  filterUsers,
  idsOf,
  fail,
  show,
  exampleUserName,
} from '#harness';
import type { PropertyRun } from '#harness';

/** Toggles ASCII letters only: case-insensitive matching of other scripts is not something Entra relies on. */
const asciiToggle = (c: string) => (/^[a-z]$/.test(c) ? c.toUpperCase() : /^[A-Z]$/.test(c) ? c.toLowerCase() : c);

async function createUser(run: PropertyRun, name: string, external: string): Promise<string> {
  const created = await run.client.post('/Users', entraUserBody(name, external));
  const id = (created.json as { id?: unknown } | undefined)?.id;
  if (typeof id === 'string') run.resources.track('User', id, name);
  fc.pre(created.status !== 400);
  verify(created, status(201, 200));
  return id as string;
}

async function expectFound(run: PropertyRun, filter: string, id: string, why: string): Promise<void> {
  const { response, resources } = await filterUsers(run.client, filter);
  const ids = idsOf(resources);
  if (ids.length !== 1 || ids[0] !== id)
    fail(
      `filter ${filter} returned ${show(resources.map((r) => r.userName))}; expected exactly the user just created (${id})`,
      {
        response,
        expected: `totalResults 1, id ${id}`,
        actual: `ids ${show(ids)}`,
        hint: why,
      },
    );
}

property(
  'F-05',
  'property: filter userName eq <value> finds exactly the created user, whatever the value (quotes, backslashes, unicode)',
  {
    label: 'fu',
    runsFactor: 0.8,
    examples: ({ target, label }) => [
      {
        name: 'two escapes in a row ("", \\\\, "\\, \\"), a space, a + and a literal %22',
        values: [
          exampleUserName({ runId: target.runId, label }, 'a""b\\\\c"\\d\\"e f+g%22'),
          `${markedPrefix({ runId: target.runId, label })}esc1`,
        ],
      },
    ],
  },
  ({ target, label }) => [userName({ runId: target.runId, label }), externalId({ runId: target.runId, label })],
  async (run, name, external) => {
    const id = await createUser(run, name, external);
    await expectFound(
      run,
      eqFilter('userName', name),
      id,
      'Unescape \\" and \\\\ exactly once (RFC 7644 §3.4.2.2) and decode the query form-style; Entra matches on this filter before every create (U-02, U-03).',
    );
  },
);

property(
  'U-21',
  'property: filter userName eq <the same value in other letter case> finds the user',
  {
    label: 'fc',
    runsFactor: 0.6,
    examples: ({ target, label }) => {
      const name = exampleUserName({ runId: target.runId, label }, "Ann.O'Neil.Zoë");
      const pair: [string, string] = [name, [...name].map(asciiToggle).join('')];
      return [
        {
          name: 'every ASCII letter in the other case, the marker and the domain too',
          values: [pair, `${markedPrefix({ runId: target.runId, label })}case1`],
        },
      ];
    },
  },
  ({ target, label }) => [
    // The marker is upper-cased whole and only the rest is case-toggled, so that the same --seed toggles the same
    // letters whatever the run id (fc.mixedCase draws one bit per letter).
    userName({ runId: target.runId, label, caseVariants: false }).chain((name) => {
      const cut = markedPrefix({ runId: target.runId, label }).length;
      return fc.tuple(
        fc.constant(name),
        fc
          .mixedCase(fc.constant(name.slice(cut)), { toggleCase: asciiToggle })
          .map((rest) => `${name.slice(0, cut).toUpperCase()}${rest}`),
      );
    }),
    externalId({ runId: target.runId, label }),
  ],
  async (run, [name, variant], external) => {
    const id = await createUser(run, name, external);
    await expectFound(
      run,
      eqFilter('userName', variant),
      id,
      'userName is caseExact false (RFC 7643 §4.1.1): compare case-insensitively, or a UPN case change in Entra creates a duplicate or a 409 loop (U-21, M-12).',
    );
  },
);

property(
  'U-04',
  'property: filter externalId eq <value> finds exactly the created user (case-exact)',
  {
    label: 'fe',
    runsFactor: 0.6,
    examples: ({ target, label }) => [
      {
        name: 'an externalId in mixed case with a quote and a backslash',
        values: [
          exampleUserName({ runId: target.runId, label }, 'ext1'),
          `${markedPrefix({ runId: target.runId, label })}MailNick"Name\\X`,
        ],
      },
    ],
  },
  ({ target, label }) => [userName({ runId: target.runId, label }), externalId({ runId: target.runId, label })],
  async (run, name, external) => {
    const id = await createUser(run, name, external);
    await expectFound(
      run,
      eqFilter('externalId', external),
      id,
      'Apps matching on externalId (mailNickname or objectId) get a duplicate user per cycle when this filter misses (U-04).',
    );
  },
);
