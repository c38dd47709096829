import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOgoriBundle } from '../harness/app-fixture.ts';
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
  const example = (name: string) =>
    JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../data/examples/${name}/bundle.json`), 'utf8'));
  const bundles = () => [readOgoriBundle(), example('minamikaze'), example('komorebi')];
  [server, browser] = await Promise.all([startTestServer({ database: 'sqlite', bundles }), launchBrowser()]);
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
  // Several rate sections on one page (the goal's roll-up, its table's scroll region): landmarks stay unique.
  {
    name: 'goal 8',
    path: `${BASE}/goals/8`,
    ja: '健康診断を軸とした健康長寿制度の確立',
    en: 'Achievement rate by fiscal year',
  },
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

const MK = '/minamikaze/sogo-keikaku-6-zenki';
const K2 = '/komorebi/jikko-keikaku-2';
const K3 = '/komorebi/jikko-keikaku-3';

/**
 * Every page type of the example plans (3 levels with A–D, 改善度 and a rating rule; text levels with 評価不能;
 * 4 levels with 継続案件), with what only their data can put there.
 */
const EXAMPLE_PAGES: { name: string; path: string; ja: string; en: string }[] = [
  { name: 'みなみかぜ organization', path: '/minamikaze/', ja: 'みなみかぜ市の計画', en: 'Plans of Minamikaze City' },
  { name: 'みなみかぜ home', path: `${MK}/`, ja: 'A: 2, B: 8, C: 6', en: 'A: 2, B: 8, C: 6' },
  {
    name: 'みなみかぜ 政策',
    path: `${MK}/goals/3`,
    ja: '3-2-2 中心市街地の空き店舗対策',
    en: 'Not assessed: 3-2-2',
  },
  { name: 'みなみかぜ 施策', path: `${MK}/goals/1-1`, ja: 'この施策の達成度', en: 'Achievement of this Measure' },
  {
    name: 'みなみかぜ 事務事業 (rule disagrees)',
    path: `${MK}/initiatives/1-1-1`,
    ja: '自己評価（B）と評価基準による判定（C）が異なります。両方を示しています。',
    en: 'The self-rating (B) differs from the rating by the rule (C); both are shown.',
  },
  { name: 'みなみかぜ quarterly', path: `${MK}/initiatives/1-1-2`, ja: '3 + 4 + 2 = 9', en: '3 + 4 + 2 = 9' },
  {
    name: 'みなみかぜ calendar year',
    path: `${MK}/initiatives/3-1-1`,
    ja: '暦年（1月～12月）',
    en: 'Calendar year (January to December)',
  },
  { name: 'みなみかぜ departments', path: `${MK}/departments/`, ja: '担当課の一覧', en: 'Divisions' },
  { name: 'みなみかぜ department', path: `${MK}/departments/hoiku`, ja: '保育課の取組', en: 'Childcare Division' },
  { name: 'みなみかぜ list', path: `${MK}/list?min=3`, ja: '達成度の下限', en: 'Minimum achievement' },
  {
    name: 'みなみかぜ search',
    path: `${MK}/search?q=${encodeURIComponent('保育')}`,
    ja: '「保育」の検索結果',
    en: 'Results for “保育”',
  },
  { name: 'みなみかぜ downloads', path: `${MK}/downloads`, ja: 'Excel（版の全内容', en: 'Excel (the whole edition' },
  { name: 'みなみかぜ editions', path: `${MK}/editions`, ja: '令和6年度実績評価版', en: '令和6年度実績評価版' },
  {
    name: 'こもれび 2期 home',
    path: `${K2}/`,
    ja: '3-4 企業誘致の推進（評価不能）',
    en: 'Excluded from the figure: 3-4',
  },
  {
    name: 'こもれび revised target',
    path: `${K2}/initiatives/1-1`,
    ja: '600人（令和2年度から適用）',
    en: 'Earlier targets',
  },
  {
    name: 'こもれび merged',
    path: `${K2}/initiatives/2-3`,
    ja: 'この取組は令和5年度の集計に含まれません（統合）。',
    en: 'This initiative is not counted in FY2023 (Merged).',
  },
  { name: 'こもれび milestone', path: `${K2}/initiatives/1-2`, ja: '達成 → 100%', en: 'Done → 100%' },
  { name: 'こもれび 3期 home', path: `${K3}/`, ja: '基本目標ごとの進捗状況', en: 'Progress by Basic goal' },
  { name: 'こもれび 重点事業', path: `${K3}/goals/1-1-1`, ja: '重点事業 1-1-1', en: 'Priority programme 1-1-1' },
  {
    name: 'こもれび 継続案件',
    path: `${K3}/initiatives/${encodeURIComponent('継1')}`,
    ja: '第2期こもれび町まちづくり実行計画 3-3',
    en: 'Continued from',
  },
  { name: 'こもれび ‰ 速報値', path: `${K3}/initiatives/1-2-1-1`, ja: '6.4‰（速報値）', en: '6.4‰ (provisional)' },
  { name: 'こもれび list', path: `${K3}/list?min=2`, ja: '進捗状況の下限', en: 'Minimum progress' },
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

// axe in Japanese only: each example page is drawn by a template the Ogori pages above check with axe in both
// languages; these pages in English were 23 of the file's 76 axe runs, and axe takes most of its time.
describe.each(['ja', 'en'] as const)('every page type of the example plans in %s', (lang) => {
  it.each(EXAMPLE_PAGES)(
    `$name: content, <html lang>${lang === 'ja' ? ', no axe violations (WCAG 2.2 AA)' : ''}`,
    async (p) => {
      const res = await page.goto(`${server.url}${withLang(p.path, lang)}`);
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('main').innerText()).toContain(p[lang]);
      if (lang === 'ja') expect(await axeViolations(page)).toEqual([]);
    },
  );
});

describe('small screens', () => {
  it('fits 320 px wide without horizontal scrolling on every page type', async () => {
    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const p = await narrow.newPage();
    const wide: string[] = [];
    for (const { path } of [...PAGES, ...EXAMPLE_PAGES]) {
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
