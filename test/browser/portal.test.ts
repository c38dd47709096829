import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../harness/browser.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const BASE = '/ogori/action-plan-2';
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const offOrigin: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ database: 'sqlite' }), launchBrowser()]);
  context = await browser.newContext();
  page = await context.newPage();
  // Everything must come from our origin (closed networks have no CDN).
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url)) offOrigin.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) consoleErrors.push(`${r.status()} ${r.url()}`);
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** One URL per page type, with text that must be on it. */
const PAGES: { name: string; path: string; ja: string; en: string; status?: number }[] = [
  { name: 'index', path: '/', ja: '公表中の計画', en: 'Published plans' },
  { name: 'organization', path: '/ogori/', ja: '小郡市の計画', en: 'Plans of Ogori City' },
  { name: 'home', path: `${BASE}/`, ja: '40件中40件評価済', en: '40 of 40 assessed' },
  { name: 'goal', path: `${BASE}/goals/1`, ja: '市民対話・情報発信の強化', en: 'Achievement rate by fiscal year' },
  { name: 'initiative', path: `${BASE}/initiatives/1-3`, ja: '8,104 ÷ 10,000 = 81.0%', en: 'Progress as of FY2022' },
  { name: 'departments', path: `${BASE}/departments/`, ja: '担当課の一覧', en: 'Divisions' },
  {
    name: 'department',
    path: `${BASE}/departments/gakko-kyoiku`,
    ja: '学校教育課の取組',
    en: 'School Education Division',
  },
  { name: 'list', path: `${BASE}/list`, ja: '目標達成率一覧', en: 'Achievement rate of all initiatives' },
  { name: 'search', path: `${BASE}/search?q=SNS`, ja: '「SNS」の検索結果：4件', en: 'Results for “SNS”: 4' },
  { name: 'downloads', path: `${BASE}/downloads`, ja: 'CSV（UTF-8）', en: 'CSV (UTF-8)' },
  { name: 'editions', path: `${BASE}/editions`, ja: '公表された版', en: 'Published editions' },
  {
    name: 'not found',
    path: `${BASE}/initiatives/99-9`,
    ja: 'ページが見つかりません',
    en: 'Page not found',
    status: 404,
  },
  {
    name: 'bad request',
    path: `${BASE}/list?sort=x`,
    ja: 'リクエストに誤りがあります',
    en: 'The request has an error',
    status: 400,
  },
];

const withLang = (path: string, lang: 'ja' | 'en') =>
  lang === 'ja' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=en`;

describe.each(['ja', 'en'] as const)('every page type in %s', (lang) => {
  it.each(PAGES)('$name: content, <html lang>, no axe violations (WCAG 2.2 AA)', async (p) => {
    const res = await page.goto(`${server.url}${withLang(p.path, lang)}`);
    expect(res?.status()).toBe(p.status ?? 200);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('main').innerText()).toContain(p[lang]);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('small screens', () => {
  it('fits 320 px wide without horizontal scrolling on every page type', async () => {
    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const p = await narrow.newPage();
    const wide: string[] = [];
    for (const { path } of PAGES) {
      await p.goto(`${server.url}${path}`);
      const [scroll, client] = await p.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      if (scroll > client) wide.push(`${path}: ${scroll}px`);
    }
    await narrow.close();
    expect(wide).toEqual([]);
  });
});

describe('fonts and origin', () => {
  it('renders with Noto Sans JP from our origin and requests nothing elsewhere, without console errors', async () => {
    // The 404 and 400 pages above log their status; only this page's messages count here.
    consoleErrors.length = 0;
    await page.goto(`${server.url}${BASE}/initiatives/1-3`);
    await page.evaluate(() => document.fonts.ready);
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(family).toMatch(/^"?Noto Sans JP"?,/);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans JP"', '市'))).toBe(true);
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('searches, filters the 一覧 and switches language with plain links and forms', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${server.url}${BASE}/search`);
    await p.fill('#f-q', 'ワクチン');
    await Promise.all([p.waitForURL(/q=/), p.press('#f-q', 'Enter')]);
    expect(await p.locator('#results').innerText()).toBe('「ワクチン」の検索結果：1件');
    expect(await p.locator('.results a').first().innerText()).toContain('2-1');

    await p.goto(`${server.url}${BASE}/list`);
    await p.selectOption('#f-sort', 'rating-desc');
    await p.selectOption('#f-dept', 'kenko');
    await Promise.all([p.waitForURL(/sort=rating-desc/), p.click('.filters button[type=submit]')]);
    const codes = await p.locator('table.achievements tbody tr td:first-child').allInnerTexts();
    expect(codes).toEqual(['2-1', '8-1', '10-1', '8-2']);

    await Promise.all([p.waitForURL(/lang=en/), p.click('a.lang-switch')]);
    expect(await p.getAttribute('html', 'lang')).toBe('en');
    expect(await p.locator('table.achievements tbody tr td:first-child').allInnerTexts()).toEqual(codes);
    await noJs.close();
  });
});

describe('keyboard only', () => {
  /** Presses Tab until the focused element matches, and returns how many presses it took. */
  async function tabTo(p: Page, selector: string, limit = 80): Promise<number> {
    for (let i = 1; i <= limit; i++) {
      await p.keyboard.press('Tab');
      if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('goes home → goal → initiative with Tab and Enter; the skip link comes first and shows', async () => {
    const p = await context.newPage();
    await p.goto(`${server.url}${BASE}/`);
    expect(await tabTo(p, 'a.skip-link')).toBe(1);
    const box = await p.locator('a.skip-link').boundingBox();
    expect(box && box.y >= 0).toBe(true);
    const outline = await p.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');

    await tabTo(p, `a[href="${BASE}/goals/1"]`);
    await Promise.all([p.waitForURL(`**${BASE}/goals/1`), p.keyboard.press('Enter')]);
    expect(await p.locator('h1').innerText()).toBe('市民対話・情報発信の強化');

    await tabTo(p, `a[href="${BASE}/initiatives/1-3"]`);
    await Promise.all([p.waitForURL(`**${BASE}/initiatives/1-3`), p.keyboard.press('Enter')]);
    expect(await p.locator('h1').innerText()).toBe('市SNSの情報発信力強化');
    expect(await p.locator('main').innerText()).toContain('フォロワー数');
    await p.close();
  });
});
