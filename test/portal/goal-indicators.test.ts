import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSummary } from '../../src/app/index.ts';
import { EditionContent, initiativeStatus, lintPlan, OrganizationBundle } from '../../src/domain/index.ts';
import { buildPdfModel, indicatorRows, rollupRows } from '../../src/reports/index.ts';
import { textOf } from '../harness/html-text.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

// ささのは町 (fictional): each 基本目標 holds a 数値目標 of its own, and its items are actions and indicator nodes.
// The status rule names objectives and actions, so it judges the goals' KPIs and the actions', never the indicator
// nodes'. By hand, as of 令和6年度 (2024), bands 順調 at 80 % or more, else 遅れ:
// - goal 1 定住人口 850 ÷ 1,000 = 85.0 % → 順調; action 1-1 来館者数 300 ÷ 500 = 60.0 % → 遅れ;
// - indicator node 1-2 待機児童数 9 ÷ 10 = 90.0 %, not judged; goal 2 バス利用者数 has no 2024 actual (lint).
// Ratings (A = 3, B = 2, C = 1, mean): actions 1-1 A, 2-1 B → (3 + 2) ÷ 2 = 2.5; indicator nodes 1-2 C, 2-2 A →
// (1 + 3) ÷ 2 = 2.0, each over 2 items; goal 1's actions: 1-1 alone → 3.0.
const ORG = 'sasanoha';
const kpi = (key: string, name: string, value: number, actual?: number) => ({
  key,
  name,
  unit: '人',
  kind: 'level',
  direction: 'higher',
  target: { fy: 2026, value },
  values: actual === undefined ? [] : [{ fy: 2024, actual }],
});
// A quarterly KPI with no target: each quarter against the one before (the plan's periodTravel), by hand:
// Q1 has no 2023 Q4 to compare with; Q2 120 → 150 is up and better (higher is better); Q3 150 → 150 is unchanged.
const CALLS = {
  key: 'calls',
  name: '相談件数',
  unit: '件',
  kind: 'level',
  direction: 'higher',
  values: [
    { fy: 2024, actual: 420 },
    { fy: 2024, period: 'Q1', actual: 120 },
    { fy: 2024, period: 'Q2', actual: 150 },
    { fy: 2024, period: 'Q3', actual: 150 },
  ],
};
const TRAVEL = [
  '前期比 比べる値なし',
  '前期比 ↑ 改善（令和6年度 第1四半期（4～6月） 120 → 150）',
  '前期比 → 横ばい（令和6年度 第2四半期（7～9月） 150 → 150）',
];
const node = (code: string, title: string, level: string, extra: Record<string, unknown> = {}) => ({
  code,
  title,
  departments: ['kikaku'],
  assessments: [{ fy: 2024, level }],
  ...extra,
});
const bundle = (appliesTo: string[] | null = ['objective', 'action']) => ({
  format: 'shinchoku/v1',
  organization: { slug: ORG, name: 'ささのは町（架空）' },
  departments: [{ code: 'kikaku', name: '企画課' }],
  plans: [
    {
      slug: 'plan',
      title: 'ささのは町総合戦略',
      period: { startFy: 2024, endFy: 2026 },
      levels: [
        { ja: '基本目標', en: 'Goal' },
        { ja: '取組', en: 'Action' },
      ],
      ratingScales: [
        {
          key: 'self',
          name: '評価',
          kind: 'ordinal',
          levels: [
            { key: 'C', label: 'C', score: 1 },
            { key: 'B', label: 'B', score: 2 },
            { key: 'A', label: 'A', score: 3 },
          ],
        },
      ],
      rollup: { method: 'mean', decimals: 1 },
      evaluation: {
        progress: { basis: 'level' },
        periodTravel: { against: 'previous-period' },
        status: {
          name: '進捗',
          nameEn: 'Progress',
          measure: 'progress',
          ...(appliesTo && { appliesTo }),
          levels: [
            { key: 'good', label: '順調', labelEn: 'On track' },
            { key: 'late', label: '遅れ', labelEn: 'Behind' },
          ],
          bands: [{ level: 'good', from: 80 }, { level: 'late' }],
        },
      },
      edition: { name: '令和6年度版', fy: 2024 },
      nodes: [
        {
          code: '1',
          title: '暮らし',
          indicators: [kpi('residents', '定住人口', 1000, 850)],
          children: [
            node('1-1', '図書館の充実', 'A', { indicators: [kpi('visits', '来館者数', 500, 300), CALLS] }),
            node('1-2', '待機児童数', 'C', { type: 'indicator', indicators: [kpi('wait', '待機児童数', 10, 9)] }),
          ],
        },
        {
          code: '2',
          title: '交通',
          indicators: [kpi('bus', 'バス利用者数', 2000)],
          children: [node('2-1', 'バス路線の見直し', 'B'), node('2-2', '公共交通の分担率', 'A', { type: 'indicator' })],
        },
      ],
    },
  ],
});
const contentOf = (b: ReturnType<typeof bundle>) => {
  const parsed = OrganizationBundle.parse(b);
  return EditionContent.parse({
    organization: parsed.organization,
    departments: parsed.departments,
    plan: parsed.plans[0],
  });
};
const EDITION = { name: '令和6年度版', fy: 2024, publishedAt: '2025-06-01' };

describe('goal-level 数値目標 and indicator nodes in reports, lint and rules', () => {
  const content = contentOf(bundle());
  const plan = content.plan;

  it('the status rule judges a goal only where it names objectives', () => {
    expect(initiativeStatus(plan, plan.nodes[0]!, 2024)?.level?.label).toBe('順調');
    expect(initiativeStatus(plan, plan.nodes[0]!.children[1]!, 2024)).toBeNull();
    const itemsOnly = contentOf(bundle(null)).plan;
    expect(initiativeStatus(itemsOnly, itemsOnly.nodes[0]!, 2024)).toBeNull();
    expect(initiativeStatus(itemsOnly, itemsOnly.nodes[0]!.children[1]!, 2024)?.level?.label).toBe('順調');
  });

  it('lint checks a goal’s own KPI as an item’s', () => {
    const found = lintPlan(plan, content.departments, { fy: 2024 }).filter(
      (f) => f.code === 'indicator-missing-actual',
    );
    expect(found.map((f) => f.message)).toEqual(['2: 指標「バス利用者数」の令和6年度の実績が未入力です']);
  });

  it('CSV: the goal’s KPI row, and the indicator nodes’ roll-up apart from the actions’', () => {
    const kpis = indicatorRows(content).filter((r) => r[0] === '1' && r[2] === '定住人口');
    expect(kpis.map((r) => [r[6], r[7], r[9], r[10]])).toEqual([
      ['年度', '2024', '', '850'],
      ['計画期間の目標', '2026', '1000', ''],
    ]);
    const figures = rollupRows(content, EDITION)
      .slice(1)
      .map((r) => [r[4], r[5], r[10], r[11], r[12]]);
    expect(figures).toEqual([
      ['評価（全体平均）', '2024', '2.5', '2', '2'],
      ['評価（指標の項目）', '2024', '2.0', '2', '2'],
    ]);
  });

  it('CSV and PDF: each quarter’s direction of travel against the one before', () => {
    const rows = indicatorRows(content);
    expect(rows[0]!.at(-1)).toBe('推移');
    expect(rows.filter((r) => r[2] === '相談件数' && r[6]!.startsWith('期間')).map((r) => r.at(-1))).toEqual(TRAVEL);
    const model = JSON.stringify(buildPdfModel(content).blocks);
    expect(model).toContain(
      JSON.stringify([
        `令和6年度 第1四半期（4～6月）: ${TRAVEL[0]}`,
        `令和6年度 第2四半期（7～9月）: ${TRAVEL[1]}`,
        `令和6年度 第3四半期（10～12月）: ${TRAVEL[2]}`,
      ]),
    );
    expect(model).toContain('"期間ごとの推移（R6）"');
  });

  it('PDF: the indicator nodes’ row beside the actions’ mean, and the goal’s KPI and verdict on its sheet', () => {
    const model = JSON.stringify(buildPdfModel(content).blocks);
    expect(model).toContain('"指標の項目の評価（取組とは別に集計）"');
    expect(model).toContain('"令和6年度の指標の項目：2件中2件評価済。"');
    expect(model).toContain('実績 850 ÷ 目標 1,000 = 85.0%');
    // The contents count the plan's actions, not its indicator nodes.
    expect(model).toContain('"— 2の取組 —"');
  });
});

for (const database of DIALECTS) {
  describe(`goal-level 数値目標 and indicator nodes on the portal, the API and summary (${database})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ database, bundles: () => [bundle()] });
    });
    afterAll(async () => {
      await server?.close();
    });
    // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below
    const api = async (p: string): Promise<any> =>
      (await server.get(`/api/v1/organizations/${ORG}/plans/plan${p}`)).json();
    const page = async (p: string) => textOf(await (await server.get(`/${ORG}/plan${p}`)).text());

    it('a goal page shows its own KPI and the verdict on it', async () => {
      const goal = await page('/goals/1');
      expect(goal).toContain('この基本目標の成果指標');
      expect(goal).toContain('実績 850 ÷ 目標 1,000 = 85.0%');
      expect(goal).toMatch(/進捗（令和6年度）.*順調/s);
      const api1 = await api('/goals/1');
      expect([api1.indicators.map((i: { key: string }) => i.key), api1.kpiStatus.level.key]).toEqual([
        ['residents'],
        'good',
      ]);
      expect(api1.kpiStatus.percent).toBe(85);
      expect((await api('/initiatives/1-2')).kpiStatus).toBeNull();
      const item = await api('/initiatives/1-1');
      expect(item.kpiStatus.level.key).toBe('late');
      const parts = item.indicators[1].partYears;
      expect(parts.map((p: { travel: { text: { ja: string } } }) => p.travel.text.ja)).toEqual(TRAVEL);
      expect(parts[1].travel).toMatchObject({
        against: 'previous-period',
        comparedWith: { fy: 2024, period: 'Q1', actual: 120 },
        change: 'up',
        assessment: 'better',
        arrow: '↑',
      });
      const itemPage = await page('/initiatives/1-1');
      // Reported without a period basis, a level's values are year to date (the schema's default), and say so.
      expect(itemPage).toContain('期間 報告値（年度初めからの累計） 年度初めからの値 推移');
      for (const text of TRAVEL) expect(itemPage).toContain(text);
    });

    it('the indicator nodes are rolled up apart from the actions on the home page, the API and summary', async () => {
      const home = await page('/');
      expect(home).toMatch(/令和6年度 2\.5 2件中2件評価済/);
      expect(home).toContain('指標の項目の年度ごとの評価');
      const plan = await api('');
      expect(plan.overall.map((r: { formatted: string }) => r.formatted)).toEqual(['2.5', '—', '—']);
      expect(plan.nodeTypeRollups).toHaveLength(1);
      expect(plan.nodeTypeRollups[0].type).toBe('indicator');
      expect(plan.nodeTypeRollups[0].rollups[0]).toMatchObject({ fy: 2024, formatted: '2.0', totalCount: 2 });
      expect((await api('/goals/1')).rollups[0]).toMatchObject({ formatted: '3.0', totalCount: 1 });
      // Each goal counts its one action, never its indicator node as one of its 取組.
      expect(plan.goals.map((g: { code: string; initiativeCount: number }) => [g.code, g.initiativeCount])).toEqual([
        ['1', 1],
        ['2', 1],
      ]);
      expect((await api('/goals/1')).initiativeCount).toBe(1);
      expect(home).toMatch(/1 暮らし 1件 3\.0/);
      expect(home).toMatch(/2 交通 1件 2\.0/);
      const s = await planSummary(server.ctx, { organizationSlug: ORG, planSlug: 'plan', fy: 2024 });
      expect([s.rollup.formatted, s.nodeTypes.map((t) => [t.type, t.rollup.formatted, t.rollup.totalCount])]).toEqual([
        '2.5',
        [['indicator', '2.0', 2]],
      ]);
    });
  });
}
