import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/web/index.ts';
import { type AppFixture, createAppFixture } from '../harness/app-fixture.ts';
import { axeViolations, launchBrowser } from '../harness/browser.ts';
import { sectionOf, textOf } from '../harness/html-text.ts';
import { runCli } from '../harness/run-cli.ts';
import { type StaticServer, startStaticServer } from '../harness/static-site.ts';

const PLAN = 'ogori/action-plan-2';
let fixture: AppFixture;
let work: string;
let site: string;
let edition: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const offOrigin: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  fixture = await createAppFixture('sqlite');
  work = mkdtempSync(path.join(tmpdir(), 'shinchoku-site-'));
  site = path.join(work, 'plan-site');
  // The real command, as an operator runs it (a child process, through bin/shinchoku.js).
  const cli = await runCli(['export-site', site, '--base-path', '/city/plan-site/'], {
    DATABASE_URL: fixture.database.url,
  });
  expect(cli.stderr).toBe('');
  expect(cli.code).toBe(0);
  expect(cli.stdout).toMatch(/^exported ogori\/action-plan-2 \(令和4年度実績反映版\)\n\d+ pages, \d+ files, /);
  edition = JSON.parse(readFileSync(path.join(site, 'export-manifest.json'), 'utf8')).plans[0].currentEdition.id;
  [server, browser] = await Promise.all([startStaticServer(site), launchBrowser()]);
  context = await browser.newContext();
  page = await context.newPage();
  const origin = new URL(server.url).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith(origin)) offOrigin.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('404 (Not Found)')) consoleErrors.push(m.text());
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface PageCase {
  name: string;
  /** File under the site, per language ("" = a directory's index.html, as a web server serves it). */
  ja: string;
  en: string;
  /** The live portal's address of the same page (without ?lang=en): the <h1> must read the same. */
  live: string;
  /** Text of the Ogori plan the Japanese page must show. */
  fact?: string;
  status?: { ja: number; en: number };
  /** Wait for the search script's results, which must equal the live results' heading. */
  results?: boolean;
}

const P = PLAN;
const L = `/${PLAN}`;
const PAGES = (): PageCase[] => [
  { name: 'index', ja: '', en: 'index.en.html', live: '/', fact: '令和4年度実績反映版' },
  { name: 'organization', ja: 'ogori/', en: 'ogori/index.en.html', live: '/ogori/', fact: '小郡市' },
  { name: 'home', ja: `${P}/`, en: `${P}/index.en.html`, live: `${L}/`, fact: '40.5%' },
  { name: 'goal', ja: `${P}/goals/1.html`, en: `${P}/goals/1.en.html`, live: `${L}/goals/1`, fact: '1-3' },
  {
    name: 'initiative',
    ja: `${P}/initiatives/1-3.html`,
    en: `${P}/initiatives/1-3.en.html`,
    live: `${L}/initiatives/1-3`,
    fact: '8,104 ÷ 10,000 = 81.0%',
  },
  {
    name: 'departments',
    ja: `${P}/departments/`,
    en: `${P}/departments/index.en.html`,
    live: `${L}/departments/`,
    fact: '学校教育課',
  },
  {
    name: 'department',
    ja: `${P}/departments/gakko-kyoiku.html`,
    en: `${P}/departments/gakko-kyoiku.en.html`,
    live: `${L}/departments/gakko-kyoiku`,
    fact: '学校教育課',
  },
  { name: 'list', ja: `${P}/list.html`, en: `${P}/list.en.html`, live: `${L}/list`, fact: '40.5%' },
  {
    name: 'list, highest first',
    ja: `${P}/list-rating-desc.html`,
    en: `${P}/list-rating-desc.en.html`,
    live: `${L}/list?sort=rating-desc`,
    fact: '100.0%',
  },
  {
    name: 'search',
    ja: `${P}/search.html?q=${encodeURIComponent('給食')}`,
    en: `${P}/search.en.html?q=${encodeURIComponent('給食')}`,
    live: `${L}/search?q=${encodeURIComponent('給食')}`,
    fact: '12-1',
    results: true,
  },
  { name: 'downloads', ja: `${P}/downloads.html`, en: `${P}/downloads.en.html`, live: `${L}/downloads` },
  { name: 'editions', ja: `${P}/editions.html`, en: `${P}/editions.en.html`, live: `${L}/editions` },
  {
    name: 'edition',
    ja: `${P}/editions/${edition}/`,
    en: `${P}/editions/${edition}/index.en.html`,
    live: `${L}/?edition=${edition}`,
    fact: '版「令和4年度実績反映版」を表示しています。',
  },
  {
    name: 'not found',
    ja: `${P}/initiatives/99-9.html`,
    en: '404.en.html',
    live: `${L}/initiatives/99-9`,
    status: { ja: 404, en: 200 },
  },
];

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The live portal's page, rendered in-process from the same database. */
async function livePage(url: string): Promise<{ h1: string; results: string | undefined }> {
  const html = await (await createWebApp(fixture.ctx).request(url)).text();
  const results = /<h2 id="results">([\s\S]*?)<\/h2>/.exec(html)?.[1];
  return { h1: oneLine(textOf(sectionOf(html, /<h1\b[^>]*>/, 'h1'))), results: results && oneLine(textOf(results)) };
}

describe.each(['ja', 'en'] as const)('every page type of the exported site in %s, under a sub-path', (lang) => {
  it('says what the live page says, has <html lang> and no axe violations (WCAG 2.2 AA)', async () => {
    for (const p of PAGES()) {
      const res = await page.goto(`${server.url}${p[lang]}`);
      expect(res?.status(), p.name).toBe(p.status?.[lang] ?? 200);
      expect(await page.getAttribute('html', 'lang'), p.name).toBe(lang);
      const live = await livePage(lang === 'ja' ? p.live : `${p.live}${p.live.includes('?') ? '&' : '?'}lang=en`);
      expect(oneLine(await page.locator('h1').innerText()), p.name).toBe(live.h1);
      if (p.results) {
        await page.waitForSelector('#results');
        expect(oneLine(await page.locator('#results').innerText()), p.name).toBe(live.results);
      }
      if (lang === 'ja' && p.fact) expect(await page.locator('body').innerText(), p.name).toContain(p.fact);
      expect(await axeViolations(page), p.name).toEqual([]);
    }
  }, 180_000);
});

describe('search with JavaScript', () => {
  it('finds 「給食」 with the portal’s matching, highlights it and leads to the initiative', async () => {
    await page.goto(`${server.url}${P}/search.html`);
    expect(await page.locator('#static-search-note').isHidden()).toBe(true);
    await page.fill('#f-q', '給食');
    await Promise.all([page.waitForURL(/search\.html\?q=/), page.press('#f-q', 'Enter')]);
    await page.waitForSelector('#results');
    expect(await page.locator('#results').innerText()).toBe('「給食」の検索結果：1件');
    expect(await page.inputValue('#f-q')).toBe('給食');
    const first = page.locator('.results > li').first();
    expect(await first.locator('a').first().innerText()).toMatch(/^12-1 /);
    expect(await first.locator('mark').first().innerText()).toBe('給食');
    expect(await first.innerText()).toContain('令和4年度 目標達成率:');
    // The language switch keeps the query.
    expect(await page.getAttribute('a.lang-switch', 'href')).toMatch(/search\.en\.html\?q=%E7%B5%A6%E9%A3%9F$/);
    await Promise.all([page.waitForURL(/initiatives\/12-1\.html$/), first.locator('a').first().click()]);
    expect(await page.locator('h1').innerText()).not.toBe('');
  });

  it('finds full-width ｓｎｓ like the live portal: 1-2, 1-3, 10-1, 11-1', async () => {
    await page.goto(`${server.url}${P}/search.html?q=${encodeURIComponent('ｓｎｓ')}`);
    await page.waitForSelector('#results');
    const codes = await page.locator('.results > li > a .code').allInnerTexts();
    expect(codes).toEqual(['1-2', '1-3', '10-1', '11-1']);
  });
});

describe('without JavaScript', () => {
  it('the search page says why and leads to the 一覧; the 一覧 sorts and switches language with links', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${server.url}${P}/search.html?q=x`);
    expect(await p.locator('#static-search-note').innerText()).toBe(
      'このサイトの検索はJavaScriptで動きます。JavaScriptを使えないときは、取組の一覧から探せます。 取組の一覧へ',
    );
    await Promise.all([p.waitForURL(/list\.html$/), p.click('#static-search-note a')]);
    await Promise.all([p.waitForURL(/list-rating-desc\.html$/), p.click('.sort-links a >> text=目標達成率の高い順')]);
    const codes = await p.locator('table.achievements tbody tr td:first-child').allInnerTexts();
    // The five rated 100 % in R4, in document order (as the live 一覧 sorts them).
    expect(codes.slice(0, 5)).toEqual(['2-1', '4-1', '5-4', '7-1', '11-1']);
    await Promise.all([p.waitForURL(/list-rating-desc\.en\.html$/), p.click('a.lang-switch')]);
    expect(await p.getAttribute('html', 'lang')).toBe('en');
    expect(await p.locator('table.achievements tbody tr td:first-child').allInnerTexts()).toEqual(codes);
    await noJs.close();
  });
});

describe('links between editions and languages', () => {
  it('goes from the editions page to a pinned edition and back to the current one', async () => {
    await page.goto(`${server.url}${P}/editions.html`);
    await Promise.all([page.waitForURL(/editions\/[^/]+\/index\.html$/), page.click('main table a')]);
    expect(await page.locator('.edition-notice').innerText()).toContain('版「令和4年度実績反映版」を表示しています。');
    await Promise.all([
      page.waitForURL(/plan-site\/ogori\/action-plan-2\/index\.html$/),
      page.click('.edition-notice a'),
    ]);
    await Promise.all([page.waitForURL(/index\.en\.html$/), page.click('a.lang-switch')]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('loads fonts and everything else from the site’s own origin, with no CSP or script errors', async () => {
    await page.goto(`${server.url}${P}/initiatives/1-3.html`);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans JP"', '市'))).toBe(true);
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('also browses from file:// (search then explains it needs a web server)', async () => {
    const p = await context.newPage();
    await p.goto(pathToFileURL(path.join(site, ...PLAN.split('/'), 'index.html')).href);
    await Promise.all([p.waitForURL(/goals\/1\.html$/), p.click('main a[href="goals/1.html"]')]);
    expect(await p.locator('h1').innerText()).toBe('市民対話・情報発信の強化');
    await p.goto(`${pathToFileURL(path.join(site, ...PLAN.split('/'), 'search.html')).href}?q=SNS`);
    await p.waitForSelector('#static-search-note:not([hidden])');
    expect(await p.locator('#static-search-why').innerText()).toContain('検索用のデータを読み込めませんでした');
    await p.close();
  });
});
