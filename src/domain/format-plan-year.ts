import { type FiscalYearStyle, formatFiscalYear } from './fiscal-year.ts';

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
