// The floors of src/ (decisions/architecture.md): every import between two folders of src/ goes down, never up, so
// the folders form no circle and src/cli, on top, is imported by nothing else. The import lines are read with the
// TypeScript compiler's own pre-processor (type-only and dynamic imports count: a type from above is a dependency
// on what is above too).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Top to bottom; a folder may import the folders on lower floors only (never its own floor's neighbours). */
const FLOORS: ReadonlyArray<readonly string[]> = [
  ['cli'],
  ['runner'],
  ['server'],
  ['harness'],
  ['generators'],
  ['checks', 'profiles'],
  ['client', 'entra'],
  ['model'],
  ['scim', 'catalog', 'schemas'],
];

/** Pure arbitraries: whatever floor they sit on, generators never reach the network nor the harness. */
const FORBIDDEN: ReadonlyArray<readonly [string, string]> = [
  ['generators', 'harness'],
  ['generators', 'client'],
];

interface Arrow {
  from: string;
  to: string;
  /** `src/x/file.ts:12 -> ../y/other.js` */
  where: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const folderOf = (file: string) => relative(SRC, file).split('/')[0] ?? '';

/** Every import from one folder of src/ into another. */
function folderArrows(): Arrow[] {
  const arrows: Arrow[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), imported.fileName);
      if (!target.startsWith(`${SRC}/`)) continue;
      const from = folderOf(file);
      const to = folderOf(target);
      if (from === to) continue;
      const line = text.slice(0, imported.pos).split('\n').length;
      arrows.push({ from, to, where: `${relative(resolve(SRC, '..'), file)}:${line} -> ${imported.fileName}` });
    }
  }
  return arrows;
}

function floorOf(folder: string): number {
  return FLOORS.findIndex((floor) => floor.includes(folder));
}

/** Arrows that do not go down: to the same floor or above (each one is, or can close, a circle). */
function arrowsUp(arrows: readonly Arrow[]): Arrow[] {
  return arrows.filter((a) => floorOf(a.to) <= floorOf(a.from));
}

const arrows = folderArrows();

describe('floors of src/', () => {
  test('every folder of src/ has a floor', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.filter((folder) => floorOf(folder) < 0)).toEqual([]);
  });

  test('every import between folders goes down a floor (no circle, nothing imports src/cli)', () => {
    const up = arrowsUp(arrows).map((a) => `${a.from} -> ${a.to}: ${a.where}`);
    expect(up).toEqual([]);
  });

  test('generators are pure arbitraries: no import of the harness or the client', () => {
    const bad = arrows
      .filter((a) => FORBIDDEN.some(([from, to]) => a.from === from && a.to === to))
      .map((a) => a.where);
    expect(bad).toEqual([]);
  });

  test('the check itself finds an arrow that runs back up', () => {
    expect(arrowsUp([{ from: 'model', to: 'cli', where: 'src/model/x.ts:1 -> ../cli/errors.js' }])).toHaveLength(1);
    expect(arrowsUp([{ from: 'checks', to: 'profiles', where: 'same floor' }])).toHaveLength(1);
    expect(arrowsUp([{ from: 'cli', to: 'model', where: 'down' }])).toHaveLength(0);
  });
});
