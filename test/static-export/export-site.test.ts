import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp, type ExportSiteResult, exportSite } from '../../src/web/index.ts';
import { type AppFixture, createAppFixture } from '../harness/app-fixture.ts';
import { sectionOf, tableRows, textOf } from '../harness/html-text.ts';
import { brokenLinks, siteFiles } from '../harness/static-site.ts';

const PLAN = 'ogori/action-plan-2';
let fixture: AppFixture;
let work: string;
let site: string;
let result: ExportSiteResult;

beforeAll(async () => {
  fixture = await createAppFixture('sqlite');
  work = mkdtempSync(path.join(tmpdir(), 'shinchoku-site-'));
  site = path.join(work, 'site');
  result = await exportSite({ ctx: fixture.ctx, dir: site, basePath: '/city/plan-site/' });
}, 180_000);
afterAll(async () => {
  await fixture?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(site, ...file.split('/')), 'utf8');
const mainText = (html: string) => textOf(sectionOf(html, /<main\b[^>]*>/, 'main'));

describe('the exported files', () => {
  it('has every page in Japanese and English, each edition, assets, downloads and search data', () => {
    const files = siteFiles(site);
    const edition = result.entries.find((e) => e.file.startsWith(`${PLAN}/editions/`))!.file.split('/')[3]!;
    const count = (re: RegExp) => files.filter((f) => re.test(f)).length;
    expect(result.plans).toEqual([{ organization: 'ogori', plan: 'action-plan-2', edition: '令和4年度実績反映版' }]);
    for (const f of [
      'index.html',
      'index.en.html',
      '404.html',
      '404.en.html',
      'export-manifest.json',
      'ogori/index.html',
      'ogori/index.en.html',
      'assets/tokens.css',
      'assets/fonts.css',
      'assets/portal.css',
      'assets/favicon.svg',
      'assets/search.js',
      `${PLAN}/index.html`,
      `${PLAN}/index.en.html`,
      `${PLAN}/goals/継.html`,
      `${PLAN}/initiatives/1-3.en.html`,
      `${PLAN}/departments/index.html`,
      `${PLAN}/departments/gakko-kyoiku.en.html`,
      `${PLAN}/list.html`,
      `${PLAN}/list-rating-desc.html`,
      `${PLAN}/list-rating-asc.en.html`,
      `${PLAN}/list-department.html`,
      `${PLAN}/search.html`,
      `${PLAN}/search.en.html`,
      `${PLAN}/search-index.json`,
      `${PLAN}/downloads.html`,
      `${PLAN}/downloads/edition.csv`,
      `${PLAN}/downloads/edition-bom.csv`,
      `${PLAN}/downloads/indicators.csv`,
      `${PLAN}/downloads/edition.json`,
      `${PLAN}/downloads/edition.pdf`,
      `${PLAN}/downloads/edition.en.pdf`,
      `${PLAN}/editions.html`,
      `${PLAN}/editions/${edition}/index.html`,
      `${PLAN}/editions/${edition}/initiatives/1-3.en.html`,
      `${PLAN}/editions/${edition}/search-index.json`,
    ]) {
      expect(files, f).toContain(f);
    }
    // 40 initiatives and 16 goal pages (15 基本目標 and 継), each in two languages, for the current edition
    // at the canonical paths and again under its own path (linked from the editions page).
    expect(count(/^ogori\/action-plan-2\/initiatives\//)).toBe(80);
    expect(count(/^ogori\/action-plan-2\/editions\/[^/]+\/initiatives\//)).toBe(80);
    expect(count(/^ogori\/action-plan-2\/goals\//)).toBe(32);
    expect(count(/^assets\/fonts\/.*\.woff2$/)).toBe(242);
    expect(result.files).toBe(files.length);
    expect(result.pages).toBe(count(/\.html$/));
  });

  it('links only to files that exist, relatively (404.html: under --base-path), with existing anchors', () => {
    const { broken, checked } = brokenLinks(site, '/city/plan-site/');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(8000);
  });
});

describe('content equal to the live portal', () => {
  const live = async (url: string) => (await createWebApp(fixture.ctx).request(url)).text();

  it('every page has the live page’s main content (the 一覧 its table; search is the static variant)', async () => {
    const differs: string[] = [];
    const pages = result.entries.filter((e) => e.file.endsWith('.html') && !/^404|\/search(\.en)?\.html$/.test(e.file));
    for (const { file, url } of pages) {
      const [mine, theirs] = [read(file), await live(url)];
      const list = /\/list[^/]*\.html$/.test(file);
      const same = list
        ? JSON.stringify(tableRows(mine, captionOf(mine))) === JSON.stringify(tableRows(theirs, captionOf(theirs)))
        : mainText(mine) === mainText(theirs);
      if (!same) differs.push(file);
    }
    expect(differs).toEqual([]);
    expect(pages.length).toBe(result.pages - 6);
  });

  it('home shows 40.5 %, 1-3 shows 8,104 of 10,000, 9-1 three 課, the 一覧 40 rows', () => {
    expect(textOf(sectionOf(read(`${PLAN}/index.html`), /<p class="headline">/, 'p'))).toMatch(/^令和4年度 40\.5% /);
    expect(mainText(read(`${PLAN}/initiatives/1-3.html`))).toContain('8,104 ÷ 10,000 = 81.0%');
    const dd = sectionOf(read(`${PLAN}/initiatives/9-1.html`), /<dt>担当課<\/dt><dd>/, 'dd');
    expect(textOf(dd)).toBe('学校教育課 スポーツ振興課 生涯学習課');
    expect([...dd.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '../departments/gakko-kyoiku.html',
      '../departments/sports-shinko.html',
      '../departments/shogai-gakushu.html',
    ]);
    const list = read(`${PLAN}/list.html`);
    const rows = tableRows(list, captionOf(list));
    expect(rows[0]![1]).toBe('40.5%'); // the overall mean, first
    expect(rows.length - 1).toBe(40);
    expect(textOf(sectionOf(list, /<nav class="sort-links"[^>]*>/, 'nav'))).toBe(
      '並べ替え 番号順 目標達成率の高い順 目標達成率の低い順 担当課順',
    );
  });

  it('downloads are the live files (CSV with and without BOM, JSON) and the PDF in both languages', async () => {
    const bytes = (file: string) => readFileSync(path.join(site, ...file.split('/')));
    const liveBytes = async (url: string) =>
      Buffer.from(await (await createWebApp(fixture.ctx).request(url)).arrayBuffer());
    const d = `/${PLAN}/downloads`;
    expect(bytes(`${PLAN}/downloads/edition.csv`).equals(await liveBytes(`${d}/edition.csv`))).toBe(true);
    expect(bytes(`${PLAN}/downloads/edition-bom.csv`).equals(await liveBytes(`${d}/edition.csv?bom=1`))).toBe(true);
    expect(bytes(`${PLAN}/downloads/edition-bom.csv`).subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(bytes(`${PLAN}/downloads/edition.json`).equals(await liveBytes(`${d}/edition.json`))).toBe(true);
    expect(bytes(`${PLAN}/downloads/edition.pdf`).subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes(`${PLAN}/downloads/edition.en.pdf`).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('search-index.json holds the portal’s index and results’ texts with relative links', () => {
    const data = JSON.parse(read(`${PLAN}/search-index.json`));
    expect(data.format).toBe('shinchoku-search/v1');
    expect(data.index.documents).toHaveLength(40);
    expect(data.items['12-1'].href).toEqual({ ja: 'initiatives/12-1.html', en: 'initiatives/12-1.en.html' });
    expect(data.items['1-3'].rate).toEqual({ ja: '令和4年度 目標達成率: 80.0%', en: 'FY2022 Achievement rate: 80.0%' });
    const search = read(`${PLAN}/search.html`);
    expect(search).toContain('<script src="../../assets/search.js?v=');
    expect(search).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(search).toContain('data-index-href="search-index.json"');
  });

  it('404.html offers the plan’s pages under the base path', () => {
    const html = read('404.html');
    expect(mainText(html)).toContain('ページが見つかりません');
    expect(html).toContain(`href="/city/plan-site/${PLAN}/list.html"`);
    expect(html).toContain('href="/city/plan-site/404.en.html"');
  });
});

function captionOf(html: string): string {
  return textOf(/<table class="achievements">\s*<caption>([\s\S]*?)<\/caption>/.exec(html)?.[1] ?? '');
}

describe('the target directory', () => {
  it('replaces an earlier export as a whole and refuses a directory with other files', async () => {
    writeFileSync(path.join(site, 'stale.html'), 'old');
    const again = await exportSite({ ctx: fixture.ctx, dir: site });
    expect(again.files).toBe(result.files);
    expect(existsSync(path.join(site, 'stale.html'))).toBe(false);
    expect(JSON.parse(read('export-manifest.json')).basePath).toBe(null);

    const other = path.join(work, 'other');
    await exportSite({ ctx: fixture.ctx, dir: path.join(other, 'x') });
    writeFileSync(path.join(other, 'keep.txt'), 'mine');
    await expect(exportSite({ ctx: fixture.ctx, dir: other })).rejects.toThrow(
      'is not empty and holds no earlier export',
    );
    expect(readFileSync(path.join(other, 'keep.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(work).filter((n) => n.includes('.export-'))).toEqual([]);
  });

  it('says clearly when there is nothing to export or the base path is not a path', async () => {
    await expect(exportSite({ ctx: fixture.ctx, dir: path.join(work, 'n'), planSlug: 'nope' })).rejects.toThrow(
      'there is no published plan "nope" to export',
    );
    await expect(exportSite({ ctx: fixture.ctx, dir: path.join(work, 'n'), basePath: 'city' })).rejects.toThrow(
      '--base-path must be a path such as /city/plan-site/ (got "city")',
    );
    expect(existsSync(path.join(work, 'n'))).toBe(false);
  });
});
