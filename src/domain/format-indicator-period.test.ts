import { describe, expect, it } from 'vitest';
import { formatIndicatorPeriod } from './format-indicator-period.ts';

const fiscal = { yearBasis: 'fiscal' as const };
const calendar = { yearBasis: 'calendar' as const };

describe('formatIndicatorPeriod', () => {
  it('labels fiscal values 年度 and calendar values 年, side by side in one plan', () => {
    expect(formatIndicatorPeriod(fiscal, 2023)).toBe('令和5年度');
    expect(formatIndicatorPeriod(calendar, 2023)).toBe('2023年');
    expect(formatIndicatorPeriod(fiscal, 2023, 'FY', { lang: 'en' })).toBe('FY2023');
    expect(formatIndicatorPeriod(calendar, 2023, 'FY', { lang: 'en' })).toBe('CY2023');
  });

  it('names the months of a quarter or half from the fiscal-year start month', () => {
    expect(formatIndicatorPeriod(fiscal, 2024, 'Q1')).toBe('令和6年度 第1四半期（4～6月）');
    expect(formatIndicatorPeriod(fiscal, 2024, 'Q4')).toBe('令和6年度 第4四半期（1～3月）');
    expect(formatIndicatorPeriod(fiscal, 2024, 'H2')).toBe('令和6年度 下半期（10～3月）');
    expect(formatIndicatorPeriod(fiscal, 2024, 'Q2', { lang: 'en' })).toBe('FY2024 Q2 (Jul–Sep)');
    expect(formatIndicatorPeriod(calendar, 2024, 'Q1')).toBe('2024年 第1四半期（1～3月）');
    expect(formatIndicatorPeriod(calendar, 2024, 'H2', { lang: 'en' })).toBe('CY2024 H2 (Jul–Dec)');
  });

  it('follows a plan whose fiscal year starts in another month', () => {
    expect(formatIndicatorPeriod(fiscal, 2024, 'Q1', { startMonth: 7, lang: 'en' })).toBe('FY2024 Q1 (Jul–Sep)');
    // A plan whose year is the calendar year names it by the year, never by an era (2024年, not 令和6年度).
    expect(formatIndicatorPeriod(fiscal, 2024, 'Q3', { startMonth: 1 })).toBe('2024年 第3四半期（7～9月）');
    expect(formatIndicatorPeriod(fiscal, 2024, 'Q3', { startMonth: 1, lang: 'en' })).toBe('2024 Q3 (Jul–Sep)');
  });
});
