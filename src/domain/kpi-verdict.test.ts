import { describe, expect, it } from 'vitest';
import { buildAbcdPlan } from './abcd-test-plan.ts';
import { kpiVerdict, kpiVerdictCounts } from './kpi-verdict.ts';
import { leafNodes } from './plan-tree.ts';

// Fictional plan, target 42 each: 42 → 100 % 達成; 37.8 → 90.0 % 未達成; 未公表 and 該当なし missing.
const ind = (key: string, value: Record<string, unknown>) => ({
  key,
  name: key,
  kind: 'level' as const,
  target: { fy: 2027, value: 42 },
  values: [{ fy: 2024, ...value }],
});
const nodes = [
  { code: 'a', title: 'a', indicators: [ind('full', { actual: 42 }), ind('near', { actual: 37.8 })] },
  {
    code: 'b',
    title: 'b',
    indicators: [ind('np', { missingReason: 'not-published' }), ind('na', { missingReason: 'not-applicable' })],
  },
  { code: 'c', title: 'c', indicators: [ind('none', {})] },
];
const plan = (extra: Record<string, unknown> = {}) =>
  buildAbcdPlan(nodes, {
    evaluation: { progress: { basis: 'level' }, kpiVerdict: { missing: { 'not-applicable': 'excluded' }, ...extra } },
  });

describe('kpiVerdict', () => {
  it('gives 達成 / 未達成 / 測定不能 with the reason, and leaves 該当なし out of the denominator as declared', () => {
    const p = plan();
    const all = leafNodes(p).flatMap((n) => n.indicators.map((i) => kpiVerdict(p, i, 2024)));
    expect(all.map((v) => [v?.label.ja, v?.percent, v?.reason])).toEqual([
      ['達成', 100, null],
      ['未達成', 90, null],
      ['測定不能', null, 'not-published'],
      ['集計対象外', null, 'not-applicable'],
      ['測定不能', null, 'not-entered'],
    ]);
    expect(kpiVerdictCounts(p, leafNodes(p), 2024)).toEqual({
      achieved: 1,
      notAchieved: 1,
      unmeasurable: 2,
      excluded: 1,
      denominator: 4,
    });
  });

  it('judges at the declared edge after the declared rounding: 37.8 ÷ 42 = 90.0 % reaches 90', () => {
    const p = plan({ achievedFrom: 90 });
    expect(kpiVerdict(p, leafNodes(p)[0]!.indicators[1]!, 2024)?.verdict).toBe('achieved');
  });

  it('gives nothing when the plan declares no KPI verdict', () => {
    const bare = buildAbcdPlan(nodes);
    expect([
      kpiVerdict(bare, leafNodes(bare)[0]!.indicators[0]!, 2024),
      kpiVerdictCounts(bare, leafNodes(bare), 2024),
    ]).toEqual([null, null]);
  });
});
