// Issue 16 item 7: small input mistakes give one line and exit 2 (usage), never a silent run or a misleading error.
// The list flags that name nothing are tested in-process (tests/unit/cli/usage.test.ts); these start the CLI.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';

describe('usage errors (exit 2, one line) on stderr', () => {
  it('a token with a non-ASCII letter is a usage error, not "cannot reach the target", and is not echoed', async () => {
    const run = await runCli(['--url', 'http://127.0.0.1:9/scim'], { env: { SCIM_TOKEN: 'tökén-123456789' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^scim-conformance: the token has a character that cannot be sent in an HTTP header \(not printable ASCII\) at position 2\n$/,
    );
    expect(run.stderr).not.toContain('tökén');
  });
});

describe('--profile discover against odd /Schemas', () => {
  it('an attribute name with a space: one line naming it, exit 3 (target), not zod\'s "["', async () => {
    const t = await startTarget([
      {
        name: 'attribute name with a space',
        onResponse: (req, res) =>
          req.path.endsWith('/Schemas')
            ? { ...res, body: JSON.parse(JSON.stringify(res.body).replace('"name":"nickName"', '"name":"nick Name"')) }
            : undefined,
      },
    ]);
    try {
      const run = await runCli(
        ['--url', t.url, '--reporter', 'json', '--profile', 'discover', '--suite', 'discovery'],
        { env: { SCIM_TOKEN: TEST_TOKEN } },
      );
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(
        /^scim-conformance: --profile discover: \/Schemas describes something no profile can hold: users\.mappings\.\d+\.target "nick Name": /,
      );
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      await t.close();
    }
  }, 60_000);
});
