import { describe, expect, it } from 'vitest';
import { formatPlanYear, formatPlanYearSpan } from './format-plan-year.ts';

describe('formatPlanYear', () => {
  it('labels a calendar-year plan by the year, with no era and no FY', () => {
    const cal = { fiscalYearStartMonth: 1 };
    expect([formatPlanYear(2015, cal, 'ja'), formatPlanYear(2015, cal, 'en', 'both')]).toEqual(['2015年', '2015']);
    expect(formatPlanYearSpan(2025, 2030, cal, 'en')).toBe('2025–2030');
  });

  it('gives an English plan its 2025/26 years and never a Japanese era', () => {
    const uk = { language: 'en' as const, fiscalYearStartMonth: 4 };
    expect([formatPlanYear(2025, uk, 'en'), formatPlanYear(2099, uk, 'en'), formatPlanYear(2025, uk, 'ja')]).toEqual([
      '2025/26',
      '2099/00',
      '2025年度',
    ]);
    expect(formatPlanYearSpan(2025, 2028, uk, 'en')).toBe('2025/26–2028/29');
  });

  it('keeps 和暦 for a Japanese plan', () => {
    const jp = { fiscalYearStartMonth: 4 };
    expect([
      formatPlanYear(2022, jp, 'ja'),
      formatPlanYear(2022, jp, 'en'),
      formatPlanYear(2022, jp, 'en', 'both'),
    ]).toEqual(['令和4年度', 'FY2022', 'FY2022 (R4)']);
  });
});
