import { describe, expect, it } from 'vitest';
import { formatIndicatorPeriod } from './format-indicator-period.ts';
import { formatPlanPeriod } from './format-plan-year.ts';
import { Indicator, PlanDocument } from './plan-document.ts';
import { comparePeriods, PERIODS, periodSpan } from './reporting-period.ts';
import { yearToDate } from './year-to-date.ts';

const indicator = (over: Record<string, unknown>) =>
  Indicator.parse({ key: 'k', name: 'Fictional measure', kind: 'level', ...over });

describe('periods inside a fiscal year', () => {
  it('count months, quarters and halves from the start of the fiscal year', () => {
    expect(periodSpan('M01')).toEqual({ first: 0, months: 1 });
    expect(periodSpan('M12')).toEqual({ first: 11, months: 1 });
    expect(periodSpan('Q3')).toEqual({ first: 6, months: 3 });
    expect(periodSpan('H2')).toEqual({ first: 6, months: 6 });
    expect(periodSpan('FY')).toEqual({ first: 0, months: 12 });
  });

  it('sort by the month they end, shorter first, the whole year last', () => {
    expect(
      ['FY', 'H1', 'Q2', 'M06', 'Q1', 'M03', 'H2', 'Q4', 'M12'].sort((a, b) => comparePeriods(a as never, b as never)),
    ).toEqual(['M03', 'Q1', 'M06', 'Q2', 'H1', 'M12', 'Q4', 'H2', 'FY']);
    expect(PERIODS).toHaveLength(19);
  });
});

describe('year to date by outturn type', () => {
  // Monthly increments in a calendar-year plan: the sum starts again in January.
  const visits = indicator({
    kind: 'cumulative',
    periodBasis: 'increment',
    values: [
      { fy: 2025, period: 'M11', actual: 40 },
      { fy: 2025, period: 'M12', actual: 35 },
      { fy: 2026, period: 'M01', actual: 12 },
      { fy: 2026, period: 'M02', actual: 20 },
      { fy: 2026, period: 'M03', actual: 18 },
    ],
  });

  it('sums discrete monthly values from the first month of the fiscal year, never across it', () => {
    expect(yearToDate(visits, 2026, 'M03')).toMatchObject({
      value: 50,
      used: ['M01', 'M02', 'M03'],
      formula: { ja: '12 + 20 + 18 = 50', en: '12 + 20 + 18 = 50' },
    });
    expect(yearToDate(visits, 2026, 'Q1')).toMatchObject({ value: 50, used: ['M01', 'M02', 'M03'] });
    expect(yearToDate(visits, 2026, 'M04')).toMatchObject({ value: null, missing: ['M04'] });
    expect(yearToDate(visits, 2026, 'M01')).toMatchObject({ value: 12, used: ['M01'] });
  });

  it('reads a snapshot and a rolling 12-month figure as reported for the period, saying which it is', () => {
    const waiting = indicator({
      periodBasis: 'snapshot',
      values: [
        { fy: 2025, period: 'Q1', actual: 310 },
        { fy: 2025, period: 'Q2', actual: 290 },
      ],
    });
    expect(yearToDate(waiting, 2025, 'Q2')).toEqual({
      value: 290,
      used: ['Q2'],
      missing: [],
      basis: 'snapshot',
      provisional: false,
      formula: { ja: 'Q2 290（期末時点）', en: 'Q2 290 (at period end)' },
    });
    const churn = indicator({ periodBasis: 'rolling-12-months', values: [{ fy: 2025, period: 'Q3', actual: 14.2 }] });
    expect(yearToDate(churn, 2025, 'Q3').formula).toEqual({
      ja: 'Q3 14.2（直近12か月）',
      en: 'Q3 14.2 (rolling 12 months)',
    });
    expect(yearToDate(churn, 2025, 'Q4')).toMatchObject({ value: null, missing: ['Q4'] });
  });
});

describe('period labels', () => {
  it('name a month by its calendar month, counted from the plan start month', () => {
    expect(formatIndicatorPeriod({ yearBasis: 'fiscal' }, 2024, 'M01')).toBe('令和6年度 4月');
    expect(formatIndicatorPeriod({ yearBasis: 'fiscal' }, 2024, 'M10')).toBe('令和6年度 1月');
    expect(formatIndicatorPeriod({ yearBasis: 'fiscal' }, 2024, 'M10', { lang: 'en' })).toBe('FY2024 Jan');
    expect(formatIndicatorPeriod({ yearBasis: 'calendar' }, 2026, 'M03', { lang: 'en' })).toBe('CY2026 Mar');
  });

  it('follow an English plan: 2025/26 for fiscal values, the year alone for calendar ones, no era, no FY', () => {
    const en = { lang: 'en' as const, language: 'en' as const };
    expect(formatIndicatorPeriod({ yearBasis: 'fiscal' }, 2025, 'Q3', en)).toBe('2025/26 Q3 (Oct–Dec)');
    expect(formatIndicatorPeriod({ yearBasis: 'fiscal' }, 2025, 'FY', en)).toBe('2025/26');
    expect(formatIndicatorPeriod({ yearBasis: 'calendar' }, 2025, 'FY', en)).toBe('2025');
    expect(formatIndicatorPeriod({ yearBasis: 'fiscal' }, 2025, 'Q3', { lang: 'ja', language: 'en' })).toBe(
      '2025年度 第3四半期（10～12月）',
    );
    expect(formatIndicatorPeriod({ yearBasis: 'fiscal' }, 2025, 'FY', { startMonth: 1, language: 'en' })).toBe(
      '2025年',
    );
  });

  it('title a period report: Q3 2025/26, 2025年度 第3四半期, 令和7年度 第3四半期, Jan 2026', () => {
    const wren = { language: 'en' as const, fiscalYearStartMonth: 4 };
    expect(formatPlanPeriod(2025, 'Q3', wren, 'en')).toBe('Q3 2025/26');
    expect(formatPlanPeriod(2025, 'Q3', wren, 'ja')).toBe('2025年度 第3四半期');
    expect(formatPlanPeriod(2025, 'Q3', { fiscalYearStartMonth: 4 }, 'ja')).toBe('令和7年度 第3四半期');
    expect(formatPlanPeriod(2025, 'M10', wren, 'en')).toBe('Jan 2026');
    expect(formatPlanPeriod(2025, 'M10', wren, 'ja')).toBe('2025年度 1月');
    expect(formatPlanPeriod(2025, 'H1', { fiscalYearStartMonth: 1 }, 'en')).toBe('H1 2025');
    expect(formatPlanPeriod(2025, 'M12', { fiscalYearStartMonth: 1 }, 'en')).toBe('Dec 2025');
    expect(formatPlanPeriod(2025, 'FY', wren, 'en')).toBe('2025/26');
  });
});

describe('the plan document', () => {
  it('keeps the period a value measures apart from the one it was reported in, and refuses unknown periods', () => {
    const ind = indicator({ values: [{ fy: 2024, actual: 3.1, reportedIn: { fy: 2025, period: 'Q2' } }] });
    expect(ind.values[0]).toMatchObject({ fy: 2024, period: 'FY', reportedIn: { fy: 2025, period: 'Q2' } });
    expect(indicator({ values: [{ fy: 2024, actual: 1, reportedIn: { fy: 2025 } }] }).values[0]?.reportedIn).toEqual({
      fy: 2025,
      period: 'FY',
    });
    expect(() => indicator({ values: [{ fy: 2024, period: 'M13', actual: 1 }] })).toThrow(/"M12"/);
  });

  it('accepts monthly reporting', () => {
    const plan = PlanDocument.parse({
      slug: 'p',
      title: 'Fictional plan',
      period: { startFy: 2025, endFy: 2026 },
      reportingFrequency: 'monthly',
      levels: [{ en: 'Goal' }],
      ratingScales: [
        {
          key: 's',
          name: 'S',
          kind: 'ordinal',
          levels: [
            { key: 'a', label: 'A', score: 1 },
            { key: 'b', label: 'B', score: 2 },
          ],
        },
      ],
      nodes: [],
    });
    expect(plan.reportingFrequency).toBe('monthly');
  });
});
