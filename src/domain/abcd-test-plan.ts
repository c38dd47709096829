import { PlanDocument, type PlanNodeInput } from './plan-document.ts';

/**
 * Test data only (not exported from index.ts): a 3-level plan (政策 > 施策 > 事務事業) rated A–D with
 * definitions, a rule (≥100 % A, ≥80 % B, ≥50 % C, else D) and a second dimension 改善度 ○/△/×.
 */
export function buildAbcdPlan(projects: PlanNodeInput[], extra: Record<string, unknown> = {}): PlanDocument {
  return PlanDocument.parse({
    slug: 'abcd',
    title: 'テスト総合計画',
    period: { startFy: 2023, endFy: 2027 },
    levels: [{ ja: '政策' }, { ja: '施策' }, { ja: '事務事業' }],
    ratingScales: [
      {
        key: 'achievement',
        name: '達成度',
        kind: 'ordinal',
        levels: [
          { key: 'D', label: 'D', definition: '着手できていない', score: 1 },
          { key: 'C', label: 'C', definition: '未達成', score: 2 },
          { key: 'B', label: 'B', definition: '概ね達成', score: 3 },
          { key: 'A', label: 'A', definition: '目標を上回った', score: 4 },
        ],
      },
      {
        key: 'improvement',
        name: '改善度',
        kind: 'ordinal',
        levels: [
          { key: 'worsened', label: '×', score: 1 },
          { key: 'unchanged', label: '△', score: 2 },
          { key: 'improved', label: '○', score: 3 },
        ],
      },
    ],
    ratingRules: [
      {
        scale: 'achievement',
        basis: 'indicator-progress',
        thresholds: [
          { minPercent: 100, level: 'A' },
          { minPercent: 80, level: 'B' },
          { minPercent: 50, level: 'C' },
          { minPercent: 0, level: 'D' },
        ],
      },
    ],
    rollup: { method: 'distribution' },
    nodes: [{ code: '1', title: '政策1', children: [{ code: '1-1', title: '施策1-1', children: projects }] }],
    ...extra,
  });
}

/** 待機児童数: lower is better, baseline 25 (FY2022), target 0 (FY2027). */
export const waitingList = (actuals: Record<number, number>) => ({
  key: 'taiki',
  name: '待機児童数',
  unit: '人',
  kind: 'level' as const,
  direction: 'lower' as const,
  baseline: { fy: 2022, value: 25 },
  target: { fy: 2027, value: 0 },
  values: Object.entries(actuals).map(([fy, actual]) => ({ fy: Number(fy), actual })),
});
