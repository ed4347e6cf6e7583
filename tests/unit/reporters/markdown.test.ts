import { describe, expect, it } from 'vitest';
import { renderMarkdown, mdText } from '../../../reporters/markdown.js';
import { sampleRunWithReproductions } from './helpers.js';

describe('markdown reporter (summary.md, GITHUB_STEP_SUMMARY)', () => {
  const run = sampleRunWithReproductions();
  const md = renderMarkdown(run);

  it('starts with the verdict and lists each blocking behaviour once, with what Entra would do', () => {
    expect(md).toMatch(/^## ❌ scim-conformance: Not ready: 2 required behaviours fail\n/);
    expect(md).toContain('### Blocking failures (2)');
    expect(md).toMatch(/^\| \*\*U-14\*\* \| required \| /m);
    expect(md).toContain('### Reproduce');
    expect(md).toMatch(
      /`scim-conformance --url 'https:\/\/scim\.example-vendor\.test\/scim\/v2' --grep '\^U-14 .*' --seed 424242`/,
    );
  });

  it('escapes text from the target so that it cannot add markdown, HTML or table cells', () => {
    expect(mdText('a | b <script>alert(1)</script> *x*')).toBe('a \\| b \\<script\\>alert(1)\\</script\\> \\*x\\*');
    expect(md).not.toMatch(/<script/i);
  });
});
