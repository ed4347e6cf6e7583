// docs/behaviours.md is generated from src/catalog (npm run docs:behaviours); this keeps the committed file from
// going stale and checks that it reads as Markdown should: every id anchored, linked from the index and the README.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allBehaviourIds, behaviourInfo } from '../../src/catalog/behaviours.js';
import { asSentence } from '../../src/catalog/describe.js';
import { behavioursMarkdown, markdownText } from '../../src/catalog/markdown.js';
import { specUrl } from '../../src/catalog/spec-links.js';
import { UNOBSERVABLE } from '../../src/catalog/unobservable.js';
import { ROOT } from '../helpers/cli.js';

const committed = readFileSync(join(ROOT, 'docs', 'behaviours.md'), 'utf8');

/** The Markdown between the anchor of `id` and the next anchor. */
function entryOf(markdown: string, id: string): string {
  const start = markdown.indexOf(`<a id="${id.toLowerCase()}"></a>`);
  const next = markdown.indexOf('<a id=', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('docs/behaviours.md', () => {
  it('is exactly what npm run docs:behaviours writes from src/catalog (run it after changing the catalog)', () => {
    expect(committed === behavioursMarkdown(), 'docs/behaviours.md is out of date: run npm run docs:behaviours').toBe(
      true,
    );
  });

  it('has one anchored entry per behaviour, linked from the index, with its level, requests, passes and sources', () => {
    for (const id of allBehaviourIds()) {
      const info = behaviourInfo(id);
      expect(committed.split(`<a id="${id.toLowerCase()}"></a>`)).toHaveLength(2);
      expect(committed).toContain(`- [${id}](#${id.toLowerCase()}) `);
      const entry = entryOf(committed, id);
      expect(entry).toContain(`### ${id} `);
      expect(entry).toContain(`**Level:** ${info.level} · `);
      expect(entry).toContain(`**Requests:** ${markdownText(asSentence(info.sends))}`);
      expect(entry).toContain(`**Passes:** ${markdownText(asSentence(info.passes))}`);
      for (const anchor of info.spec) expect(entry).toContain(`](${specUrl(anchor)})`);
      const reason = UNOBSERVABLE[id];
      if (reason) expect(entry).toContain(`**Not tested:** ${markdownText(asSentence(reason))}`);
      else expect(entry).not.toContain('**Not tested:**');
    }
  });

  it('escapes Markdown in running text but leaves code spans literal', () => {
    expect(markdownText('GET /Users/<id> and `GET /Users/<id>`')).toBe('GET /Users/\\<id\\> and `GET /Users/<id>`');
    expect(markdownText('a *b* [c] d_e \\ `a*b_[c]`')).toBe('a \\*b\\* \\[c\\] d\\_e \\\\ `a*b_[c]`');
  });

  it('is linked from the README', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/\]\(docs\/behaviours\.md\)/);
  });
});
