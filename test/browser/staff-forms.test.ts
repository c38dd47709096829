import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRoundBoard, openReportingRound, updateRoundSettings } from '../../src/app/index.ts';
import { launchBrowser } from '../harness/browser.ts';
import { LANGUAGES_AT_WIDTHS, pageProblems, signInAt } from '../harness/staff-browser.ts';
import { buildStaff, TEST_PASSWORD, type TestStaff } from '../harness/staff-factory.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * Acceptance of #19 item 7 in real Chromium: a refused form comes back as the same page with every problem at
 * once, beside its field and in the summary, what was typed kept (never a bare 400, 409 or 413 page); in
 * Japanese and English, at 375 and 1280 px (LANGUAGES_AT_WIDTHS), axe at 0 and nothing wider than the screen. The
 * login form says which field is empty and how long a lockout lasts.
 */
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const staff: Record<string, TestStaff> = {};
const ROUND = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };
const BOARD = '/staff/plans/action-plan-2/rounds/2023/';
const CASES = LANGUAGES_AT_WIDTHS;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ now: () => new Date('2024-05-20T01:00:00Z') }),
    launchBrowser(),
  ]);
  staff.admin = await buildStaff(server.ctx, { role: 'admin', email: 'admin@ogori.example.jp' });
  staff.office = await buildStaff(server.ctx, { role: 'plan-office', email: 'office@ogori.example.jp' });
  await openReportingRound({ ctx: server.ctx, actor: staff.office.actor, ...ROUND, dueDate: '2024-05-31' });
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

/** Signs in at the width and opens `path` in the language. */
async function open(who: TestStaff, width: number, lang: 'ja' | 'en', path: string): Promise<Page> {
  const page = await signInAt(browser, contexts, server.url, who.email, width);
  await page.goto(`${server.url}${path}?lang=${lang}`);
  return page;
}

/** Submits the form that holds `selector` and returns the status of the page that comes back. */
async function submit(page: Page, selector: string): Promise<number | undefined> {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.locator(selector).click(),
  ]);
  await page.waitForLoadState();
  return res.status();
}

const summary = (page: Page) => page.locator('.error-summary li').allTextContents();

describe('refused staff forms in Chromium', () => {
  for (const { lang, width } of CASES)
    it(`password change: every problem at once (${lang}, ${width}px)`, async () => {
      const page = await open(staff.office!, width, lang, '/staff/account/password');
      await page.locator('#f-currentPassword').fill('not-my-password');
      await page.locator('#f-password').fill('short');
      await page.locator('#f-confirm').fill('different');
      expect(await submit(page, 'form[action="/staff/account/password"] button[type=submit]')).toBe(400);
      const expected =
        lang === 'ja'
          ? [
              '現在のパスワードが正しくありません',
              'パスワードは12文字以上にしてください',
              '確認用のパスワードが一致しません',
            ]
          : [
              'The current password is incorrect',
              'Use a password of at least 12 characters',
              'The passwords do not match',
            ];
      expect(await summary(page)).toEqual(expected);
      expect(await page.locator('#f-currentPassword-error').textContent()).toBe(expected[0]);
      expect(await page.locator('#f-password-error').textContent()).toBe(expected[1]);
      expect(await page.locator('#f-confirm-error').textContent()).toBe(expected[2]);
      expect(await pageProblems(page)).toEqual([]);
    }, 90_000);

  for (const { lang, width } of CASES)
    it(`user add: every problem at once, input kept; a 1.5 MB name is refused on the form (${lang}, ${width}px)`, async () => {
      const page = await open(staff.admin!, width, lang, '/staff/admin/users');
      await page.locator('#f-email').fill('not-an-address');
      await page.locator('#f-displayName').fill('');
      await page.locator('#f-role').selectOption('department-editor');
      await page.locator('#f-staffId').fill('A-12');
      expect(await submit(page, 'form[action="/staff/admin/users"] button[type=submit]')).toBe(400);
      expect(Object.keys(await fieldErrors(page)).sort()).toEqual(['departmentCode', 'displayName', 'email']);
      expect((await fieldErrors(page)).departmentCode).toBe(
        lang === 'ja' ? '担当課を選んでください' : 'Choose a department for this role',
      );
      expect(await page.locator('#f-email').inputValue()).toBe('not-an-address');
      expect(await page.locator('#f-role').inputValue()).toBe('department-editor');
      expect(await page.locator('#f-staffId').inputValue()).toBe('A-12');
      expect(await pageProblems(page)).toEqual([]);

      await page.locator('#f-email').fill('big@ogori.example.jp');
      await page.locator('#f-displayName').evaluate((el) => {
        (el as HTMLInputElement).value = '長'.repeat(500_000);
      });
      expect(await submit(page, 'form[action="/staff/admin/users"] button[type=submit]')).toBe(413);
      expect(await summary(page)).toEqual([
        lang === 'ja'
          ? '送信された内容が大きすぎるため（上限 1 MB）、保存していません。届いた項目は入力のまま表示しています。1項目は20,000文字までです。'
          : 'What you sent is too large (the limit is 1 MB), so nothing was saved. The fields that arrived show your input. Each field takes at most 20,000 characters.',
      ]);
      expect(await page.locator('#f-email').inputValue()).toBe('big@ogori.example.jp');
      expect(await page.locator('table').first().innerText()).not.toContain('big@ogori.example.jp');
      expect(await pageProblems(page)).toEqual([]);
    }, 90_000);

  for (const { lang, width } of CASES)
    it(`publish: name and year refused together, input kept (${lang}, ${width}px)`, async () => {
      const page = await open(staff.office!, width, lang, '/staff/plans/action-plan-2/publish');
      await page.locator('#f-name').fill('');
      await page.locator('#f-fy').fill('R5');
      expect(await submit(page, `form[action$="/publish"] button[type=submit]`)).toBe(400);
      expect(await fieldErrors(page)).toEqual(
        lang === 'ja'
          ? { name: '版の名称を入力してください', fy: '年度を西暦4桁で入力してください（例: 2023）' }
          : { name: 'Enter an edition name', fy: 'Enter the fiscal year as four digits (e.g. 2023)' },
      );
      expect(await page.locator('#f-fy').inputValue()).toBe('R5');
      expect(await pageProblems(page)).toEqual([]);
    }, 90_000);

  for (const { lang, width } of CASES)
    it(`round settings changed meanwhile (409) and 期限間近 days: on the board, input kept (${lang}, ${width}px)`, async () => {
      const page = await open(staff.office!, width, lang, BOARD);
      // Someone else saves the round's settings after this page was loaded: its version is stale.
      const board = await getRoundBoard({ ctx: server.ctx, actor: staff.office!.actor, ...ROUND });
      await updateRoundSettings({
        ctx: server.ctx,
        actor: staff.office!.actor,
        ...ROUND,
        expectedVersion: board.version,
        dueDate: '2024-06-07',
      });
      await page.locator('#f-dueDate').fill('2024-06-14');
      expect(await submit(page, `form[action$="/settings"] button[type=submit]:not([name])`)).toBe(409);
      expect(await summary(page)).toEqual([
        lang === 'ja'
          ? '他の人が先に変更を保存しました。最新の内容を確認してから保存し直してください。'
          : 'Someone else saved a change first. Review the latest content, then save again.',
      ]);
      expect(await page.locator('#f-dueDate').inputValue()).toBe('2024-06-14');
      expect(await pageProblems(page)).toEqual([]);

      await page.locator('#f-reminderDays').fill('七日');
      await page.locator('input[name=separateDuties]').uncheck();
      expect(await submit(page, `form[action$="/review-settings"] button[type=submit]`)).toBe(400);
      expect(await page.locator('#f-reminderDays-error').textContent()).toBe(
        lang === 'ja' ? '日数は0から60の整数で入力してください' : 'Enter a whole number of days from 0 to 60',
      );
      expect(await page.locator('#f-reminderDays').inputValue()).toBe('七日');
      expect(await page.locator('input[name=separateDuties]').isChecked()).toBe(false);
      expect(await page.locator('h1').textContent()).toBe(
        lang === 'ja' ? '照会の状況一覧（令和5年度）' : 'Status board (FY2023)',
      );
      expect(await pageProblems(page)).toEqual([]);
    }, 90_000);
});

describe('the login form in Chromium', () => {
  for (const { lang, width } of CASES)
    it(`says which field is empty, and how long a lockout lasts (${lang}, ${width}px)`, async () => {
      const email = `locked-${lang}-${width}@ogori.example.jp`;
      await buildStaff(server.ctx, { role: 'department-editor', department: 'kenko', email });
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/staff/login?lang=${lang}`);
      const button = 'form[action="/staff/login"] button[type=submit]';
      expect(await submit(page, button)).toBe(400);
      expect(await fieldErrors(page)).toEqual(
        lang === 'ja'
          ? { identifier: 'メールアドレスまたは職員番号を入力してください', password: 'パスワードを入力してください' }
          : { identifier: 'Enter your e-mail address or staff ID', password: 'Enter your password' },
      );
      expect(await pageProblems(page)).toEqual([]);
      // Five wrong passwords for the account (LOGIN_MAX_ACCOUNT_FAILURES), then its logins wait out the window.
      for (let i = 0; i < 5; i++) {
        await page.locator('input[name=identifier]').fill(email);
        await page.locator('input[name=password]').fill(`wrong-${i}`);
        expect(await submit(page, button)).toBe(401);
      }
      expect(await page.locator('.error-summary p').textContent()).toBe(
        lang === 'ja'
          ? 'メールアドレス（職員番号）またはパスワードが正しくありません'
          : 'The e-mail address (staff ID) or password is incorrect',
      );
      await page.locator('input[name=password]').fill(TEST_PASSWORD);
      expect(await submit(page, button)).toBe(429);
      expect(await page.locator('.error-summary p').textContent()).toBe(
        lang === 'ja'
          ? 'ログインの失敗が続いたため、しばらく受け付けません。最長15分後に、もう一度お試しください'
          : 'Too many failed logins. Please try again in 15 minutes at the latest',
      );
      expect(await page.locator('input[name=identifier]').inputValue()).toBe(email);
      expect(await pageProblems(page)).toEqual([]);
    }, 90_000);
});

/** The message beside each field in error, by the field's name. */
async function fieldErrors(page: Page): Promise<Record<string, string>> {
  const entries = await page
    .locator('.field__error')
    .evaluateAll((els) => els.map((el) => [el.id.replace(/^f-/, '').replace(/-error$/, ''), el.textContent ?? '']));
  return Object.fromEntries(entries);
}
