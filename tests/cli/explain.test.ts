// `scim-conformance explain`: the catalog from the terminal, without a target. Runs the built CLI.
import { describe, expect, it } from 'vitest';
import { allBehaviourIds } from '../../src/catalog/behaviours.js';
import { explainText, listText } from '../../src/catalog/text.js';
import { runCli } from '../helpers/cli.js';

const ESC = '\u001b[';

describe('scim-conformance explain', () => {
  it('prints one behaviour as the formatter does (80 columns, no colour, when stdout is not a terminal)', async () => {
    const run = await runCli(['explain', 'U-14'], { env: { NO_COLOR: undefined } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(explainText('U-14'));
    expect(run.stdout).toContain('{"op":"Replace","path":"active","value":"False"}');
    expect(run.stdout).not.toContain(ESC);
  });

  it('accepts a lower-case id and several ids, one after the other', async () => {
    const run = await runCli(['explain', 'd-04', 'G-20']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${explainText('D-04')}\n${explainText('G-20')}`);
  });

  it('colours only when forced, and NO_COLOR wins', async () => {
    const forced = await runCli(['explain', 'U-14'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(`${ESC}1mU-14`);
    const both = await runCli(['explain', 'U-14'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(both.stdout).not.toContain(ESC);
  });

  it('lists every id with its level and title when no id is given', async () => {
    const run = await runCli(['explain']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(listText());
    for (const id of allBehaviourIds()) expect(run.stdout).toContain(`  ${id}  `);
  });

  it.each([
    [['explain', 'U-99'], 'scim-conformance: unknown behaviour id "U-99" (ids look like U-14; see docs/behaviours.md)'],
    [
      ['explain', 'U-14', 'users'],
      'scim-conformance: unknown behaviour id "users" (ids look like U-14; see docs/behaviours.md)',
    ],
    [
      ['explain', '--verbose'],
      "scim-conformance: Unknown option '--verbose'. Run scim-conformance explain --help for the usage.",
    ],
  ])('%j is a usage error: exit 2, one line, nothing on stdout', async (args, line) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.stdout).toBe('');
  });

  it('has its own --help, and the main --help mentions it', async () => {
    const own = await runCli(['explain', '--help']);
    expect(own.code).toBe(0);
    expect(own.stdout).toMatch(/^scim-conformance explain: /);
    const main = await runCli(['--help']);
    expect(main.stdout).toContain('scim-conformance explain U-14');
  });
});
