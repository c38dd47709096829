import { formatCalendarYear, formatFiscalYear } from './fiscal-year.ts';
import type { Indicator, Period } from './plan-document.ts';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PART: Record<Exclude<Period, 'FY'>, { first: number; months: number; ja: string }> = {
  Q1: { first: 0, months: 3, ja: '第1四半期' },
  Q2: { first: 3, months: 3, ja: '第2四半期' },
  Q3: { first: 6, months: 3, ja: '第3四半期' },
  Q4: { first: 9, months: 3, ja: '第4四半期' },
  H1: { first: 0, months: 6, ja: '上半期' },
  H2: { first: 6, months: 6, ja: '下半期' },
};

/**
 * Labels the year (and part of the year) an indicator value belongs to, as 年度 (fiscal) or 年 (calendar) per the
 * indicator's `yearBasis`, so a plan that mixes both never prints 2023年 as 令和5年度. Parts of a year name their
 * months, counted from the plan's fiscal-year start month for fiscal values and from January for calendar ones.
 * @example formatIndicatorPeriod({ yearBasis: 'fiscal' }, 2024, 'Q1') // "令和6年度 第1四半期（4～6月）"
 * @example formatIndicatorPeriod({ yearBasis: 'calendar' }, 2024) // "2024年"
 * @example formatIndicatorPeriod({ yearBasis: 'calendar' }, 2024, 'FY', { lang: 'en' }) // "CY2024"
 */
export function formatIndicatorPeriod(
  indicator: Pick<Indicator, 'yearBasis'>,
  year: number,
  period: Period = 'FY',
  options: { lang?: 'ja' | 'en'; startMonth?: number } = {},
): string {
  const { lang = 'ja', startMonth = 4 } = options;
  const calendar = indicator.yearBasis === 'calendar';
  const yearLabel = calendar ? formatCalendarYear(year, { lang }) : formatFiscalYear(year, { lang, startMonth });
  if (period === 'FY') return yearLabel;
  const part = PART[period];
  const firstMonth = ((calendar ? 0 : startMonth - 1) + part.first) % 12;
  const lastMonth = (firstMonth + part.months - 1) % 12;
  if (lang === 'en') return `${yearLabel} ${period} (${MONTHS_EN[firstMonth]}–${MONTHS_EN[lastMonth]})`;
  return `${yearLabel} ${part.ja}（${firstMonth + 1}～${lastMonth + 1}月）`;
}
