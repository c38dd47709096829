import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEdition, systemActor } from '../../src/app/index.ts';
import { sectionOf, tableRows, textOf } from '../harness/html-text.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

// Harrowfield (data/examples/harrowfield, fictional): a calendar-year SDG-style indicator set, English only, baseline
// 2015 and targets for 2030, each year's statistic published the year after, judged by the Open SDG growth-rate
// method the plan declares, and a stated "5 of 6 reported online".
const HARROWFIELD = path.resolve(import.meta.dirname, '../../data/examples/harrowfield/bundle.json');
const BASE = '/harrowfield/sdg-indicators/';
const API = '/api/v1/organizations/harrowfield/plans/sdg-indicators';
const harrowfield = () => JSON.parse(readFileSync(HARROWFIELD, 'utf8'));

for (const dialect of DIALECTS) {
  describe(`a calendar-year SDG indicator set (fictional English county) on ${dialect}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, bundles: () => [harrowfield()] });
    });
    afterAll(async () => {
      await server?.close();
    });
    const page = async (p = '') => (await server.get(`${BASE}${p}`)).text();
    // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below
    const json = async (p: string): Promise<any> => (await server.get(`${API}${p}`)).json();

    it('names its years by the calendar year on the plan home, in English and in Japanese, never as a fiscal year', async () => {
      const html = await page();
      expect(html).toContain('<html lang="en">');
      expect(textOf(sectionOf(html, /<dl class="facts">/, 'dl'))).toBe(
        'Vision Local progress towards the UN Sustainable Development Goals, measured from a 2015 baseline to 2030. Plan period 2016–2030 Edition 2025 indicator report Published 20 November 2025',
      );
      expect(textOf(sectionOf(html, /<p class="headline">/, 'p'))).toBe(
        '2025 Reported online: 5, Statistics in progress: 1 6 of 6 assessed',
      );
      expect(textOf(html)).toContain('Reporting status of the whole plan and number of initiatives assessed, by year');
      expect(textOf(html)).not.toMatch(/fiscal year|令和|平成|FY\d|（/i);
      const ja = textOf(await page('?lang=ja'));
      expect(ja).toContain('2025年');
      expect(ja).not.toMatch(/年度|令和|平成/);
      // The organization's page of an English-only body is English too.
      expect(await (await server.get('/harrowfield/')).text()).toContain('<html lang="en">');
    });

    it('prints the stated "5 of 6 reported online" beside the count from the ratings', async () => {
      expect(
        tableRows(await page(), 'Figures as published, beside the value computed from the items’ ratings'),
      ).toEqual([
        [
          '2025',
          'Whole plan',
          'share of "Reported online"',
          '5 of 6 (83.3%)',
          '83.3% (5 ÷ 6)',
          'Harrowfield SDG indicator report 2025, page 2: "5 of 6 indicators reported online"',
        ],
      ]);
    });

    it('shows each value under the year it measures, when it was published, and the growth-rate verdict', async () => {
      const html = await page('initiatives/3.4.1');
      expect(
        tableRows(
          html,
          'Targets and actuals of Deaths under 75 from cardiovascular disease, cancer, diabetes or chronic respiratory disease by calendar year',
        ),
      ).toEqual([
        ['2015 (Baseline)', '—', '350 per 100,000'],
        ['2019', '—', '330 per 100,000'],
        ['2022', '—', '318 per 100,000 (reported 2023)'],
        ['2023', '—', '310 per 100,000 (reported 2024)'],
        ['2024', '—', '302 per 100,000 (reported 2025)'],
      ]);
      const text = textOf(html);
      expect(text).toContain('SDG goals Goal 3');
      expect(text).toContain(
        'Baseline 350 per 100,000 (2015) Target for the plan period 233 per 100,000 (Level reached; lower is better)',
      );
      // Hand-computed: (302 ÷ 350)^(1/9) − 1 = −1.63 % a year so far; (233 ÷ 350)^(1/15) − 1 = −2.68 % needed;
      // −1.63 ÷ −2.68 = 60.7 %, between 60 and 95: "acceleration needed". 2025 has no figure yet: 2024's is used.
      expect(text).toContain(
        'SDG progress (2025) Progress made but acceleration needed KPI achievement annual growth actual -1.63% ÷ required -2.68% = 60.7% (actual of 2024; 2025: no actual)',
      );
      expect(textOf(await page('initiatives/11.2.1'))).toContain('SDG progress (2025) Cannot be determined');
    });

    it('gives the verdicts, values and their publication year in the API', async () => {
      const verdicts: string[][] = [];
      for (const code of ['3.4.1', '3.a.1', '7.2.1', '7.3.1', '11.2.1', '11.6.1']) {
        const item = await json(`/initiatives/${code}`);
        verdicts.push([code, item.kpiStatus.level?.labelEn ?? '—', item.kpiStatus.formula.en]);
      }
      expect(verdicts).toEqual([
        [
          '3.4.1',
          'Progress made but acceleration needed',
          'annual growth actual -1.63% ÷ required -2.68% = 60.7% (actual of 2024; 2025: no actual)',
        ],
        [
          '3.a.1',
          'Limited progress',
          'annual growth actual -1.65% ÷ required -8.19% = 20.1% (actual of 2024; 2025: no actual)',
        ],
        [
          '7.2.1',
          'On track',
          'annual growth actual 14.78% ÷ required 11.33% = 130.5% (actual of 2024; 2025: no actual)',
        ],
        [
          '7.3.1',
          'Deterioration',
          'annual growth actual 0.39% ÷ required -1.40% = -27.9% (actual of 2024; 2025: no actual)',
        ],
        ['11.2.1', '—', 'No KPI could be computed'],
        [
          '11.6.1',
          'Target achieved',
          'target 65 reached (actual 66.2); annual growth actual 5.76% ÷ required 3.29% = 175.0% (actual of 2024; 2025: no actual)',
        ],
      ]);
      const values = (await json('/initiatives/3.4.1')).indicators[0].values;
      expect(values.map((v: Record<string, unknown>) => [v.yearLabel, v.actual, v.reportedIn])).toEqual([
        ['2019', 330, null],
        ['2022', 318, { fy: 2023, period: 'FY', label: '2023' }],
        ['2023', 310, { fy: 2024, period: 'FY', label: '2024' }],
        ['2024', 302, { fy: 2025, period: 'FY', label: '2025' }],
      ]);
      const plan = await json('');
      expect([plan.edition.fyLabel, plan.edition.publishedOn, plan.period.label]).toEqual([
        '2025',
        '2025-11-20',
        { ja: '2016年～2030年', en: '2016–2030' },
      ]);
      expect(plan.statedFigures[0]).toMatchObject({ count: 5, of: 6, computed: { formatted: '83.3%' } });
    });

    it('writes the verdicts in English in the open-data CSV, and lists only the rated years in the PDF', async () => {
      const rows: string[][] = parse(await (await server.get(`${BASE}downloads/edition.csv`)).text());
      const header = rows[0]!;
      const at = (code: string, column: string) =>
        rows.find((r) => r[header.indexOf('Code')] === code)![header.indexOf(column)];
      expect(
        ['3.4.1', '7.3.1', '11.2.1'].map((c) => [at(c, '2025 Reporting status'), at(c, '2025 SDG progress')]),
      ).toEqual([
        ['Reported online', 'Progress made but acceleration needed'],
        ['Reported online', 'Deterioration'],
        ['Statistics in progress', ''],
      ]);
      const pdf = await server.get(`${BASE}downloads/edition.pdf`);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'harrowfield-')), 'edition.pdf');
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Years without ratings (2016–2024, 2026–2030) are left out.');
      expect(text).toContain('2025: Distribution of 6 items; 6 of 6 assessed.');
      expect(text).toContain(
        'Published (2025): share of "Reported online" 5 of 6 (83.3%); computed from the ratings 83.3% (5 ÷ 6).',
      );
      expect(text).toContain('2024 302 per 100,000 (reported 2025)');
      expect(text).not.toMatch(/fiscal year|令和|平成|FY\d/i);
    });
  });
}

describe('dates in the organization’s time zone', () => {
  // 23:30 in London on 19 November 2025 (GMT) is 08:30 on the 20th in Japan.
  const instant = new Date('2025-11-19T23:30:00.000Z');
  let server: TestServer;
  beforeAll(async () => {
    const hoshizora = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, '../../data/examples/hoshizora/bundle.json'), 'utf8'),
    );
    server = await startTestServer({
      database: 'sqlite',
      bundles: () => [harrowfield(), hoshizora],
      now: () => instant,
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('prints the day an edition was published where the organization is, on the page and in the API', async () => {
    const publish = (organizationSlug: string, planSlug: string, name: string, fy: number) =>
      publishEdition({ ctx: server.ctx, actor: systemActor('test'), organizationSlug, planSlug, name, fy });
    await publish('harrowfield', 'sdg-indicators', '2025 indicator report (revised)', 2025);
    await publish('hoshizora', 'sogo-keikaku-6-zenki', '令和6年度実績評価版（訂正）', 2024);
    // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below
    const edition = async (org: string, plan: string): Promise<any> =>
      (await (await server.get(`/api/v1/organizations/${org}/plans/${plan}`)).json()).edition;
    expect((await edition('harrowfield', 'sdg-indicators')).publishedOn).toBe('2025-11-19');
    expect((await edition('hoshizora', 'sogo-keikaku-6-zenki')).publishedOn).toBe('2025-11-20');
    const facts = async (p: string) =>
      textOf(sectionOf(await (await server.get(p)).text(), /<dl class="facts">/, 'dl'));
    expect(await facts(BASE)).toContain('Published 19 November 2025');
    expect(await facts('/hoshizora/sogo-keikaku-6-zenki/')).toContain('公表日 2025年11月20日');
  });
});
