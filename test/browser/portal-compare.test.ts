import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../harness/browser.ts';
import { startServerWithCorrection } from '../harness/corrected-edition.ts';
import { pageProblems } from '../harness/staff-browser.ts';
import type { TestServer } from '../harness/test-server.ts';

/**
 * The public comparison of editions in real Chromium (issue 19 item 12): from the editions list a citizen opens
 * the comparison, chooses the editions in the form (no script needed), and reads what changed, in Japanese and
 * English, at desktop and phone width, with axe at zero and nothing wider than the screen.
 */
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const BASE = '/ogori/action-plan-2';

beforeAll(async () => {
  [{ server }, browser] = await Promise.all([startServerWithCorrection(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

const RUNS = [
  { lang: 'ja', width: 1280 },
  { lang: 'en', width: 1280 },
  { lang: 'ja', width: 375 },
  { lang: 'en', width: 375 },
] as const;

describe('comparing two published editions in Chromium', () => {
  for (const { lang, width } of RUNS)
    it(`opens from the editions list, chooses editions and reads the changes (${lang}, ${width}px)`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${server.url}${BASE}/editions${lang === 'en' ? '?lang=en' : ''}`);
      await page
        .getByRole('link', { name: lang === 'ja' ? '前の版と比較' : 'Compare with the previous edition' })
        .click();
      await page.waitForURL(/\/compare\?from=/);
      const ratings = lang === 'ja' ? '1-1 評価の変更' : '1-1 Ratings changed';
      expect(await page.getByRole('table', { name: ratings }).locator('tbody tr').allInnerTexts()).toEqual([
        lang === 'ja' ? '令和4年度\t10%\t60%' : 'FY2022\t10%\t60%',
      ]);
      expect(await pageProblems(page)).toEqual([]);
      // The other way round, chosen in the form.
      const label = (ja: string, en: string) => (lang === 'ja' ? ja : en);
      await page.getByLabel(label('比較元の版', 'From edition')).selectOption({ index: 0 });
      await page.getByLabel(label('比較先の版', 'To edition')).selectOption({ index: 1 });
      await page.getByRole('button', { name: label('比較する', 'Compare') }).click();
      await page.waitForURL(/\/compare\?from=.*&to=/);
      expect(await page.getByRole('status').innerText()).toBe(
        label(
          '「令和4年度実績反映版（訂正）」から「令和4年度実績反映版」への変更：変更のあった取組 1件、変更のない取組 39件',
          'From “令和4年度実績反映版（訂正）” to “令和4年度実績反映版”: 1 initiative(s) changed, 39 unchanged',
        ),
      );
      const texts = label('1-1 工程表と記載内容の変更', '1-1 Roadmap and text changed');
      expect(await page.getByRole('table', { name: texts }).locator('tbody tr').allInnerTexts()).toEqual([
        label('工程表：令和4年度の実績\t削除\t要綱を改正した', 'Roadmap: results in FY2022\tRemoved\t要綱を改正した'),
      ]);
      expect(await pageProblems(page)).toEqual([]);
    }, 120_000);
});
