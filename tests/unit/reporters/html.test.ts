import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../reporters/html.js';
import { specLabel, specUrl } from '../../../src/catalog/spec-links.js';
import { sampleRun } from './helpers.js';

const html = renderHtml(sampleRun());

function articleOf(page: string, behaviour: string): string {
  const match = new RegExp(`<article [^>]*data-search="${behaviour.toLowerCase()} [\\s\\S]*?</article>`).exec(page);
  if (!match) throw new Error(`no article for ${behaviour}`);
  return match[0];
}

describe('html reporter: a self-contained, safe page', () => {
  it('is one HTML document with inline style and script only', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<link\b|@import|<img\b|<iframe\b|<object\b|<embed\b/i);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.match(/<style\b/g)).toHaveLength(1);
  });

  it('forbids every other script, style and fetch with a CSP that hashes its own script and style', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain('default-src &#39;none&#39;');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');
    expect(csp).toContain(`script-src &#39;sha256-${hash(script)}&#39;`);
    expect(csp).toContain(`style-src &#39;sha256-${hash(style)}&#39;`);
    expect(html).not.toMatch(/\son[a-z]+="/i); // no inline handlers: the CSP would block them anyway
  });

  it('keeps hostile names, areas, headers and URLs inert in text and attributes', () => {
    const run = sampleRun();
    const evil = '"><img src=x onerror="window.__xss=1">';
    run.target.url = `javascript:alert(1)//${evil}`;
    const [test] = run.tests;
    const exchange = test?.exchanges[0];
    const [left] = run.cleanup.leftBehind;
    assert(test && exchange && left, 'the sample run has a test with an exchange and a left-behind resource');
    test.name = `U-01 ${evil}`;
    test.area = `users${evil}`;
    exchange.request.headers[`X-${evil}`] = evil;
    left.reason = evil;
    const page = renderHtml(run);
    expect(page).not.toContain('<img');
    expect(page).not.toMatch(/onerror="/);
    expect(page).not.toMatch(/href="javascript:/i);
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
  });

  it('escapes everything that came from the target', () => {
    expect(html).toContain('&lt;script&gt;window.__xss = 1; alert(1)&lt;/script&gt;');
    expect(html).toContain('Unexpected token ]]&gt; in &quot;active&quot; \uFFFD\uFFFD[31m');
    // eslint-disable-next-line no-control-regex
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('html reporter: content', () => {
  it('opens with the verdict, the run facts and the counts', () => {
    expect(html).toMatch(
      /<header class="verdict v-not-ready" id="verdict" data-verdict="not-ready">[\s\S]*<h1>Not ready: 2 required behaviours fail<\/h1>/,
    );
    expect(html).toContain(
      '9 tests: 4 passed, 2 failed, 2 warnings, 1 skipped · 5 of 5 required behaviours checked · blocking: required failures (--fail-on required)',
    );
    expect(html).toContain('2 behaviours fail below the threshold (warnings, not blocking)');
    for (const fact of [
      'https://scim.example-vendor.test/scim/v2',
      'Entra ID provisioning (default mode) (entra-default, default mode)',
      '424242 · replay with --seed 424242',
      '33.4 s · 14 requests',
      '2025-11-23 18:05:33 UTC',
      'scim-conformance 0.1.0',
    ]) {
      expect(html).toContain(fact);
    }
    expect(html).toContain('<caption>By area</caption>');
    expect(html).toMatch(
      /<tr><th scope="row">users<\/th><td class="n-pass">1<\/td><td class="n-fail">1<\/td><td class="n-warn">1<\/td><td class="zero">0<\/td><td>3<\/td><\/tr>/,
    );
    expect(html).toMatch(
      /<tr class="lv-row lv-required"><th scope="row">required<\/th><td class="n-pass">3<\/td><td class="n-fail">2<\/td>/,
    );
  });

  it('lists blocking failures and warnings with links to the tests', () => {
    const blocking = /<section class="problems p-blocking">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(blocking).toContain('<a href="#t-1">U-14 Disable user: default mode (string &quot;False&quot;)</a>');
    expect(blocking).toContain('<a href="#t-4">G-07');
    const warnings = /<section class="problems p-warnings">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(warnings).toContain('F-02');
    expect(warnings).toContain('D-22');
    expect(blocking).not.toContain('D-22');
    expect(articleOf(html, 'D-22')).toContain('data-status="warning"');
    expect(articleOf(html, 'D-22')).toContain('Warning (recommended): ');
  });

  it('renders every test with the data the filters use', () => {
    expect(html.match(/<article /g)).toHaveLength(9);
    expect(html).toContain(
      '<article class="test st-failed" id="t-1" data-status="failed" data-area="users" data-level="required"',
    );
    for (const area of ['users', 'groups', 'discovery', 'auth'])
      expect(html).toContain(`<option value="${area}">${area}</option>`);
    expect(html).toContain('<input type="checkbox" name="status" value="passed" checked>');
    expect(html).toContain(
      '<input type="checkbox" name="status" value="warning" checked> Warning <span class="n">(2)</span>',
    );
    expect(html).toContain('<input type="search" name="q"');
  });

  it('shows a failure in full: message, expected vs actual, Entra, hint, spec links, exchanges and curl', () => {
    const u14 = articleOf(html, 'U-14');
    expect(u14).toContain('<details>');
    expect(u14).toContain(
      '<p class="message">PATCH /Users/{id} replace active &quot;False&quot; → 500 Internal Server Error',
    );
    expect(u14).toContain('<pre class="exp">HTTP 200 (with the resource) or 204');
    expect(u14).toContain('<pre class="act">HTTP 500 with an HTML error page</pre>');
    expect(u14).toContain('What Entra would do');
    expect(u14).toContain('Accept the string values &quot;True&quot;/&quot;False&quot;');
    const href = specUrl('rfc7644#section-3.5.2.3').replace(/&/g, '&amp;');
    expect(u14).toContain(`href="${href}"`);
    expect(u14).toContain(specLabel('rfc7644#section-3.5.2.3').replace(/&/g, '&amp;'));
    expect(u14).toContain(
      '<section class="exchange culprit"><h4>Exchange 1 of 2 · 219 ms <span class="culprit-flag">showed the failure</span>',
    );
    expect(u14).toContain('<b class="rl s5">500 Internal Server Error</b>');
    expect(u14).toContain('  &quot;Operations&quot;: [\n'); // JSON bodies are indented
    expect(u14).toContain('<button type="button" class="copy">Copy</button>');
    expect(u14).toContain('curl -i --globoff -X &#39;PATCH&#39;');
    expect(u14).toContain('-H &quot;Authorization: Bearer $SCIM_TOKEN&quot;');
  });

  it('shows transport errors, skip reasons and cleanup', () => {
    const g07 = articleOf(html, 'G-07');
    expect(g07).toContain('Transport error: the target gave no usable response');
    expect(g07).toContain('No complete response: timeout: no response headers within 30000 ms');
    expect(g07).toContain('attempt 2 (retried after 429)');
    expect(articleOf(html, 'D-05')).toContain('Skipped: Profile entra-default does not check gallery-only behaviours');
    expect(html).toContain('3 created · 2 deleted · 1 left behind');
    expect(html).toContain('1 resource created by this run is still on the target.');
    expect(html).toContain('<td>DELETE /Users/{id} returned 500 Internal Server Error</td>');
  });

  it('shows the verdict the run decided: ready with warnings, partial, interrupted', () => {
    const run = sampleRun();
    run.tests = run.tests.filter((t) => t.status !== 'failed');
    const page = renderHtml({ ...run, verdict: 'ready' });
    expect(page).toContain('<h1>Ready for Entra provisioning: 5 of 5 required behaviours checked, none fails</h1>');
    expect(page).toContain('Warnings: failures below the blocking threshold, not blocking');
    expect(page).not.toContain('class="problems p-blocking"');
    const partial = renderHtml({
      ...run,
      verdict: 'partial',
      required: { checked: 2, total: 5, unchecked: ['G-07', 'U-14', 'U-20'] },
    });
    expect(partial).toMatch(
      /<header class="verdict v-partial" id="verdict" data-verdict="partial">[\s\S]*<h1>Partial: 2 of 5 required behaviours checked/,
    );
    const interrupted = renderHtml({
      ...run,
      verdict: 'interrupted',
      interrupted: { signal: 'SIGTERM', at: run.finishedAt },
    });
    expect(interrupted).toContain('<h1>Interrupted by SIGTERM: no verdict');
  });
});
