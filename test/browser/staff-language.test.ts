import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../harness/browser.ts';
import { LANGUAGES_AT_WIDTHS, pageProblems, signInAt } from '../harness/staff-browser.ts';
import { buildStaff, openOgoriRound, TEST_PASSWORD } from '../harness/staff-factory.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * Acceptance of #19 item 10 in real Chromium: each staff member's display language is stored with their account
 * and used, on any browser they sign in on, wherever the address has no ?lang=; English pages name the 課 by the
 * plan's English names and give field errors in English. Both languages, 1280 and 375 px, axe at 0.
 */
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const CASES = LANGUAGES_AT_WIDTHS;
const MINE = '/staff/plans/action-plan-2/rounds/2023/mine';

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ now: () => new Date('2024-05-20T01:00:00Z') }),
    launchBrowser(),
  ]);
  await openOgoriRound(server.ctx, 2023, '2024-05-31');
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

describe('a staff member’s display language', () => {
  for (const { lang, width } of CASES)
    it(`is chosen once and used on every sign-in without ?lang= (${lang}, ${width}px)`, async () => {
      const email = `kenko-${lang}-${width}@ogori.example.jp`;
      await buildStaff(server.ctx, { role: 'department-editor', department: 'kenko', email });
      // First the other language in this browser, so the choice has to win over it at the next sign-in.
      const other = lang === 'ja' ? 'en' : 'ja';
      const first = await signInAt(browser, contexts, server.url, email, width);
      await first.goto(`${server.url}/staff/account/password?lang=${other}`);
      await first.locator('#f-language').selectOption(lang);
      await first.locator('form[action="/staff/account/language"] button[type=submit]').click();
      await first.waitForURL(/notice=language/);
      expect(await first.locator('html').getAttribute('lang')).toBe(lang);
      expect(await first.getByRole('status').or(first.locator('.notice')).first().textContent()).toContain(
        lang === 'ja' ? '表示言語を保存しました。' : 'Your display language has been saved.',
      );
      expect(await first.locator('#f-language').inputValue()).toBe(lang);
      expect(await pageProblems(first)).toEqual([]);

      // A value the form does not offer is refused beside the field, in the page's language.
      const csrf = await first.locator('form[action="/staff/account/language"] input[name=_csrf]').inputValue();
      const refused = await first.request.post(`${server.url}/staff/account/language`, {
        form: { _csrf: csrf, language: 'fr' },
        headers: { Origin: server.url },
      });
      expect(refused.status()).toBe(400);
      expect(await refused.text()).toContain(
        lang === 'ja'
          ? '表示言語は日本語か英語から選んでください'
          : 'Choose Japanese or English as the display language',
      );

      // Another browser (a colleague's PC) whose last user switched the staff pages to the other language.
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      contexts.push(context);
      const again = await context.newPage();
      await again.goto(`${server.url}/staff/lang/${other}?back=/staff/login`);
      expect(await again.locator('html').getAttribute('lang')).toBe(other);
      await again.locator('input[name=identifier]').fill(email);
      await again.locator('input[name=password]').fill(TEST_PASSWORD);
      await again.locator('form[action="/staff/login"] button[type=submit]').click();
      await again.waitForURL(`${server.url}/staff/`);
      expect(await again.locator('html').getAttribute('lang')).toBe(lang);
      await again.goto(`${server.url}${MINE}`);
      expect(await again.locator('html').getAttribute('lang')).toBe(lang);
      const divisions = await again.locator('table tbody tr td:nth-child(3)').allTextContents();
      expect(divisions.length).toBeGreaterThan(0);
      expect(divisions.filter((d) => !d.includes(lang === 'ja' ? '健康課' : 'Health Division'))).toEqual([]);
      if (lang === 'en') expect(divisions.filter((d) => /課/.test(d))).toEqual([]);
      expect(await pageProblems(again)).toEqual([]);
      // ?lang= still switches on the spot.
      await again.goto(`${server.url}${MINE}?lang=${other}`);
      expect(await again.locator('html').getAttribute('lang')).toBe(other);
    }, 120_000);
});
