import { type FiscalYearStyle, formatFiscalYear } from './fiscal-year.ts';
import { type Period, periodSpan } from './reporting-period.ts';

/** What decides how a plan names its years: its language and the month its year starts. */
export interface PlanYears {
  /** The plan's primary language; absent means Japanese. */
  language?: 'ja' | 'en' | undefined;
  fiscalYearStartMonth: number;
}

/**
 * A year of a plan as the plan itself names it. A calendar-year plan (start month 1) is labelled by the year
 * alone; an English plan's fiscal year is "2025/26" and never carries a Japanese era; a Japanese plan keeps
 * 令和7年度 / FY2025 (with `style`).
 *
 * @example formatPlanYear(2025, { fiscalYearStartMonth: 1 }, 'en') // "2025"
 * @example formatPlanYear(2025, { language: 'en', fiscalYearStartMonth: 4 }, 'en') // "2025/26"
 * @example formatPlanYear(2022, { fiscalYearStartMonth: 4 }, 'ja') // "令和4年度"
 */
export function formatPlanYear(
  fy: number,
  plan: PlanYears,
  lang: 'ja' | 'en',
  style: FiscalYearStyle = 'long',
): string {
  if (plan.fiscalYearStartMonth === 1) return lang === 'ja' ? `${fy}年` : String(fy);
  if (plan.language === 'en') {
    return lang === 'ja' ? `${fy}年度` : `${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
  }
  return formatFiscalYear(fy, { lang, style, startMonth: plan.fiscalYearStartMonth });
}

/**
 * A span of a plan's years: "2025/26–2028/29", "2025–2030", 令和4年度～令和6年度.
 * @example formatPlanYearSpan(2025, 2030, { fiscalYearStartMonth: 1 }, 'en') // "2025–2030"
 */
export function formatPlanYearSpan(
  startFy: number,
  endFy: number,
  plan: PlanYears,
  lang: 'ja' | 'en',
  style: FiscalYearStyle = 'long',
): string {
  const from = formatPlanYear(startFy, plan, lang, style);
  if (startFy === endFy) return from;
  return `${from}${lang === 'en' ? '–' : '～'}${formatPlanYear(endFy, plan, lang, style)}`;
}

/** Japanese names of the quarters and halves of a year. */
export const PART_JA: Record<string, string> = {
  Q1: '第1四半期',
  Q2: '第2四半期',
  Q3: '第3四半期',
  Q4: '第4四半期',
  H1: '上半期',
  H2: '下半期',
};
/** English month abbreviations, January first. */
export const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A period of a plan's year as a period report is titled: 2025年度 第3四半期 / Q3 2025/26; a month is named by
 * its calendar month (Jan 2026, 令和7年度 1月), counted from the plan's start month. "FY" is the year alone.
 * @example formatPlanPeriod(2025, 'Q3', { language: 'en', fiscalYearStartMonth: 4 }, 'en') // "Q3 2025/26"
 * @example formatPlanPeriod(2025, 'Q3', { fiscalYearStartMonth: 4 }, 'ja') // "令和7年度 第3四半期"
 */
export function formatPlanPeriod(fy: number, period: Period, plan: PlanYears, lang: 'ja' | 'en'): string {
  const year = formatPlanYear(fy, plan, lang);
  if (period === 'FY') return year;
  const span = periodSpan(period);
  if (span.months === 1) {
    const month0 = plan.fiscalYearStartMonth - 1 + span.first;
    const month = (month0 % 12) + 1;
    if (lang === 'en') return `${MONTH_EN[month - 1]} ${fy + Math.floor(month0 / 12)}`;
    return `${year} ${month}月`;
  }
  return lang === 'en' ? `${period} ${year}` : `${year} ${PART_JA[period]}`;
}
