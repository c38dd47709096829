import { formatCalendarYear, formatFiscalYear } from './fiscal-year.ts';
import { formatPlanYear, MONTH_EN, PART_JA } from './format-plan-year.ts';
import type { Indicator } from './plan-document.ts';
import { type Period, periodSpan } from './reporting-period.ts';

export interface IndicatorPeriodOptions {
  lang?: 'ja' | 'en';
  startMonth?: number;
  /**
   * The plan's primary language, when known: an English plan's years read 2025/26 (or 2025 for calendar values)
   * and never carry a Japanese era or "FY"/"CY".
   */
  language?: 'ja' | 'en' | undefined;
}

/** The year label of an indicator value, fiscal (年度) or calendar (年) per the indicator. */
function yearLabelOf(calendar: boolean, year: number, lang: 'ja' | 'en', startMonth: number, language?: 'ja' | 'en') {
  // An English plan's years, and a calendar-year plan's, are named as the plan names them (2025/26, 2025).
  if (language === 'en' || (startMonth === 1 && !calendar)) {
    return formatPlanYear(year, { language, fiscalYearStartMonth: calendar ? 1 : startMonth }, lang);
  }
  return calendar ? formatCalendarYear(year, { lang }) : formatFiscalYear(year, { lang, startMonth });
}

/**
 * Labels the year (and part of the year) an indicator value belongs to, as 年度 (fiscal) or 年 (calendar) per the
 * indicator's `yearBasis`, so a plan that mixes both never prints 2023年 as 令和5年度. Parts of a year name their
 * months, counted from the plan's fiscal-year start month for fiscal values and from January for calendar ones.
 * @example formatIndicatorPeriod({ yearBasis: 'fiscal' }, 2024, 'Q1') // "令和6年度 第1四半期（4～6月）"
 * @example formatIndicatorPeriod({ yearBasis: 'fiscal' }, 2024, 'M10') // "令和6年度 1月"
 * @example formatIndicatorPeriod({ yearBasis: 'calendar' }, 2024) // "2024年"
 * @example formatIndicatorPeriod({ yearBasis: 'calendar' }, 2024, 'FY', { lang: 'en' }) // "CY2024"
 * @example formatIndicatorPeriod({ yearBasis: 'fiscal' }, 2025, 'Q3', { lang: 'en', language: 'en' }) // "2025/26 Q3 (Oct–Dec)"
 */
export function formatIndicatorPeriod(
  indicator: Pick<Indicator, 'yearBasis'>,
  year: number,
  period: Period = 'FY',
  options: IndicatorPeriodOptions = {},
): string {
  const { lang = 'ja', startMonth = 4, language } = options;
  const calendar = indicator.yearBasis === 'calendar';
  const yearLabel = yearLabelOf(calendar, year, lang, startMonth, language);
  if (period === 'FY') return yearLabel;
  const span = periodSpan(period);
  const firstMonth = ((calendar ? 0 : startMonth - 1) + span.first) % 12;
  const lastMonth = (firstMonth + span.months - 1) % 12;
  if (span.months === 1)
    return lang === 'en' ? `${yearLabel} ${MONTH_EN[firstMonth]}` : `${yearLabel} ${firstMonth + 1}月`;
  if (lang === 'en') return `${yearLabel} ${period} (${MONTH_EN[firstMonth]}–${MONTH_EN[lastMonth]})`;
  return `${yearLabel} ${PART_JA[period]}（${firstMonth + 1}～${lastMonth + 1}月）`;
}
