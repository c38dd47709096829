import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../harness/browser.ts';
import { buildStaff, openOgoriRound, TEST_PASSWORD } from '../harness/staff-factory.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * Acceptance (#21 item 4, #19 item 10): field errors come from the app in both languages and the staff pages
 * show the one of the page's language, in real Chromium, beside the field that caused them.
 */
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

const EDITOR = {
  role: 'department-editor' as const,
  department: 'kenko',
  email: 'kenko-en@ogori.example.jp',
  name: 'Health Editor',
};

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ now: () => new Date('2024-04-15T01:00:00Z') }),
    launchBrowser(),
  ]);
  await buildStaff(server.ctx, EDITOR);
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

/** Signs in (the login page is Japanese by default), then switches the staff pages to English. */
async function signInEnglish(email: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/staff/login`);
  await page.getByLabel('メールアドレスまたは職員番号').fill(email);
  await page.getByLabel('パスワード').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(`${server.url}/staff/`);
  await page.getByRole('link', { name: 'Show the staff pages in English' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

describe('English staff pages in Chromium', () => {
  it('show the entry form’s field errors in English, beside their fields, input kept', async () => {
    await openOgoriRound(server.ctx, 2023, '2024-05-31');
    const editor = await signInEnglish(EDITOR.email);
    await editor.goto(`${server.url}/staff/plans/action-plan-2/rounds/2023/tasks/2-1`);
    await editor.locator('#f-indicators-dose-3-rate-actual').fill('about 80');
    await editor.locator('#f-rating').selectOption('');
    await editor.locator('#f-comment').fill('Uptake held steady');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    expect(await editor.locator('#f-indicators-dose-3-rate-actual-error').textContent()).toBe(
      'Type a number (e.g. 1,234)',
    );
    expect(await editor.locator('#f-rating-error').textContent()).toBe(
      'Achievement rate: choose one to leave a comment',
    );
    expect(await editor.locator('#f-indicators-dose-3-rate-actual').inputValue()).toBe('about 80');
    expect(await editor.getByText('数値で入力してください').count()).toBe(0);
    expect(await axeViolations(editor)).toEqual([]);
  }, 60_000);
});
