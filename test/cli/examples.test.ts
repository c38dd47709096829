import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/run-cli.ts';
import { createTestDatabase, type Dialect, type TestDatabase } from '../harness/test-database.ts';

/**
 * The example cities through the real binary: `init --examples` adds them (also to a database that already holds
 * Ogori, and only once), `summary` works on every example plan, and export → import → export is byte-identical.
 * Each step spawns the binary, so this runs on SQLite only; test/app/examples.test.ts does the same in process on
 * both databases.
 */

const EXAMPLE_PLANS = [
  { org: 'minamikaze', plan: 'sogo-keikaku-6-zenki', fy: '2024', formatted: 'A: 2, B: 8, C: 6', rows: 16 },
  { org: 'komorebi', plan: 'jikko-keikaku-2', fy: '2023', formatted: '1.88', rows: 9 },
  { org: 'komorebi', plan: 'jikko-keikaku-3', fy: 'R6', formatted: '2.00', rows: 8 },
  { org: 'hoshizora', plan: 'sogo-keikaku-6-zenki', fy: 'R6', formatted: 'A: 2, B: 8, C: 6', rows: 16 },
  { org: 'wrenmoor', plan: 'council-plan', fy: '2025/26', formatted: 'Green: 2, Amber: 1, Red: 1', rows: 4 },
  {
    org: 'harrowfield',
    plan: 'sdg-indicators',
    fy: '2025',
    formatted: 'Reported online: 5, Statistics in progress: 1',
    rows: 6,
  },
];

for (const dialect of ['sqlite'] as Dialect[]) {
  // Every call spawns a process: slow when the whole suite runs in parallel.
  describe(`example cities through the CLI on ${dialect}`, { timeout: 180_000 }, () => {
    let db: TestDatabase;
    const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-examples-'));
    const env = () => ({ DATABASE_URL: db.url });

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      const plain = await runCli(['init'], env());
      expect(plain.code).toBe(0);
    });
    afterAll(() => db.drop());

    it('init --examples adds the missing example organizations to a database holding Ogori, once', async () => {
      const before = await runCli(['export', '-', '--org', 'ogori'], env());
      const first = await runCli(['init', '--examples'], env());
      expect([first.code, first.stderr]).toEqual([0, '']);
      expect(first.stdout.split('\n')).toContain(
        'added example organizations: minamikaze, komorebi, hoshizora, wrenmoor, harrowfield',
      );
      const exported = await runCli(['export', '-', '--org', 'minamikaze'], env());
      const again = await runCli(['init', '--examples'], env());
      expect(again.stdout.split('\n')).toContain('example organizations present');
      expect((await runCli(['export', '-', '--org', 'minamikaze'], env())).stdout).toBe(exported.stdout);
      expect((await runCli(['export', '-', '--org', 'ogori'], env())).stdout).toBe(before.stdout);
      const ambiguous = await runCli(['summary', '--fy', '2022'], env());
      expect(ambiguous.stderr).toBe(
        'error: several organizations exist; choose one with --org (harrowfield, hoshizora, komorebi, minamikaze, ogori, wrenmoor)\n',
      );
    });

    it('summary works on every example plan', async () => {
      for (const e of EXAMPLE_PLANS) {
        const res = await runCli(
          ['summary', '--org', e.org, '--plan', e.plan, '--fy', e.fy, '--format', 'json'],
          env(),
        );
        expect([res.code, res.stderr]).toEqual([0, '']);
        const out = JSON.parse(res.stdout);
        expect([out.plan, out.rows.length, out.rollup.formatted]).toEqual([e.plan, e.rows, e.formatted]);
      }
      const table = await runCli(['summary', '--org', 'komorebi', '--plan', 'jikko-keikaku-2', '--fy', '2023'], env());
      expect(table.stdout).toContain(
        '平均（8件の単純平均）: 1.88  (9件中9件評価済、集計対象外の評価1件; 9 of 9 assessed; 1 excluded from the figure)',
      );
      expect(table.stdout).toContain('除外 / excluded: 3-4');
      const json = await runCli(
        ['summary', '--org', 'minamikaze', '--plan', 'sogo-keikaku-6-zenki', '--fy', '2024', '--format', 'json'],
        env(),
      );
      const out = JSON.parse(json.stdout);
      expect(out.rows[0]).toEqual({
        code: '1-1-1',
        title: '保育所の定員拡大',
        departments: ['保育課'],
        level: 'B',
        label: 'B',
        score: 3,
      });
      expect(out.rollup).toMatchObject({ method: 'distribution', missing: ['3-2-2'], assessed: 16, total: 17 });
      // Both dimensions: 達成度 by the plan's distribution, 改善度 (○ 3, △ 2, × 1) also averaged: 16 ÷ 6 = 2.7.
      expect(
        out.scales.map((d: { key: string; formatted: string; value: number | null }) => [d.key, d.formatted, d.value]),
      ).toEqual([
        ['achievement', 'A: 2, B: 8, C: 6', null],
        ['improvement', '2.7', 16 / 6],
      ]);
      expect(out.scales[1].distribution).toEqual([
        { level: 'improved', label: '○', count: 4, share: 66.7 },
        { level: 'unchanged', label: '△', count: 2, share: 33.3 },
        { level: 'worsened', label: '×', count: 0, share: 0 },
      ]);
      const dims = await runCli(
        ['summary', '--org', 'minamikaze', '--plan', 'sogo-keikaku-6-zenki', '--fy', '2024'],
        env(),
      );
      expect(dims.stdout.split('\n').slice(-6)).toEqual([
        '達成度 / Achievement: 分布（16件）: A: 2, B: 8, C: 6  (17件中16件評価済、未評価1件; 16 of 17 assessed; 1 missing)',
        '  分布 / distribution: A 2件 12.5%, B 8件 50.0%, C 6件 37.5%, D 0件 0.0%',
        '',
        '改善度 / Improvement: 平均（6件の単純平均）: 2.7  (17件中6件評価済、未評価11件; 6 of 17 assessed; 11 missing)',
        '  分布 / distribution: ○ 4件 66.7%, △ 2件 33.3%, × 0件 0.0%',
        '',
      ]);
    });

    it('prints an English-only plan (Wrenmoor) in English: summary and lint, years as 2025/26', async () => {
      const table = await runCli(['summary', '--org', 'wrenmoor', '--fy', '2025'], env());
      // Hand-counted from the bundle: 1.1 and 2.2 green, 1.2 amber, 2.1 red; 2 of 4 is 50.0 %.
      expect(table.stdout).toBe(
        [
          'Wrenmoor Council Plan 2025–2028 — 2025/26 RAG status',
          '',
          "1.1    Green  Cut the council's own carbon emissions (Place Directorate)",
          '1.2    Amber  Raise household recycling (Place Directorate)',
          '2.1      Red  More affordable homes (People Directorate)',
          '2.2    Green  Faster help for carers (People Directorate)',
          '',
          'Distribution of 4 items: Green: 2, Amber: 1, Red: 1  (4 of 4 assessed)',
          '',
          'RAG status: Distribution of 4 items: Green: 2, Amber: 1, Red: 1  (4 of 4 assessed)',
          '  distribution: Green 2 50.0%, Amber 1 25.0%, Red 1 25.0%',
          '',
          // Hand-counted quarterly RAG: Q1 only 1.1 green; from Q2 2.1 red and 2.2 green.
          '2025/26 Q1 (Apr–Jun): Distribution of 4 items: Green: 1, Amber: 3  (4 of 4 assessed)',
          '  distribution: Green 1 25.0%, Amber 3 75.0%, Red 0 0.0%',
          '',
          '2025/26 Q2 (Jul–Sep): Distribution of 4 items: Green: 2, Amber: 1, Red: 1  (4 of 4 assessed)',
          '  distribution: Green 2 50.0%, Amber 1 25.0%, Red 1 25.0%',
          '',
          '2025/26 Q3 (Oct–Dec): Distribution of 4 items: Green: 2, Amber: 1, Red: 1  (4 of 4 assessed)',
          '  distribution: Green 2 50.0%, Amber 1 25.0%, Red 1 25.0%',
          '',
        ].join('\n'),
      );
      // The year may be given as the plan names it.
      expect((await runCli(['summary', '--org', 'wrenmoor', '--fy', '2025/26'], env())).stdout).toBe(table.stdout);
      const lint = await runCli(['lint', '--org', 'wrenmoor'], env());
      expect(lint.stdout).toBe(
        [
          'wrenmoor/council-plan (2025/26): 2 findings',
          '・ [sdgs-missing] 4 items have no SDG goals mapped: 1.1, 1.2, 2.1, 2.2',
          // Both quarterly indicators have Q1–Q3 figures only; the whole year is not reported yet. The stated
          // "2 of 4 green" matches the ratings, so lint has nothing to say about it.
          '▲ [indicator-missing-actual] 2 indicators have no actual for 2025/26: 2.1 "Affordable homes started on site", 2.2 "Carer assessments completed"',
          '',
        ].join('\n'),
      );
    });

    it('prints the declared verdicts of a calendar-year SDG set (Harrowfield) and every stage of Hoshizora', async () => {
      const sdg = await runCli(['summary', '--org', 'harrowfield', '--fy', '2025'], env());
      // Hand-computed growth rates: see test/portal/sdg-indicator-plan.test.ts; 2025 has no figure yet, so each
      // formula names the 2024 statistic it used. 11.2.1 has no value at all: no verdict, never the worst level.
      expect(sdg.stdout).toBe(
        [
          'Harrowfield Sustainable Development Indicators — 2025 Reporting status',
          '',
          '3.4.1          Reported online  Premature deaths from non-communicable diseases (Public Health)',
          '3.a.1          Reported online  Adults who smoke (Public Health)',
          '7.2.1          Reported online  Renewable share of electricity generated in the county (Climate and Environment)',
          '7.3.1          Reported online  Energy used per household (Climate and Environment)',
          '11.2.1  Statistics in progress  Residents near a frequent bus stop (Insight and Performance Team)',
          '11.6.1         Reported online  Household waste recycled or composted (Climate and Environment)',
          '',
          'Distribution of 6 items: Reported online: 5, Statistics in progress: 1  (6 of 6 assessed)',
          '',
          'SDG progress:',
          '3.4.1   Progress made but acceleration needed  annual growth actual -1.63% ÷ required -2.68% = 60.7% (actual of 2024; 2025: no actual)',
          '3.a.1   Limited progress                       annual growth actual -1.65% ÷ required -8.19% = 20.1% (actual of 2024; 2025: no actual)',
          '7.2.1   On track                               annual growth actual 14.78% ÷ required 11.33% = 130.5% (actual of 2024; 2025: no actual)',
          '7.3.1   Deterioration                          annual growth actual 0.39% ÷ required -1.40% = -27.9% (actual of 2024; 2025: no actual)',
          '11.2.1  no verdict                             No KPI could be computed',
          '11.6.1  Target achieved                        target 65 reached (actual 66.2); annual growth actual 5.76% ÷ required 3.29% = 175.0% (actual of 2024; 2025: no actual)',
          '',
          'Reporting status: Distribution of 6 items: Reported online: 5, Statistics in progress: 1  (6 of 6 assessed)',
          '  distribution: Reported online 5 83.3%, Statistics in progress 1 16.7%, Exploring data sources 0 0.0%',
          '',
        ].join('\n'),
      );
      // The stated "5 of 6 reported online" matches the ratings: lint says nothing of it, only that 2025's
      // statistics are not in yet (each is published the year after it measures).
      expect((await runCli(['lint', '--org', 'harrowfield'], env())).stdout.split('\n').slice(0, 2)).toEqual([
        'harrowfield/sdg-indicators (2025): 1 findings',
        '▲ [indicator-missing-actual] 6 indicators have no actual for 2025: 3.4.1 "Deaths under 75 from cardiovascular disease, cancer, diabetes or chronic respiratory disease", 3.a.1 "Adults who smoke", 7.2.1 "Share of electricity generated from renewable sources", 7.3.1 "Mean domestic electricity and gas use per household", 11.2.1 "Residents living within 400 m of a stop served every 15 minutes or better", 11.6.1 "Household waste sent for reuse, recycling or composting"',
      ]);
      const empty = await runCli(['summary', '--org', 'harrowfield', '--fy', '2024'], env());
      expect(empty.stdout.split('\n')[3]).toBe('Distribution of 0 items: —  (0 of 6 assessed; 6 missing)');
      const staged = await runCli(['summary', '--org', 'hoshizora', '--fy', 'R6'], env());
      expect(staged.stdout.split('\n').slice(-6)).toEqual([
        '事中評価 / Mid-year review: 分布（3件）: A: 1, C: 2  (17件中3件評価済、未評価14件; 3 of 17 assessed; 14 missing)',
        '  分布 / distribution: A 1件 33.3%, B 0件 0.0%, C 2件 66.7%, D 0件 0.0%',
        '',
        '事後評価 / Year-end review（一覧に掲載 / as listed）: 分布（16件）: A: 2, B: 8, C: 6  (17件中16件評価済、未評価1件; 16 of 17 assessed; 1 missing)',
        '  分布 / distribution: A 2件 12.5%, B 8件 50.0%, C 6件 37.5%, D 0件 0.0%',
        '',
      ]);
      // The sub-code is the item's rating; the status rule's verdict is compared with pro rata (2 of 5 years: 40 %).
      expect(staged.stdout).toContain('2-1-1   C（手法を改善）  特定健診の受診率向上（健康推進課）');
      expect(staged.stdout).toContain('1-1-2  順調    累計 25 ÷ 目標 60 = 41.7%（目安 40.0%）');
      const json = JSON.parse(
        (await runCli(['summary', '--org', 'hoshizora', '--fy', '2024', '--format', 'json'], env())).stdout,
      );
      expect(
        json.stages.map((x: { key: string; listed: boolean; formatted: string }) => [x.key, x.listed, x.formatted]),
      ).toEqual([
        ['interim', false, 'A: 1, C: 2'],
        ['final', true, 'A: 2, B: 8, C: 6'],
      ]);
      const csv = (await runCli(['summary', '--org', 'hoshizora', '--fy', '2024', '--format', 'csv'], env())).stdout;
      expect(csv.split('\n')[0]).toBe('code,title,departments,rating,score,status');
      expect(csv).toContain(',事中評価 分布（3件）,,"A: 1, C: 2",,\n');
    });

    it('export → import into an empty database → export is byte-identical for each example', async () => {
      for (const org of ['minamikaze', 'komorebi', 'hoshizora', 'wrenmoor', 'harrowfield']) {
        const file = path.join(dir, `${dialect}-${org}.json`);
        expect((await runCli(['export', file, '--org', org], env())).code).toBe(0);
        const empty = await createTestDatabase(dialect);
        try {
          const imported = await runCli(['import', file], { DATABASE_URL: empty.url });
          expect([imported.code, imported.stderr]).toEqual([0, '']);
          const again = await runCli(['export', '-'], { DATABASE_URL: empty.url });
          expect(again.stdout).toBe(readFileSync(file, 'utf8'));
        } finally {
          await empty.drop();
        }
      }
    });
  });
}
