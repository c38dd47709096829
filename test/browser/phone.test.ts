import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../harness/browser.ts';
import { LANGUAGES_AT_WIDTHS, pageProblems, signInAt, spaceBelowCommentButton } from '../harness/staff-browser.ts';
import { buildStaff, openOgoriRound, type TestStaff } from '../harness/staff-factory.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * Acceptance of #19 items 11 and 13 in real Chromium, in Japanese and English at 1280 and 375 px: the portal's
 * 工程表 shows its 実績 column whole, a rating table's 年度 stays on one line, the goal page with several rate
 * sections has unique landmarks (axe 0), and the staff entry form can be used with one thumb on a phone.
 */
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let editor: TestStaff;
const BASE = '/ogori/action-plan-2';
const CASES = LANGUAGES_AT_WIDTHS;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ now: () => new Date('2024-05-20T01:00:00Z') }),
    launchBrowser(),
  ]);
  editor = await buildStaff(server.ctx, {
    role: 'department-editor',
    department: 'kenko',
    email: 'kenko@ogori.example.jp',
  });
  await openOgoriRound(server.ctx, 2023, '2024-05-31');
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function portalPage(width: number, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

/** How many lines each matching cell's text takes. */
const linesOf = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );

describe('portal on a phone and a desktop', () => {
  for (const { lang, width } of CASES)
    it(`工程表: the 実績 column is whole inside the screen, 年度 on one line (${lang}, ${width}px)`, async () => {
      const page = await portalPage(width, `${BASE}/initiatives/1-3?lang=${lang}`);
      const table = page.locator('table.roadmap');
      const fit = await table.evaluate((t) => ({
        sideways: t.scrollWidth - (t.parentElement?.clientWidth ?? 0),
        actualRight: t.querySelector('thead th:last-child')!.getBoundingClientRect().right,
        regionRight: t.parentElement!.getBoundingClientRect().right,
      }));
      expect(fit.sideways).toBeLessThanOrEqual(0);
      expect(fit.actualRight).toBeLessThanOrEqual(fit.regionRight);
      expect(await table.locator('thead th').allTextContents()).toEqual(
        lang === 'ja' ? ['年度', '計画', '実績'] : ['Fiscal year', 'Plan', 'Results'],
      );
      expect(await linesOf(page, 'table.roadmap tbody th')).toEqual([1, 1, 1, 1]);
      expect(await pageProblems(page)).toEqual([]);
    }, 60_000);

  for (const { lang, width } of CASES)
    it(`goal 8, several rate sections: 年度 on one line, unique landmarks (${lang}, ${width}px)`, async () => {
      const page = await portalPage(width, `${BASE}/goals/8?lang=${lang}`);
      expect(await page.locator('table.by-year th[scope=row]').allTextContents()).toEqual(
        lang === 'ja' ? ['令和4年度', '令和5年度', '令和6年度'] : ['FY2022', 'FY2023', 'FY2024'],
      );
      expect(await linesOf(page, 'table.by-year th[scope=row]')).toEqual([1, 1, 1]);
      const regions = await page.locator('section[aria-label], section[aria-labelledby]').count();
      expect(regions).toBeGreaterThan(1);
      expect(await pageProblems(page)).toEqual([]);
    }, 60_000);
});

describe('staff entry form', () => {
  for (const { lang, width } of CASES)
    it(`is usable with one thumb: 44 px targets, 16 px text, save and submit under the thumb (${lang}, ${width}px)`, async () => {
      const page = await signInAt(browser, contexts, server.url, editor.email, width);
      await page.goto(`${server.url}/staff/plans/action-plan-2/rounds/2023/tasks/2-1?lang=${lang}`);
      const save = page.locator('.entry-actions button[value=save]');
      expect(await spaceBelowCommentButton(page)).toBeGreaterThanOrEqual(24);
      expect(await save.textContent()).toBe(lang === 'ja' ? '下書き保存' : 'Save draft');
      if (width === 375) {
        const small = await page
          .locator(
            [
              'input:not([type=hidden]):not([type=checkbox]):not([type=radio])',
              'select',
              'textarea',
              'button',
              '.field--check label',
              '.radio-option label',
            ]
              .map((s) => `form:has(.entry-actions) ${s}`)
              .join(', '),
          )
          .evaluateAll((els) =>
            els
              .filter((el) => el.getBoundingClientRect().height < 44)
              .map((el) => `${el.tagName} ${el.id || el.getAttribute('for') || el.textContent}`),
          );
        expect(small).toEqual([]);
        const fontSizes = await page
          .locator('form:has(.entry-actions) :is(input:not([type=hidden]):not([type=checkbox]), select, textarea)')
          .evaluateAll((els) => [...new Set(els.map((el) => getComputedStyle(el).fontSize))]);
        expect(fontSizes).toEqual(['16px']);
        // At the top of the sheet and halfway through it, save and submit sit at the bottom of the screen.
        for (const at of [0, 0.5]) {
          await page.locator('form:has(.entry-actions)').evaluate((form, f) => {
            const r = form.getBoundingClientRect();
            window.scrollTo(0, f === 0 ? 0 : window.scrollY + r.top + r.height * f - window.innerHeight / 2);
          }, at);
          const box = await save.boundingBox();
          expect(box && [box.y >= 800 - 120, box.y + box.height <= 800]).toEqual([true, true]);
        }
      }
      await page.locator('#f-rating').selectOption('60');
      await page.locator('#f-comment').fill(lang === 'ja' ? '片手で入力' : 'Typed with one hand');
      await save.click();
      await page.waitForURL(/notice=saved/);
      expect(await page.locator('#f-comment').inputValue()).toBe(lang === 'ja' ? '片手で入力' : 'Typed with one hand');
      expect(await pageProblems(page)).toEqual([]);
    }, 90_000);
});
