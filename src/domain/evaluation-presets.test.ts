import { describe, expect, it } from 'vitest';
import { buildAbcdPlan } from './abcd-test-plan.ts';
import { bandLevel } from './band-level.ts';
import { EVALUATION_PRESETS } from './evaluation-presets.ts';
import { initiativeStatus } from './initiative-status.ts';
import type { PlanNodeInput } from './plan-document.ts';
import { findNode } from './plan-tree.ts';

// A fictional plan (2023–2027) judged by each preset; the figures are worked out by hand beside each case.
const kpi = (values: { fy: number; actual: number; target?: number }[], extra: Record<string, unknown> = {}) => ({
  key: 'k',
  name: '指標',
  kind: 'level' as const,
  target: { fy: 2027, value: 100 },
  values,
  ...extra,
});
const judge = (preset: keyof typeof EVALUATION_PRESETS, nodes: PlanNodeInput[], fy: number) => {
  const plan = buildAbcdPlan(nodes, { evaluation: EVALUATION_PRESETS[preset].evaluation });
  return nodes.map((n) => {
    const s = initiativeStatus(plan, findNode(plan, n.code)!, fy);
    return s && [n.code, s.level?.key ?? null, s.measure, s.raisedByImprovement];
  });
};

describe('evaluation presets', () => {
  it('self-rating only: no verdict at all', () => {
    expect(
      judge('self-rating-only', [{ code: 'a', title: 'a', indicators: [kpi([{ fy: 2025, actual: 5 }])] }], 2025),
    ).toEqual([null]);
  });

  it('expected-path bands: 37.8 ÷ 42 = 90.0 % is B+, 42 ÷ 42 A, 25.2 ÷ 42 = 60.0 % B, 25.1 ÷ 42 = 59.8 % C', () => {
    const node = (code: string, actual: number) => ({
      code,
      title: code,
      indicators: [kpi([{ fy: 2025, target: 42, actual }])],
    });
    expect(
      judge('expected-path-bands', [node('a', 37.8), node('b', 42), node('c', 25.2), node('d', 25.1)], 2025),
    ).toEqual([
      ['a', 'B+', 90, false],
      ['b', 'A', 100, false],
      ['c', 'B', 60, false],
      ['d', 'C', 59.8, false],
    ]);
  });

  it('pro rata with tolerance: 3rd year of 5 expects 60 %; 55 % is 5 points behind (amber), 45 % red, 60 % green', () => {
    const node = (code: string, actual: number) => ({ code, title: code, indicators: [kpi([{ fy: 2025, actual }])] });
    expect(judge('pro-rata-with-tolerance', [node('a', 55), node('b', 45), node('c', 60)], 2025)).toEqual([
      ['a', 'amber', -5, false],
      ['b', 'red', -15, false],
      ['c', 'green', 0, false],
    ]);
  });

  it('RAG with tolerance and travel: 92 amber, 100 green, 85 red raised to amber after 80, 85 red after 90', () => {
    const node = (code: string, before: number, now: number) => ({
      code,
      title: code,
      indicators: [
        kpi([
          { fy: 2024, actual: before },
          { fy: 2025, actual: now },
        ]),
      ],
    });
    expect(
      judge(
        'rag-tolerance-travel',
        [node('a', 90, 92), node('b', 95, 100), node('c', 80, 85), node('d', 90, 85)],
        2025,
      ),
    ).toEqual([
      ['a', 'amber', 92, false],
      ['b', 'green', 100, false],
      ['c', 'amber', 85, true],
      ['d', 'red', 85, false],
    ]);
  });

  it('SDG growth rate (Open SDG): 20 → 21 in 3 years against 20 → 23 in 5 is 57.8 % of the required growth, limited', () => {
    const sdg = (code: string, actual: number) => ({
      code,
      title: code,
      indicators: [kpi([{ fy: 2025, actual }], { baseline: { fy: 2022, value: 20 }, target: { fy: 2027, value: 23 } })],
    });
    // Required (23/20)^(1/5) − 1 = 0.028346 a year. (21/20)^(1/3) − 1 = 0.016396 → 0.5784 (0 ≤ R < 0.6: limited);
    // (22/20)^(1/3) − 1 = 0.032280 → 1.1388 (≥ 0.95: on track); 23 has reached the target (target achieved,
    // whatever the growth); (19/20)^(1/3) − 1 = −0.016952 → −0.5980 (< 0: deterioration). Unrounded, as Open SDG.
    const ratio = (actual: number) =>
      Number(((((actual / 20) ** (1 / 3) - 1) * 100) / ((23 / 20) ** (1 / 5) - 1)).toPrecision(15));
    expect(judge('sdg-growth-rate', [sdg('a', 21), sdg('b', 22), sdg('c', 23), sdg('d', 19)], 2025)).toEqual([
      ['a', 'limited', ratio(21), false],
      ['b', 'on-track', ratio(22), false],
      ['c', 'achieved', ratio(23), false],
      ['d', 'deterioration', ratio(19), false],
    ]);
    expect([ratio(21), ratio(22), ratio(19)].map((r) => r.toFixed(2))).toEqual(['57.84', '113.88', '-59.80']);
  });

  it('SDG growth rate: the edges 95, 60 and 0 belong to the band above them, just below them to the band below', () => {
    const bands = EVALUATION_PRESETS['sdg-growth-rate'].evaluation.status.bands;
    const at = (x: number) =>
      bandLevel(
        bands.map((b) => ({ inclusive: true, ...b })),
        x,
      );
    expect([95, 94.999, 60, 59.999, 0, -0.001].map(at)).toEqual([
      'on-track',
      'acceleration-needed',
      'acceleration-needed',
      'limited',
      'limited',
      'deterioration',
    ]);
  });
});
