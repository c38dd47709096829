import { describe, expect, it } from 'vitest';
import { buildTestPlan } from './build-test-plan.ts';
import type { PlanNodeInput } from './plan-document.ts';
import { findNode } from './plan-tree.ts';
import { ratingKpiMismatch } from './rating-kpi-mismatch.ts';
import { ordinalScale } from './rating-scale-builders.ts';

const impressions: PlanNodeInput['indicators'] = [
  {
    key: 'impressions',
    name: 'インプレッション数',
    kind: 'cumulative',
    target: { fy: 2024, fromFy: 2022, value: 810000 },
    values: [{ fy: 2022, actual: 390846 }],
  },
];
const plan = buildTestPlan({}, { node: (code) => (code === '1-2' ? { indicators: impressions } : {}) });
const node12 = findNode(plan, '1-2')!;

describe('ratingKpiMismatch', () => {
  it('never calls a percentage self-rating wrong when the plan declares no rule (Ogori 1-2: 48.3 % vs 70 %)', () => {
    expect(ratingKpiMismatch(plan, node12, 2022, '70')).toBe(undefined);
    expect(ratingKpiMismatch(plan, node12, 2022, '30')).toBe(undefined);
  });

  it('says nothing without computed KPIs', () => {
    expect(ratingKpiMismatch(plan, findNode(plan, '1-1')!, 2022, '100')).toBe(undefined);
  });

  it('compares letter grades only through a rating rule', () => {
    const grade = { ...ordinalScale(['A', 'B', 'C', 'D']), key: 'grade' };
    const lettered = buildTestPlan(
      { ratingScales: [grade] },
      { ratings: [['1-2', '市長発信用SNS開設', undefined]], node: () => ({ indicators: impressions }) },
    );
    const node = findNode(lettered, '1-2')!;
    expect(ratingKpiMismatch(lettered, node, 2022, 'A')).toBe(undefined);
    const ruled = {
      ...lettered,
      ratingRules: [
        {
          scale: 'grade',
          basis: 'indicator-progress' as const,
          combine: 'mean' as const,
          thresholds: [
            { minPercent: 90, level: 'A' },
            { minPercent: 70, level: 'B' },
            { minPercent: 40, level: 'C' },
            { minPercent: 0, level: 'D' },
          ],
        },
      ],
    };
    // 48.3 % gives C by the rule: A is two steps away, B one.
    expect(ratingKpiMismatch(ruled, node, 2022, 'A')?.message).toBe(
      '1-2: 累計 390,846 ÷ 目標 810,000 = 48.3% ですが自己評価は A',
    );
    expect(ratingKpiMismatch(ruled, node, 2022, 'A')?.steps).toBe(2);
    expect(ratingKpiMismatch(ruled, node, 2022, 'B')).toBe(undefined);
  });
});
