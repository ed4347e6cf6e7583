/**
 * The report in a real browser (Debian's Chromium through playwright-core): it must work from file://,
 * offline, with no errors, and a hostile response body must not run. Needs Debian package `chromium`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../../reporters/index.js';
import { findTool, IN_CI, sampleRunWithReproductions } from './helpers.js';
import { toCurl } from '../../../src/model/curl.js';
import type { RunResult } from '../../../src/model/result.js';

const CHROMIUM = '/usr/bin/chromium';
const chromiumPath = findTool(CHROMIUM);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('html report in Chromium', () => {
  if (!chromiumPath && IN_CI) {
    it('chromium is installed (CI needs Debian package chromium)', () => {
      throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
    });
    return;
  }
  if (!chromiumPath) {
    it.skip(`[SKIPPED: ${CHROMIUM} not installed; apt-get install -y chromium]`, () => {});
    return;
  }

  let browser: Browser;
  let page: Page;
  let context: BrowserContext;
  let run: RunResult;
  let fileUrl: string;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'report-'));
    run = sampleRunWithReproductions();
    const [file] = await writeReports(run, ['html'], outDir);
    assert(file, 'writeReports returned no file');
    fileUrl = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    // Copy writes with the Clipboard API; the test reads the clipboard back to check what was put there.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        consoleErrors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(fileUrl, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The project compiles without DOM types, so page-side code types what it touches by hand.
  const visible = (selector: string): Promise<number> =>
    page
      .locator(selector)
      .evaluateAll(
        (els) => els.filter((el) => (el as unknown as { offsetParent: unknown }).offsetParent !== null).length,
      );

  it('loads with no console errors, no page errors and no request but the file itself', async () => {
    await expect.poll(() => page.locator('#shown').textContent()).not.toBe('');
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(requests).toEqual([fileUrl]);
  });

  it('shows the verdict', async () => {
    await expect(page.locator('#verdict h1').textContent()).resolves.toBe('Not ready: 2 required behaviours fail');
    await expect(page.locator('#shown').textContent()).resolves.toBe('Showing 9 of 9 tests');
  });

  it('did not run the <script> from the response body', async () => {
    await page.locator('#t-1 summary').click();
    await expect(page.locator('#t-1 pre.http', { hasText: 'window.__xss' }).count()).resolves.toBe(1);
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(dialogs).toEqual([]);
    await page.locator('#t-1 summary').click();
  });

  it('status filter hides passed tests', async () => {
    expect(await visible('article.test[data-status="passed"]')).toBe(4);
    await page.locator('input[name="status"][value="passed"]').uncheck();
    expect(await visible('article.test[data-status="passed"]')).toBe(0);
    expect(await visible('article.test[data-status="failed"]')).toBe(2);
    expect(await visible('article.test[data-status="warning"]')).toBe(2);
    await expect(page.locator('#shown').textContent()).resolves.toBe('Showing 5 of 9 tests');
    await page.locator('#reset-filters').click();
    expect(await visible('article.test')).toBe(9);
  });

  it('area filter shows one area and hides the empty groups', async () => {
    await page.locator('select[name="area"]').selectOption('groups');
    expect(await visible('article.test')).toBe(2);
    expect(await visible('article.test[data-area="groups"]')).toBe(2);
    expect(await visible('section.area-group')).toBe(1);
    await page.locator('#reset-filters').click();
  });

  it('level filter and search box narrow the list', async () => {
    await page.locator('input[name="level"][value="required"]').uncheck();
    expect(await visible('article.test')).toBe(4);
    await page.locator('#reset-filters').click();
    await page.locator('input[name="q"]').fill('case-insensitive');
    expect(await visible('article.test')).toBe(1);
    await page.locator('input[name="q"]').fill('no such test anywhere');
    expect(await visible('article.test')).toBe(0);
    expect(await visible('#no-match')).toBe(1);
    await page.locator('#reset-filters').click();
  });

  it('a failing test opens to its details and curl line, and the copy button answers', async () => {
    const curl = page.locator('#t-1 .exchange pre.curl-line').first();
    expect(await curl.isVisible()).toBe(false);
    await page.locator('#t-1 summary').click();
    expect(await curl.isVisible()).toBe(true);
    expect(await curl.textContent()).toContain(`curl -i --globoff -X 'PATCH'`);
    expect(await curl.textContent()).toContain('-H "Authorization: Bearer $SCIM_TOKEN"');
    const button = page.locator('#t-1 .exchange button.copy').first();
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    // The curl line itself, not the word SCIM_TOKEN of the bar's label (issue 17).
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(toCurl(run.tests[1]!.exchanges[0]!));
  });

  it('Copy on the reproduction puts exactly the script on the clipboard, and the rerun command next to it', async () => {
    const test = run.tests[1]!;
    expect(test.reproduce?.script).toContain('step 1 ');
    const script = page.locator('#t-1 pre.repro-script');
    expect(await script.isVisible()).toBe(true);
    await page
      .locator('#t-1 .repro .curl', { has: page.locator('pre.repro-script') })
      .locator('button.copy')
      .click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(test.reproduce!.script);
    await page.locator('#t-1 .repro .curl').first().locator('button.copy').click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(test.reproduce!.rerun);
  });

  it('at 390 px wide the count tables fit the screen (nothing clipped)', async () => {
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 390, height: 844 });
    await narrow.goto(fileUrl, { waitUntil: 'load' });
    const boxes = await narrow.locator('table.counts').evaluateAll((tables) =>
      tables.map((t) => {
        const el = t as unknown as {
          getBoundingClientRect(): { left: number; right: number };
          scrollWidth: number;
          clientWidth: number;
        };
        const box = el.getBoundingClientRect();
        return { left: box.left, right: box.right, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
      }),
    );
    expect(boxes).toHaveLength(2);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    }
    await narrow.close();
  });

  it('a link in the overview opens the test it names', async () => {
    await page.locator('input[name="status"][value="failed"]').uncheck();
    await page.locator('.p-blocking a[href="#t-4"]').click();
    await expect
      .poll(() => page.locator('#t-4 details').evaluate((d) => (d as unknown as { open: boolean }).open))
      .toBe(true);
    expect(await page.locator('#t-4').isVisible()).toBe(true);
    expect(await page.locator('#t-4').textContent()).toContain('No complete response: timeout');
  });

  it('still ran nothing it should not have', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([fileUrl]);
  });
});
