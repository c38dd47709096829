import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEdition, systemActor } from '../../src/app/index.ts';
import { type ExportSiteResult, exportSite } from '../../src/web/index.ts';
import { sectionOf, textOf } from '../harness/html-text.ts';
import { brokenLinks, siteFiles } from '../harness/static-site.ts';
import { createTwoOrganizations, type TwoOrganizations } from '../harness/two-organizations.ts';

const PLAN = 'ogori/action-plan-2';
let fx: TwoOrganizations;
let work: string;
let site: string;
let result: ExportSiteResult;
let older: string;
let newer: string;

beforeAll(async () => {
  fx = await createTwoOrganizations('sqlite');
  // A second edition of Ogori's plan: the first becomes an older edition with a path of its own.
  const published = await publishEdition({
    ctx: fx.ctx,
    actor: systemActor('test'),
    organizationSlug: 'ogori',
    planSlug: 'action-plan-2',
    name: '令和5年度実績反映版',
    fy: 2023,
  });
  newer = published.id;
  work = mkdtempSync(path.join(tmpdir(), 'shinchoku-site-'));
  site = path.join(work, 'site');
  result = await exportSite({ ctx: fx.ctx, dir: site, organizationSlug: 'ogori', basePath: '/plan/' });
  const manifest = JSON.parse(read('export-manifest.json'));
  expect(manifest.plans[0].currentEdition.id).toBe(newer);
  older = siteFiles(site)
    .map((f) => /^ogori\/action-plan-2\/editions\/([^/]+)\/index\.html$/.exec(f)?.[1])
    .find((id) => id !== undefined && id !== newer)!;
}, 180_000);
afterAll(async () => {
  await fx?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(site, ...file.split('/')), 'utf8');
const notice = (file: string) => textOf(sectionOf(read(file), /<p class="edition-notice">/, 'p'));

describe('every published edition', () => {
  it('puts the current edition at the canonical paths and each edition under editions/ID/', () => {
    expect(result.plans).toEqual([{ organization: 'ogori', plan: 'action-plan-2', edition: '令和5年度実績反映版' }]);
    expect(textOf(read(`${PLAN}/index.html`))).toContain('版 令和5年度実績反映版');
    expect(read(`${PLAN}/index.html`)).not.toContain('class="edition-notice"');
    expect(notice(`${PLAN}/editions/${older}/index.html`)).toBe(
      '版「令和4年度実績反映版」を表示しています。 最新の版を見る',
    );
    expect(notice(`${PLAN}/editions/${newer}/initiatives/1-3.en.html`)).toContain('令和5年度実績反映版');
    const count = (re: RegExp) => siteFiles(site).filter((f) => re.test(f)).length;
    expect(count(new RegExp(`^ogori/action-plan-2/editions/${older}/initiatives/`))).toBe(80);
    expect(count(new RegExp(`^ogori/action-plan-2/editions/${newer}/initiatives/`))).toBe(80);
  });

  it('the editions page links each edition’s own pages; each has its own search data', () => {
    const links = [...read(`${PLAN}/editions.html`).matchAll(/<th scope="row"><a href="([^"]*)"/g)].map((m) => m[1]);
    expect(links).toEqual([`editions/${newer}/index.html`, `editions/${older}/index.html`]);
    const search = (id: string) => JSON.parse(read(`${PLAN}/editions/${id}/search-index.json`));
    expect(search(older).edition.name).toBe('令和4年度実績反映版');
    expect(search(newer).edition.name).toBe('令和5年度実績反映版');
    expect(search(older).items['1-3'].href.en).toBe('initiatives/1-3.en.html');
  });

  it('links only to files that exist', () => {
    const { broken, checked } = brokenLinks(site, '/plan/');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(12_000);
  });
});

describe('--org', () => {
  it('exports that organization only: no page names the other one', () => {
    const files = siteFiles(site);
    expect(files.filter((f) => f.startsWith('kitakaze/'))).toEqual([]);
    const leaks = files.filter((f) => /\.(html|json|csv)$/.test(f) && read(f).includes(fx.b.marker));
    expect(leaks).toEqual([]);
    expect(textOf(read('index.html'))).toContain('もっとつながるまち小郡アクションプラン');
  });
});
