import { describe, expect, it } from 'vitest';
import { Indicator } from './plan-document.ts';
import { periodBasisOf, yearToDate } from './year-to-date.ts';

// 保育士就職支援金: grants paid per quarter (increments), a new count every fiscal year.
const grants = Indicator.parse({
  key: 'grants',
  name: '保育士就職支援金の交付件数',
  unit: '件',
  kind: 'cumulative',
  target: { fy: 2027, fromFy: 2023, value: 60 },
  values: [
    { fy: 2023, actual: 11 },
    { fy: 2024, period: 'Q1', actual: 3 },
    { fy: 2024, period: 'Q2', actual: 4 },
    { fy: 2024, period: 'Q3', actual: 2, provisional: true },
    { fy: 2024, period: 'Q4', actual: 5 },
    { fy: 2025, period: 'Q1', actual: 2 },
    { fy: 2025, period: 'Q3', actual: 6 },
  ],
});

// 認知症サポーター: a running total reported at the end of each half.
const supporters = Indicator.parse({
  key: 'supporters',
  name: '認知症サポーター養成者数（累計）',
  kind: 'cumulative',
  valueBasis: 'running-total',
  values: [
    { fy: 2024, period: 'H1', actual: 9530 },
    { fy: 2024, period: 'H2', actual: 9905 },
    { fy: 2024, actual: 9905 },
  ],
});

describe('yearToDate', () => {
  it('sums quarterly increments from the start of the fiscal year', () => {
    expect(yearToDate(grants, 2024, 'Q1')).toMatchObject({ value: 3, used: ['Q1'], formula: { ja: '3' } });
    expect(yearToDate(grants, 2024, 'Q3')).toEqual({
      value: 9,
      used: ['Q1', 'Q2', 'Q3'],
      missing: [],
      basis: 'increment',
      provisional: true,
      formula: { ja: '3 + 4 + 2 = 9', en: '3 + 4 + 2 = 9' },
    });
    expect(yearToDate(grants, 2024, 'H1')).toMatchObject({ value: 7, used: ['Q1', 'Q2'], provisional: false });
    expect(yearToDate(grants, 2024, 'FY')).toMatchObject({ value: 14, formula: { ja: '3 + 4 + 2 + 5 = 14' } });
  });

  it('starts again at the new fiscal year and never reads a missing quarter as 0', () => {
    expect(yearToDate(grants, 2025, 'Q1').value).toBe(2);
    expect(yearToDate(grants, 2025, 'Q3')).toMatchObject({
      value: null,
      used: [],
      missing: ['Q2'],
      formula: { ja: 'Q2の実績なし', en: 'no actual for Q2' },
    });
  });

  it('uses the whole-year value when one is reported, and says when the year has none', () => {
    expect(yearToDate(grants, 2023, 'FY')).toMatchObject({ value: 11, used: ['FY'], formula: { ja: '年度計 11' } });
    expect(yearToDate(grants, 2022, 'FY')).toMatchObject({ value: null, missing: ['FY'] });
  });

  it('reads year-to-date figures as reported, by half', () => {
    expect(periodBasisOf(supporters)).toBe('year-to-date');
    expect(yearToDate(supporters, 2024, 'H1')).toMatchObject({
      value: 9530,
      used: ['H1'],
      formula: { ja: 'H1 9,530' },
    });
    expect(yearToDate(supporters, 2024, 'FY').value).toBe(9905);
    expect(yearToDate(supporters, 2024, 'Q1')).toMatchObject({ value: null, missing: ['Q1'] });
  });

  it('sums half-year increments when the indicator says so', () => {
    const views = Indicator.parse({
      key: 'views',
      name: '閲覧数',
      kind: 'level',
      periodBasis: 'increment',
      values: [
        { fy: 2024, period: 'H1', actual: 121500 },
        { fy: 2024, period: 'H2', actual: 118900 },
      ],
    });
    expect(yearToDate(views, 2024, 'H2')).toMatchObject({
      value: 240400,
      formula: { ja: '121,500 + 118,900 = 240,400' },
    });
  });
});
