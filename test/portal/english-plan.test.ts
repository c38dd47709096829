import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleToJson, exportBundle } from '../../src/app/index.ts';
import { sectionOf, tableRows, textOf } from '../harness/html-text.ts';
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

    it('shows a quarterly table with year to date and no Japanese era, even without a whole-year value', async () => {
      const html = await page('initiatives/2.1');
      const text = textOf(html);
      // Hand-computed: increments 14, 9 and 18 homes give 14, 23 and 41 since April; each row its own target.
      expect(text).toContain(
        'Affordable homes started on site: values by period in 2025/26 and since the start of the year Period Target Value for the period Year to date 2025/26 Q1 (Apr–Jun) 20 homes 14 homes 14 homes 14 2025/26 Q2 (Jul–Sep) 20 homes 9 homes 23 homes 14 + 9 = 23 2025/26 Q3 (Oct–Dec) 25 homes 18 homes (provisional) 41 homes 14 + 9 + 18 = 41 Previous initiative',
      );
      expect(text).not.toContain('No yearly values yet.');
      expect(text).not.toMatch(/令和|平成|FY\d/);
    });

    it('API labels years as the plan does: 2025/26, no 令和, period labels and year to date', async () => {
      // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below
      const api = async (p: string): Promise<any> => (await server.get(`/api/v1/organizations/wrenmoor${p}`)).json();
      const plan = await api('/plans/council-plan');
      expect(plan.period.label).toEqual({ ja: '2025年度～2027年度', en: '2025/26–2027/28' });
      expect(plan.edition.fyLabel).toBe('2025/26');
      expect(plan.overall.map((r: { fyLabel: string }) => r.fyLabel)).toEqual(['2025/26', '2026/27', '2027/28']);
      expect((await api('/plans'))[0].currentEdition.fyLabel).toBe('2025/26');
      expect((await api('/plans/council-plan/editions')).map((e: { fyLabel: string }) => e.fyLabel)).toEqual([
        '2025/26',
      ]);
      const item = await api('/plans/council-plan/initiatives/2.1');
      expect(item.ratings.map((r: { fyLabel: string }) => r.fyLabel)).toEqual(['2025/26', '2026/27', '2027/28']);
      expect(
        item.indicators[1].partYears.map((p: Record<string, unknown>) => [
          p.periodLabel,
          p.target,
          p.actual,
          p.yearToDate,
          p.provisional,
        ]),
      ).toEqual([
        ['2025/26 Q1 (Apr–Jun)', 20, 14, 14, false],
        ['2025/26 Q2 (Jul–Sep)', 20, 9, 23, false],
        ['2025/26 Q3 (Oct–Dec)', 25, 18, 41, true],
      ]);
      expect(item.indicators[1].partYears[2].yearToDateFormula).toEqual({
        ja: '14 + 9 + 18 = 41',
        en: '14 + 9 + 18 = 41',
      });
      const recycling = (await api('/plans/council-plan/initiatives/1.2')).indicators[0];
      // The 2024/25 figure measures 2024/25, though it was only published in Q3 2025/26.
      expect(recycling.values.map((v: Record<string, unknown>) => [v.yearLabel, v.actual, v.reportedIn])).toEqual([
        ['2024/25', 41.9, { fy: 2025, period: 'Q3', label: 'Q3 2025/26' }],
        ['2025/26', 43.2, null],
      ]);
      expect(JSON.stringify(plan)).not.toMatch(/令和|平成|FY\d/);
    });

    it('says when a figure was published where that is not the year it measures, on the page and in the PDF', async () => {
      const rows = tableRows(await page('initiatives/1.2'), 'Yearly targets and actuals of Household waste recycled');
      // The 2024/25 rate was only published in Q3 2025/26; it is still that year's figure.
      expect(rows).toEqual([
        ['2024/25', '—', '41.9% (reported Q3 2025/26)'],
        ['2025/26', '—', '43.2%'],
      ]);
      const ja = tableRows(await page('initiatives/1.2?lang=ja'), 'Household waste recycledの年度ごとの目標値と実績値');
      expect(ja[0]).toEqual(['2024年度', '—', '41.9%（2025年度 第3四半期に公表）']);
      // Without ?lang= the PDF is the plan's own English one; it prints the same remark.
      const pdf = await server.get(`${BASE}downloads/edition.pdf`);
      expect(pdf.headers.get('etag')).toMatch(/^"pdf-4-en-/);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'wrenmoor-')), 'edition.pdf');
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('2024/25 41.9% (reported Q3 2025/26)');
      expect(text).not.toMatch(/令和|平成|FY\d/);
    });

    it('serves the open-data CSV with an English header row', async () => {
      const csv = await (await server.get(`${BASE}downloads/edition.csv`)).text();
      expect(csv.split('\r\n')[0]).toBe(
        'Organization,Plan,Edition,Edition year,Parent code,Parent title,Code,Title,Departments,Department codes,Status,SDGs,Goal for the plan period,Title in the list,Source notes,2025/26 RAG status,2025/26 RAG status (score),2026/27 RAG status,2026/27 RAG status (score),2027/28 RAG status,2027/28 RAG status (score),2025/26 Q1 (Apr–Jun) RAG status,2025/26 Q2 (Jul–Sep) RAG status,2025/26 Q3 (Oct–Dec) RAG status',
      );
      const indicators = await (await server.get(`${BASE}downloads/indicators.csv`)).text();
      expect(indicators.split('\r\n').filter((l) => l.startsWith('1.2,'))[1]).toBe(
        '1.2,Raise household recycling,Household waste recycled,%,Level reached,no,Year,2024,2024/25,,41.9,,,Q3 2025/26',
      );
    });

    it('publishes the council’s stated aggregate beside the count from the RAG ratings: page, API, PDF and CSV', async () => {
      const source = 'Council Plan performance report 2025/26, page 3: "2 of 4 commitments green"';
      // Hand-counted: 1.1 and 2.2 are green of the 4 rated commitments, so the stated "2 of 4" holds (50.0 %).
      expect(
        tableRows(await page(), 'Figures as published, beside the value computed from the items’ ratings'),
      ).toEqual([['2025/26', 'Whole plan', 'share of "Green"', '2 of 4 (50.0%)', '50.0% (2 ÷ 4)', source]]);
      const plan = await (await server.get('/api/v1/organizations/wrenmoor/plans/council-plan')).json();
      expect(plan.statedFigures).toEqual([
        {
          fy: 2025,
          period: null,
          scope: null,
          scale: 'rag',
          method: 'share-of-level',
          level: 'green',
          value: null,
          count: 2,
          of: 4,
          source,
          what: { ja: '「Green」の割合', en: 'share of "Green"' },
          stated: { ja: '4件中2件（50.0%）', en: '2 of 4 (50.0%)' },
          computed: { value: 50, formatted: '50.0%', basis: { ja: '2件 ÷ 4件', en: '2 ÷ 4' } },
        },
      ]);
      const rollup = (await (await server.get(`${BASE}downloads/rollup.csv`)).text()).split('\r\n');
      expect(rollup.slice(1, -1).map((line) => line.split(',').slice(4).join(','))).toEqual([
        'RAG status (whole plan),2025,2025/26,RAG status,Distribution of 4 items,,"Green: 2, Amber: 1, Red: 1",4,4',
        `"share of ""Green"" (as published)",2025,2025/26,RAG status,"${source.replaceAll('"', '""')}",50,2 of 4 (50.0%),,`,
        '"share of ""Green"" (computed from the ratings)",2025,2025/26,RAG status,2 ÷ 4,50,50.0%,,',
      ]);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'wrenmoor-')), 'edition.pdf');
      writeFileSync(file, Buffer.from(await (await server.get(`${BASE}downloads/edition.pdf`)).arrayBuffer()));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(
        '2025/26: Distribution of 4 items; 4 of 4 assessed. Published (2025/26): share of "Green" 2 of 4 (50.0%); computed from the ratings 50.0% (2 ÷ 4).',
      );
    });

    it('shows figures reported as year to date as they were reported, with the period targets', async () => {
      const text = textOf(await page('initiatives/2.2'));
      // Reported cumulatively since April (104, 236, 371), so the year-to-date column is the reported figure itself.
      expect(text).toContain(
        'Carer assessments completed: values by period in 2025/26 and since the start of the year Period Target As reported (year to date) Year to date 2025/26 Q1 (Apr–Jun) 120 assessments 104 assessments 104 assessments Q1 104 2025/26 Q2 (Jul–Sep) 240 assessments 236 assessments 236 assessments Q2 236 2025/26 Q3 (Oct–Dec) 360 assessments 371 assessments 371 assessments Q3 371',
      );
      const item = await (await server.get('/api/v1/organizations/wrenmoor/plans/council-plan/initiatives/2.2')).json();
      expect(
        item.indicators[1].partYears.map((p: Record<string, unknown>) => [
          p.periodLabel,
          p.target,
          p.actual,
          p.yearToDate,
        ]),
      ).toEqual([
        ['2025/26 Q1 (Apr–Jun)', 120, 104, 104],
        ['2025/26 Q2 (Jul–Sep)', 240, 236, 236],
        ['2025/26 Q3 (Oct–Dec)', 360, 371, 371],
      ]);
      const indicators = (await (await server.get(`${BASE}downloads/indicators.csv`)).text()).split('\r\n');
      expect(indicators.filter((l) => l.includes(',Carer assessments completed,'))).toEqual([
        '2.2,Faster help for carers,Carer assessments completed,assessments,Total over the period,no,Period (Q1),2025,2025/26 Q1 (Apr–Jun),120,104,,,',
        '2.2,Faster help for carers,Carer assessments completed,assessments,Total over the period,no,Period (Q2),2025,2025/26 Q2 (Jul–Sep),240,236,,,',
        '2.2,Faster help for carers,Carer assessments completed,assessments,Total over the period,no,Period (Q3),2025,2025/26 Q3 (Oct–Dec),360,371,,,',
      ]);
    });

    it('shows each quarter’s RAG status: the item’s ratings and the plan’s roll-up per quarter, on every surface', async () => {
      expect(
        tableRows(
          await page('initiatives/2.1'),
          'Rating and comment by period of the fiscal year (quarter, half or month)',
        ),
      ).toEqual([
        ['2025/26 Q1 (Apr–Jun)', 'Amber', 'Behind the Q1 profile.'],
        ['2025/26 Q2 (Jul–Sep)', 'Red', 'Two sites stalled.'],
        ['2025/26 Q3 (Oct–Dec)', 'Red', 'Two sites still stalled.'],
      ]);
      // Hand-counted: Q1 only 1.1 green, the rest amber; from Q2 1.1 and 2.2 green, 1.2 amber, 2.1 red.
      expect(tableRows(await page(), 'RAG status by period of the year (quarter, half or month), 2025/26')).toEqual([
        ['2025/26 Q1 (Apr–Jun)', 'Green: 1, Amber: 3', 'Distribution of 4 items', '4 of 4 assessed'],
        ['2025/26 Q2 (Jul–Sep)', 'Green: 2, Amber: 1, Red: 1', 'Distribution of 4 items', '4 of 4 assessed'],
        ['2025/26 Q3 (Oct–Dec)', 'Green: 2, Amber: 1, Red: 1', 'Distribution of 4 items', '4 of 4 assessed'],
      ]);
      // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below
      const api = async (p: string): Promise<any> =>
        (await server.get(`/api/v1/organizations/wrenmoor/plans/council-plan${p}`)).json();
      expect(
        (await api('')).periodRollups.map(
          (r: { period: string; periodLabel: string; rollup: { formatted: string } }) => [
            r.period,
            r.periodLabel,
            r.rollup.formatted,
          ],
        ),
      ).toEqual([
        ['Q1', '2025/26 Q1 (Apr–Jun)', 'Green: 1, Amber: 3'],
        ['Q2', '2025/26 Q2 (Jul–Sep)', 'Green: 2, Amber: 1, Red: 1'],
        ['Q3', '2025/26 Q3 (Oct–Dec)', 'Green: 2, Amber: 1, Red: 1'],
      ]);
      expect((await api('/initiatives/2.1')).periodRatings[1]).toEqual({
        fy: 2025,
        period: 'Q2',
        periodLabel: '2025/26 Q2 (Jul–Sep)',
        scale: 'rag',
        level: 'red',
        label: 'Red',
        labelEn: null,
        comment: 'Two sites stalled.',
      });
      const csv = (await (await server.get(`${BASE}downloads/edition.csv`)).text()).split('\r\n');
      expect(csv[0]).toMatch(
        /,2025\/26 Q1 \(Apr–Jun\) RAG status,2025\/26 Q2 \(Jul–Sep\) RAG status,2025\/26 Q3 \(Oct–Dec\) RAG status$/,
      );
      expect(csv.find((l) => l.includes(',2.1,'))).toMatch(/,Amber,Red,Red$/);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'wrenmoor-')), 'edition.pdf');
      writeFileSync(file, Buffer.from(await (await server.get(`${BASE}downloads/edition.pdf`)).arrayBuffer()));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(
        'Ratings by period Period Rating Comment 2025/26 Q1 (Apr–Jun) Amber Food waste roll-out delayed to Q2. 2025/26 Q2 (Jul–Sep) Amber Food waste roll-out delayed to Q3.',
      );
      expect(text).toContain('2025/26 Q1 (Apr–Jun): Distribution of 4 items Green: 1, Amber: 3; 4 of 4 assessed.');
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
