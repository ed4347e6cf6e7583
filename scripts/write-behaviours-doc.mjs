#!/usr/bin/env node
// Writes docs/behaviours.md from the catalog in src/catalog (compiled to dist/ by `npm run build`), so the readable
// catalog can never disagree with the one the suites and reports use. `npm run docs:behaviours` builds, then runs
// this. With --check it writes nothing and exits 1 when the committed file differs (tests/docs/behaviours-doc.test.ts
// makes the same comparison from the TypeScript sources).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'src', 'catalog', 'markdown.js');
if (!existsSync(compiled)) {
  console.error('write-behaviours-doc: dist/ is missing; run npm run build first');
  process.exit(4);
}
const { behavioursMarkdown } = await import(compiled);
const target = join(root, 'docs', 'behaviours.md');
const text = behavioursMarkdown();

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('write-behaviours-doc: docs/behaviours.md is out of date; run npm run docs:behaviours');
    process.exit(1);
  }
  console.log('write-behaviours-doc: docs/behaviours.md is current');
} else {
  writeFileSync(target, text);
  console.log(`write-behaviours-doc: wrote docs/behaviours.md (${text.split('\n').length} lines)`);
}
