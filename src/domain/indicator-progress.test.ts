import { describe, expect, it } from 'vitest';
import { indicatorProgress } from './indicator-progress.ts';
import { Indicator } from './plan-document.ts';

const buildIndicator = (overrides: Partial<import('zod').input<typeof Indicator>>) =>
  Indicator.parse({ key: 'kpi', name: 'KPI', kind: 'level', ...overrides });

// Ogori 1-3: フォロワー数を R6年度末までに 10,000 に。
const followers = buildIndicator({
  name: 'フォロワー数',
  kind: 'level',
  baseline: { fy: 2020, value: 2500 },
  target: { fy: 2024, value: 10000 },
  values: [
    { fy: 2021, actual: 6835 },
    { fy: 2022, actual: 8104 },
    { fy: 2023, target: 9000 },
  ],
});
// Ogori 1-1: 利用件数 R4～R6年度累計81件。
const talks = buildIndicator({
  kind: 'cumulative',
  target: { fy: 2024, fromFy: 2022, value: 81 },
  values: [
    { fy: 2021, actual: 16 },
    { fy: 2022, actual: 6, actualNote: '車座トーク0件、出前トーク6件' },
  ],
});
// Ogori 1-2: インプレッション数 R4～R6年度累計810,000件。
const impressions = buildIndicator({
  kind: 'cumulative',
  target: { fy: 2024, fromFy: 2022, value: 810000 },
  values: [{ fy: 2022, actual: 390846 }],
});

describe('indicatorProgress', () => {
  it('divides the latest actual by a level target (Ogori 1-3)', () => {
    const p = indicatorProgress(followers, { asOfFy: 2022 });
    expect(p).toEqual({
      percent: 81.04,
      status: 'computed',
      actualUsed: 8104,
      actualFy: 2022,
      targetUsed: 10000,
      missingFys: [],
      formula: { ja: '8,104 ÷ 10,000 = 81.0%', en: '8,104 ÷ 10,000 = 81.0%' },
      provisional: false,
      basis: null,
    });
  });

  it('uses the latest reported year when the asked year is not in yet', () => {
    const p = indicatorProgress(followers, { asOfFy: 2023 });
    expect([p.actualUsed, p.actualFy, p.percent]).toEqual([8104, 2022, 81.04]);
  });

  it('sums increments from the target start year (Ogori 1-1)', () => {
    const p = indicatorProgress(talks, { asOfFy: 2022 });
    expect(p.percent).toBe(600 / 81);
    expect(p.percent).toBeCloseTo(7.4074074, 6);
    expect(p.actualUsed).toBe(6);
    expect(p.formula).toEqual({ ja: '累計 6 ÷ 目標 81 = 7.4%', en: 'total 6 ÷ target 81 = 7.4%' });
  });

  it('gives 48.3 % for 390,846 of 810,000 (Ogori 1-2)', () => {
    const p = indicatorProgress(impressions, { asOfFy: 2022 });
    expect(p.percent).toBeCloseTo(48.252592592, 8);
    expect(p.formula.ja).toBe('累計 390,846 ÷ 目標 810,000 = 48.3%');
  });

  it('starts counting at the plan start when the target names no start year', () => {
    const ind = buildIndicator({
      kind: 'cumulative',
      target: { fy: 2024, value: 30 },
      values: [
        { fy: 2021, actual: 100 },
        { fy: 2022, actual: 5 },
        { fy: 2023, actual: 10, provisional: true },
      ],
    });
    const p = indicatorProgress(ind, { asOfFy: 2023, planStartFy: 2022 });
    expect([p.actualUsed, p.percent, p.provisional]).toEqual([15, 50, true]);
  });

  it('reports a gap in a cumulative range instead of treating it as 0', () => {
    const ind = buildIndicator({
      kind: 'cumulative',
      target: { fy: 2024, fromFy: 2022, value: 30 },
      values: [
        { fy: 2022, actual: 5 },
        { fy: 2023, actual: null },
        { fy: 2024, actual: 10 },
      ],
    });
    const p = indicatorProgress(ind, { asOfFy: 2024 });
    expect([p.status, p.percent, p.missingFys]).toEqual(['missing-actual', null, [2023]]);
  });

  it('divides the latest running total by the target', () => {
    const ind = buildIndicator({
      kind: 'cumulative',
      valueBasis: 'running-total',
      target: { fy: 2024, value: 200 },
      values: [
        { fy: 2022, actual: 40 },
        { fy: 2023, actual: 90 },
      ],
    });
    expect(indicatorProgress(ind, { asOfFy: 2023 }).percent).toBe(45);
  });

  it('measures lower-is-better against the baseline (待機児童数)', () => {
    const ind = buildIndicator({
      direction: 'lower',
      baseline: { fy: 2021, value: 20 },
      target: { fy: 2024, value: 0 },
      values: [{ fy: 2022, actual: 5 }],
    });
    const p = indicatorProgress(ind, { asOfFy: 2022, basis: 'by-kind' });
    expect(p.percent).toBe(75);
    expect(p.formula.ja).toBe('(20 − 5) ÷ (20 − 0) = 75.0%');
  });

  it('only divides a lower-is-better actual by its target when the plan declares no basis', () => {
    const ind = buildIndicator({
      direction: 'lower',
      baseline: { fy: 2021, value: 20 },
      target: { fy: 2024, value: 4 },
      values: [{ fy: 2022, actual: 5 }],
    });
    const p = indicatorProgress(ind, { asOfFy: 2022 });
    expect([p.percent, p.basis, p.formula]).toEqual([
      125,
      null,
      { ja: '5 ÷ 4 = 125.0%（少ないほど良い指標）', en: '5 ÷ 4 = 125.0% (lower is better)' },
    ]);
  });

  it('falls back to target ÷ actual for lower-is-better without a baseline', () => {
    const ind = buildIndicator({
      direction: 'lower',
      target: { fy: 2024, value: 3 },
      values: [{ fy: 2022, actual: 4 }],
    });
    const p = indicatorProgress(ind, { asOfFy: 2022, basis: 'by-kind' });
    expect(p.percent).toBe(75);
    expect(p.formula.en).toBe('target 3 ÷ actual 4 = 75.0% (lower is better)');
    const met = indicatorProgress(
      { ...ind, values: [{ ...ind.values[0]!, actual: 0 }] },
      { asOfFy: 2022, basis: 'by-kind' },
    );
    expect([met.percent, met.formula.ja]).toEqual([100, '実績 0 ≦ 目標 3 → 100%']);
  });

  it('counts a milestone as done or not', () => {
    const ind = buildIndicator({
      kind: 'milestone',
      target: { fy: 2024, value: 1 },
      values: [{ fy: 2022, actual: 0 }],
    });
    const byKind = { asOfFy: 2022, basis: 'by-kind' } as const;
    expect(indicatorProgress(ind, byKind).percent).toBe(0);
    expect(indicatorProgress({ ...ind, values: [{ ...ind.values[0]!, actual: 1 }] }, byKind).percent).toBe(100);
    // Without a declared basis a milestone is only done or not: no percentage.
    const plain = indicatorProgress(ind, { asOfFy: 2022 });
    expect([plain.status, plain.percent, plain.formula.ja]).toEqual(['no-method', null, '未達成']);
  });

  it('judges a year against the target in force then', () => {
    const revised = buildIndicator({
      target: { fy: 2024, value: 12000, inForceFromFy: 2023 },
      targetHistory: [{ fromFy: 2022, value: 10000, note: '当初目標' }],
      values: [
        { fy: 2022, actual: 8104 },
        { fy: 2023, actual: 9000 },
      ],
    });
    expect(indicatorProgress(revised, { asOfFy: 2022 }).formula.ja).toBe('8,104 ÷ 10,000 = 81.0%');
    expect(indicatorProgress(revised, { asOfFy: 2023 }).formula.ja).toBe('9,000 ÷ 12,000 = 75.0%');
  });

  it('never reads a missing actual as 0', () => {
    const ind = buildIndicator({ target: { fy: 2024, value: 10 }, values: [{ fy: 2022, actual: null }] });
    const p = indicatorProgress(ind, { asOfFy: 2022 });
    expect([p.status, p.percent, p.formula.ja]).toEqual(['missing-actual', null, '実績未入力']);
  });

  it('says why nothing was computed', () => {
    expect(indicatorProgress(buildIndicator({ kind: 'text' }), { asOfFy: 2022 }).status).toBe('not-numeric');
    const noTarget = buildIndicator({ values: [{ fy: 2022, actual: 3 }] });
    expect(indicatorProgress(noTarget, { asOfFy: 2022 }).status).toBe('no-target');
  });
});

describe('a year whose actual is missing for a stated reason', () => {
  const points = buildIndicator({
    unit: '箇所',
    target: { fy: 2026, value: 10 },
    values: [
      { fy: 2024, actual: 4 },
      { fy: 2025, actual: null, missingReason: 'not-applicable' },
    ],
  });

  it('names the earlier year whose actual stands in, and the reason, in both languages', () => {
    for (const basis of [null, 'level'] as const) {
      const p = indicatorProgress(points, { asOfFy: 2025, basis });
      expect([p.percent, p.actualFy, p.formula]).toEqual([
        40,
        2024,
        {
          ja: `${basis ? '実績 4 ÷ 目標 10' : '4 ÷ 10'} = 40.0%（令和6年度の実績。令和7年度は該当なし）`,
          en: `${basis ? 'actual 4 ÷ target 10' : '4 ÷ 10'} = 40.0% (actual of FY2024; FY2025: not applicable)`,
        },
      ]);
    }
    // The year itself reported: nothing added.
    expect(indicatorProgress(points, { asOfFy: 2024, basis: 'level' }).formula.ja).toBe('実績 4 ÷ 目標 10 = 40.0%');
  });

  it('names the years as the plan does: a calendar-year plan, an English April-start plan, a calendar indicator', () => {
    const formula = (years: Parameters<typeof indicatorProgress>[1]['years'], indicator = points) =>
      indicatorProgress(indicator, { asOfFy: 2025, basis: 'level', years }).formula;
    expect(formula({ startMonth: 1 })).toEqual({
      ja: '実績 4 ÷ 目標 10 = 40.0%（2024年の実績。2025年は該当なし）',
      en: 'actual 4 ÷ target 10 = 40.0% (actual of 2024; 2025: not applicable)',
    });
    expect(formula({ startMonth: 4, language: 'en' }).en).toBe(
      'actual 4 ÷ target 10 = 40.0% (actual of 2024/25; 2025/26: not applicable)',
    );
    // Counted by calendar year in an April-start Japanese plan: 年, never 年度.
    expect(formula({ startMonth: 4 }, { ...points, yearBasis: 'calendar' }).ja).toBe(
      '実績 4 ÷ 目標 10 = 40.0%（2024年の実績。2025年は該当なし）',
    );
  });
});
