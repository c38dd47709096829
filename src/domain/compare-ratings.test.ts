import { describe, expect, it } from 'vitest';
import { buildAbcdPlan, waitingList } from './abcd-test-plan.ts';
import { compareRatings } from './compare-ratings.ts';
import { findNode } from './plan-tree.ts';

const plan = buildAbcdPlan([
  {
    code: '1-1-1',
    title: '保育所の定員拡大',
    indicators: [waitingList({ 2023: 14, 2024: 6 })],
    assessments: [
      { fy: 2023, level: 'D' },
      { fy: 2024, level: 'B', comment: '年度目標を大きく下回った' },
      { fy: 2024, scale: 'improvement', level: 'improved' },
    ],
  },
  { code: '1-1-2', title: 'KPIのない事業', assessments: [{ fy: 2024, level: 'C' }] },
  { code: '1-1-3', title: '未評価の事業', indicators: [waitingList({ 2024: 0 })] },
]);
const node = (code: string) => findNode(plan, code)!;

describe('compareRatings', () => {
  it('shows the self-rating beside the rule rating and flags the disagreement', () => {
    expect(compareRatings(plan, node('1-1-1'), 2024)).toEqual({
      fy: 2024,
      scaleKey: 'achievement',
      self: { level: 'B', label: 'B', comment: '年度目標を大きく下回った' },
      // (25 − 6) ÷ (25 − 0) = 76 %: at least 50, below 80 → C
      rule: {
        level: 'C',
        label: 'C',
        percent: 76,
        formula: { ja: '(25 − 6) ÷ (25 − 0) = 76.0%', en: '(25 − 6) ÷ (25 − 0) = 76.0%' },
      },
      ruleReason: null,
      disagree: true,
      steps: 1,
    });
  });

  it('agrees when both give the same level', () => {
    // (25 − 14) ÷ 25 = 44 % → D, and staff rated D
    const r = compareRatings(plan, node('1-1-1'), 2023);
    expect([r.self?.level, r.rule?.level, r.rule?.percent, r.disagree, r.steps]).toEqual(['D', 'D', 44, false, 0]);
  });

  it('gives the rule rating alone when staff have not rated, and never a disagreement', () => {
    const r = compareRatings(plan, node('1-1-3'), 2024);
    expect([r.self, r.rule?.level, r.disagree, r.steps]).toEqual([null, 'A', false, null]);
  });

  it('says why there is no rule rating', () => {
    const noKpi = compareRatings(plan, node('1-1-2'), 2024);
    expect([noKpi.self?.level, noKpi.rule, noKpi.ruleReason?.code, noKpi.disagree]).toEqual([
      'C',
      null,
      'no-numeric-indicator',
      false,
    ]);
    const otherScale = compareRatings(plan, node('1-1-1'), 2024, { scale: 'improvement' });
    expect([otherScale.self?.label, otherScale.ruleReason?.message]).toEqual([
      '○',
      '評価尺度「改善度」には自動評価の基準がありません',
    ]);
    expect(compareRatings(plan, node('1-1-3'), 2022).ruleReason?.code).toBe('indicator-not-computed');
  });
});
