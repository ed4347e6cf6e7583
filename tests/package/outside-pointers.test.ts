// The published package explains itself: nothing it ships refers to files outside it (such as the development
// catalog ../shared/entra-behaviours.md next to this repository), and the catalog text it points users at,
// docs/behaviours.md, is in the tarball.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * The neighbour folder ../shared holds the development catalog, the style study and the profile seeds (the copies of
 * vendor documents that profiles were first written from, once named "seeds/NNN"); profiles cite public URLs instead.
 */
const OUTSIDE = /entra-behaviours\.md|STYLE\.md|shared\/(seeds|notes|hooks)\b|\bseeds\/\d{3}\b/;

function shippedFiles(): string[] {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return (JSON.parse(json) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
}

describe('the published package', () => {
  const files = shippedFiles();

  it('ships docs/behaviours.md, which explain points at', () => {
    expect(files).toContain('docs/behaviours.md');
  });

  it('refers to no file outside the package', () => {
    const offenders = files
      .filter((path) => /\.(ts|js|mjs|cjs|json|md)$/.test(path))
      .filter((path) => OUTSIDE.test(readFileSync(join(ROOT, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
