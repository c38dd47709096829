import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSite } from '../../src/web/index.ts';
import { brokenLinks, siteFiles } from '../harness/static-site.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

// Wrenmoor (data/examples): an English plan, whose pages without ?lang= are English and whose Japanese pages
// are ?lang=ja. Both must be files of their own, linked to each other by the language switch.
const PLAN = 'wrenmoor/council-plan';
let server: TestServer;
let work: string;
let site: string;

beforeAll(async () => {
  const bundle = () => [
    JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/examples/wrenmoor/bundle.json'), 'utf8')),
  ];
  server = await startTestServer({ bundles: bundle });
  work = mkdtempSync(path.join(tmpdir(), 'shinchoku-site-'));
  site = path.join(work, 'site');
  await exportSite({ ctx: server.ctx, dir: site, organizationSlug: 'wrenmoor', basePath: '/council/' });
}, 120_000);
afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(site, ...file.split('/')), 'utf8');
const langOf = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];
const switchOf = (html: string) => /<a class="lang-switch" href="([^"]+)"/.exec(html)?.[1];

describe('the static export of an English plan', () => {
  it('writes its English pages and its Japanese pages apart, each switching to the other', () => {
    const home = read(`${PLAN}/index.html`);
    const homeJa = read(`${PLAN}/index.ja.html`);
    expect([langOf(home), langOf(homeJa)]).toEqual(['en', 'ja']);
    expect([switchOf(home), switchOf(homeJa)]).toEqual(['index.ja.html', 'index.html']);
    const files = siteFiles(site).filter((f) => f.startsWith(`${PLAN}/`));
    expect(files).toContain(`${PLAN}/list.ja.html`);
    expect(files).toContain(`${PLAN}/downloads/edition.ja.pdf`);
    expect(files).toContain(`${PLAN}/downloads/edition.pdf`);
    const { broken, checked } = brokenLinks(site, '/council/');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
