import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleToJson, exportBundle } from '../../src/app/index.ts';
import { sectionOf, textOf } from '../harness/html-text.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const WRENMOOR = path.resolve(import.meta.dirname, '../../data/examples/wrenmoor/bundle.json');
const BASE = '/wrenmoor/council-plan/';
const wrenmoor = () => JSON.parse(readFileSync(WRENMOOR, 'utf8'));

for (const dialect of DIALECTS) {
  describe(`an English-only plan (fictional UK-style council) on ${dialect}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, bundles: () => [wrenmoor()] });
    });
    afterAll(async () => {
      await server?.close();
    });
    const page = async (q = '') => (await server.get(`${BASE}${q}`)).text();

    it('is read in English by default, with its own year labels and no Japanese era', async () => {
      const html = await page();
      expect(html).toContain('<html lang="en">');
      expect(textOf(sectionOf(html, /<dl class="facts">/, 'dl'))).toBe(
        'Vision A greener, fairer Wrenmoor where every neighbourhood thrives. Plan period 2025/26–2027/28 Edition 2025/26 year-end report Published 18 June 2026',
      );
      expect(textOf(sectionOf(html, /<p class="headline">/, 'p'))).toBe(
        '2025/26 Green: 2, Amber: 1, Red: 1 4 of 4 assessed',
      );
      expect(textOf(html)).not.toMatch(/令和|平成|FY\d/);
      // Only the link to the Japanese page is marked Japanese: the plan's own text is English.
      expect(html.match(/<[^>]*\blang="ja"[^>]*>/g)).toEqual([
        '<a class="lang-switch" href="/wrenmoor/council-plan/?lang=ja" lang="ja" hreflang="ja">',
      ]);
    });

    it('in Japanese keeps the English texts marked lang="en" and names years without an era', async () => {
      const html = await page('?lang=ja');
      expect(html).toContain('<html lang="ja">');
      expect(textOf(sectionOf(html, /<dl class="facts">/, 'dl'))).toBe(
        'ビジョン A greener, fairer Wrenmoor where every neighbourhood thrives. 計画期間 2025年度～2027年度 版 2025/26 year-end report 公表日 2026年6月18日',
      );
      expect(html).toContain(
        '<dd><span lang="en">A greener, fairer Wrenmoor where every neighbourhood thrives.</span>',
      );
      expect(html).toContain('<a class="lang-switch" href="/wrenmoor/council-plan/" lang="en" hreflang="en">');
      expect(textOf(html)).not.toMatch(/令和|平成/);
    });

    it('export → import into an empty database → export is byte-identical', async () => {
      const exported = bundleToJson(await exportBundle({ ctx: server.ctx, organizationSlug: 'wrenmoor' }));
      expect(JSON.parse(exported).plans[0].levels).toEqual([
        { ja: 'Priority', en: 'Priority' },
        { ja: 'Commitment', en: 'Commitment' },
      ]);
      const other = await startTestServer({ database: dialect, bundles: () => [JSON.parse(exported)] });
      try {
        expect(bundleToJson(await exportBundle({ ctx: other.ctx, organizationSlug: 'wrenmoor' }))).toBe(exported);
      } finally {
        await other.close();
      }
    });
  });
}
