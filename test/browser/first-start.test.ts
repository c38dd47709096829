import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../harness/browser.ts';
import { type ServerProcess, startServerProcess } from '../harness/server-process.ts';
import { LANGUAGES_AT_WIDTHS, pageProblems } from '../harness/staff-browser.ts';

/**
 * Acceptance of #19 item 9 in real Chromium: the first `serve` on an empty database prints the administrator's
 * one-time password as a block of plain lines on the terminal; with it the administrator signs in, must set a new
 * password, and can then do what the plan office does (open the year's reporting round, see its board, edit the
 * plan, publish), in Japanese and English at 1280 and 375 px, axe at 0.
 */
let work: string;
let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
let initialPassword: string;
const NEW_PASSWORD = 'first-admin-new-password';
const PLAN = '/staff/plans/action-plan-2';

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'shinchoku-first-start-'));
  // As `npm start` on a fresh checkout: no database file yet, the server creates and seeds it.
  [server, browser] = await Promise.all([
    startServerProcess({ DATABASE_URL: path.join(work, 'shinchoku.sqlite') }),
    launchBrowser(),
  ]);
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function newPage(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

/** Signs in through the login form in `lang`; resolves once the page the server sends next has loaded. */
async function signIn(page: Page, lang: 'ja' | 'en', identifier: string, password: string): Promise<void> {
  await page.goto(`${server.url}/staff/login?lang=${lang}`);
  await page.locator('input[name=identifier]').fill(identifier);
  await page.locator('input[name=password]').fill(password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.endsWith('/login')),
    page.locator('form button[type=submit]').click(),
  ]);
}

describe('the first start', () => {
  it('prints the initial password as plain lines on the terminal, apart from the JSON log', () => {
    const lines = server.stderr().split('\n');
    const rule = '='.repeat(72);
    const start = lines.indexOf(rule);
    const end = lines.indexOf(rule, start + 1);
    expect(start).toBeGreaterThanOrEqual(0);
    const block = lines.slice(start, end + 1);
    expect(block[1]).toBe('最初の管理者を作成しました / First administrator created');
    expect(block).toContain('  ログインID（メールアドレス）: admin@localhost');
    expect(block).toContain('  職員番号:                   admin');
    const line = block.find((l) => l.startsWith('  初期パスワード:'));
    initialPassword = /^ {2}初期パスワード: +(\S+)$/.exec(line ?? '')?.[1] ?? '';
    expect(initialPassword).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(block).toContain(`initial password: ${initialPassword}`);
    expect(block.at(-2)).toBe('This password is shown only this once. Sign in at /staff/login and change it.');
    // Nowhere else on the terminal: the log lines (JSON) say that a password was printed, never the password.
    expect(lines.filter((l) => l.includes(initialPassword))).toEqual([
      `initial password: ${initialPassword}`,
      `  初期パスワード:             ${initialPassword}`,
    ]);
  });

  it('the one-time password leads to the password form in every language and width; the new one is set once', async () => {
    const pages: Page[] = [];
    for (const { lang, width } of LANGUAGES_AT_WIDTHS) {
      const page = await newPage(width);
      // By the staff ID, as the block offers it.
      await signIn(page, lang, 'admin', initialPassword);
      expect(new URL(page.url()).pathname).toBe('/staff/account/password');
      expect(await page.locator('.callout--warn p').textContent()).toBe(
        lang === 'ja'
          ? '初期パスワードのままです。新しいパスワードを設定してください。'
          : 'You are using an initial password. Please set a new one.',
      );
      // Any other staff page sends the administrator back here until the password is changed.
      await page.goto(`${server.url}${PLAN}/edit?lang=${lang}`);
      expect(new URL(page.url()).pathname).toBe('/staff/account/password');
      expect(await pageProblems(page), `${lang} ${width}`).toEqual([]);
      pages.push(page);
    }
    const page = pages[0]!;
    await page.locator('#f-currentPassword').fill(initialPassword);
    await page.locator('#f-password').fill(NEW_PASSWORD);
    await page.locator('#f-confirm').fill(NEW_PASSWORD);
    await Promise.all([
      page.waitForURL(/\/staff\/\?notice=/),
      page.locator('form[action="/staff/account/password"] button[type=submit]').click(),
    ]);
    expect(await page.getByRole('status').textContent()).toBe('パスワードを変更しました。');

    // The one-time password works no more.
    const again = await newPage(1280);
    await again.goto(`${server.url}/staff/login`);
    await again.locator('input[name=identifier]').fill('admin');
    await again.locator('input[name=password]').fill(initialPassword);
    const [res] = await Promise.all([
      again.waitForResponse((r) => r.request().method() === 'POST'),
      again.locator('form button[type=submit]').click(),
    ]);
    expect(res.status()).toBe(401);
  }, 120_000);

  it('opens the first reporting round as the plan office would', async () => {
    const page = await newPage(1280);
    await signIn(page, 'ja', 'admin@localhost', NEW_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/staff/');
    await page.locator('#f-action-plan-2-fy').selectOption('2023');
    await page.locator('#f-action-plan-2-dueDate').fill('2099-05-31');
    await Promise.all([
      page.waitForURL(/rounds\/2023\/\?notice=opened/),
      page.getByRole('button', { name: '照会を開始する' }).click(),
    ]);
    expect(await page.getByRole('status').textContent()).toBe('令和5年度の照会を開始しました（40件）。');
    expect(await page.getByText('未着手: 40件').count()).toBe(1);
  }, 60_000);

  for (const { lang, width } of LANGUAGES_AT_WIDTHS)
    it(`the administrator has the plan office's pages (${lang}, ${width}px)`, async () => {
      const page = await newPage(width);
      await signIn(page, lang, 'admin', NEW_PASSWORD);
      const links = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(
        expect.arrayContaining([
          `${PLAN}/rounds/2023/`,
          `${PLAN}/executive`,
          `${PLAN}/publish`,
          `${PLAN}/editions/diff`,
          `${PLAN}/edit`,
          '/staff/admin/users',
        ]),
      );
      expect(await pageProblems(page), 'home').toEqual([]);
      // The plan's edit page (142 KB of form, the slowest to check) is checked by the plan-settings tests.
      const headings = {
        [`${PLAN}/rounds/2023/`]: { ja: '照会の状況一覧（令和5年度）', en: 'Status board (FY2023)' },
        [`${PLAN}/publish`]: { ja: '版の公表', en: 'Publish an edition' },
      };
      for (const [where, h1] of Object.entries(headings)) {
        const res = await page.goto(`${server.url}${where}?lang=${lang}`);
        expect(res?.status(), where).toBe(200);
        expect(await page.locator('h1').textContent(), where).toBe(h1[lang]);
        expect(await pageProblems(page), where).toEqual([]);
      }
    }, 90_000);
});
