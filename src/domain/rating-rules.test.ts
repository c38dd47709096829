import { describe, expect, it } from 'vitest';
import { Indicator, RatingRule } from './plan-document.ts';
import { deriveRating, levelForPercent } from './rating-rules.ts';

const byKind = () => 'by-kind' as const;

const rule = RatingRule.parse({
  scale: 'grade',
  basis: 'indicator-progress',
  thresholds: [
    { minPercent: 0, level: 'C' },
    { minPercent: 80, level: 'A' },
    { minPercent: 50, level: 'B' },
  ],
});
const level = (key: string, target: number, actual: number | null) =>
  Indicator.parse({
    key,
    name: key,
    kind: 'level',
    target: { fy: 2024, value: target },
    values: [{ fy: 2022, actual }],
  });

describe('levelForPercent', () => {
  it('picks the highest threshold reached, in any written order', () => {
    expect([
      levelForPercent(rule, 85),
      levelForPercent(rule, 80),
      levelForPercent(rule, 79.9),
      levelForPercent(rule, 0),
    ]).toEqual(['A', 'A', 'B', 'C']);
    expect(levelForPercent({ thresholds: [{ minPercent: 10, level: 'x' }] }, 5)).toBe(null);
    // 37.8 ÷ 42.0 prints 90.0 % and is 90 %: it reaches a 90 threshold.
    expect(levelForPercent({ thresholds: [{ minPercent: 90, level: 'A' }] }, (37.8 * 100) / 42)).toBe('A');
  });
});

describe('deriveRating', () => {
  it('rates from the mean of the KPIs', () => {
    const r = deriveRating([level('a', 10000, 8104), level('b', 10, 9)], rule, { asOfFy: 2022, basisOf: byKind });
    expect([r.level, r.reason]).toEqual(['A', null]);
    // (81.04 + 90) / 2
    expect(r.percent).toBeCloseTo(85.52, 10);
  });

  it('rates from the lowest KPI when the rule combines by min', () => {
    const r = deriveRating(
      [level('a', 10000, 8104), level('b', 10, 4)],
      { ...rule, combine: 'min' },
      { asOfFy: 2022, basisOf: byKind },
    );
    expect([r.level, r.percent]).toEqual(['C', 40]);
  });

  it('gives no level, with the reason, when a KPI is unreported', () => {
    const r = deriveRating([level('a', 10, 9), level('b', 10, null)], rule, { asOfFy: 2022, basisOf: byKind });
    expect([r.level, r.reason?.code, r.reason?.message]).toEqual([
      null,
      'indicator-not-computed',
      'KPI（b）の実績または目標がないため自動評価できません',
    ]);
  });

  it('gives no level without numeric KPIs or below every threshold', () => {
    expect(deriveRating([], rule, { asOfFy: 2022, basisOf: byKind }).reason?.code).toBe('no-numeric-indicator');
    const strict = { ...rule, thresholds: [{ minPercent: 50, level: 'B' }] };
    expect(deriveRating([level('a', 10, 1)], strict, { asOfFy: 2022, basisOf: byKind }).reason?.code).toBe(
      'below-all-thresholds',
    );
  });
});
