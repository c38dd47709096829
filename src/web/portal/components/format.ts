import {
  DEFAULT_TIME_ZONE,
  formatFiscalYear,
  formatIndicatorPeriod,
  formatPlanPeriod,
  formatPlanYear,
  formatPlanYearSpan,
  formatPublicationDate,
  type Indicator,
  indicatorQuantity,
  type Period,
  type PlanDocument,
  type RatingScale,
  type ReportedIn,
  reportedApart,
  withUnit,
} from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';

/** 令和4年度 / FY2022; "2025/26" in an English plan, "2025" in a calendar-year plan. */
export const fyText = (pc: PortalContext, fy: number) =>
  pc.years ? formatPlanYear(fy, pc.years, pc.lang) : formatFiscalYear(fy, { lang: pc.lang });

/** R4 / FY2022, for chart axes. */
export const fyShort = (pc: PortalContext, fy: number) => {
  const style = pc.lang === 'ja' ? 'short' : 'long';
  return pc.years ? formatPlanYear(fy, pc.years, pc.lang, style) : formatFiscalYear(fy, { lang: pc.lang, style });
};

/** 令和4年度（2022年度）～令和6年度（2024年度） / FY2022 (R4)–FY2024 (R6); 2025/26–2027/28 in an English plan. */
export const periodText = (pc: PortalContext, plan: PlanDocument) =>
  formatPlanYearSpan(plan.period.startFy, plan.period.endFy, plan, pc.lang, 'both');

/**
 * A publication date in the organization's zone (Japan unless it names another), as precise as it is known:
 * 2022年4月1日 / 1 April 2022, 2025年8月 / August 2025.
 */
export function dateText(pc: PortalContext, iso: string): string {
  return formatPublicationDate(iso, pc.lang, pc.timeZone ?? DEFAULT_TIME_ZONE);
}

/** Name of a tree level (1 = top), e.g. 基本目標 / Basic goal. */
export function levelName(pc: PortalContext, plan: PlanDocument, depth: number): string {
  const level = plan.levels[Math.min(depth, plan.levels.length) - 1] ?? plan.levels[0]!;
  return pc.text(level.ja, level.en).value;
}

/** Name of the plan's primary rating scale, e.g. 目標達成率 / Achievement rate. */
export function scaleName(pc: PortalContext, plan: PlanDocument): string {
  const s = plan.ratingScales[0]!;
  return pc.text(s.name, s.nameEn).value;
}

/** Title of the whole-plan figure: 目標達成率（全体平均） for a mean, "…（計画全体）" for other roll-ups. */
export function overallTitle(pc: PortalContext, plan: PlanDocument): string {
  return pc.t(plan.rollup.method === 'mean' ? 'plan.overall' : 'plan.overallOther', scaleParams(pc, plan));
}

/** Name of any of the plan's scales (dimensions), e.g. 改善度 / Improvement. */
export const nameOfScale = (pc: PortalContext, scale: RatingScale) => pc.text(scale.name, scale.nameEn).value;

/** Parameters every scale-worded message takes: {scale} and {scaleLower} (English runs it into a sentence). */
export function scaleParams(pc: PortalContext, plan: PlanDocument): { scale: string; scaleLower: string } {
  const scale = scaleName(pc, plan);
  return { scale, scaleLower: pc.lang === 'en' ? scale.charAt(0).toLowerCase() + scale.slice(1) : scale };
}

/**
 * The year (and part of the year) an indicator value belongs to, as 年 for calendar-year indicators and 年度 for
 * fiscal ones, with the plan's fiscal-year start month.
 */
export function indicatorPeriodText(
  pc: PortalContext,
  plan: PlanDocument,
  indicator: Pick<Indicator, 'yearBasis'>,
  year: number,
  period: Period = 'FY',
): string {
  const options = { lang: pc.lang, startMonth: plan.fiscalYearStartMonth, language: plan.language };
  return formatIndicatorPeriod(indicator, year, period, options);
}

/** Short year for chart axes: R6 / FY2024, or 2024 for calendar-year indicators. */
export const indicatorYearShort = (pc: PortalContext, indicator: Pick<Indicator, 'yearBasis'>, year: number) =>
  indicator.yearBasis === 'calendar' ? String(year) : fyShort(pc, year);

/** A level's label in the page's language. */
export const levelLabel = (pc: PortalContext, r: { label: string | null; labelEn: string | null }) =>
  (pc.lang === 'en' ? r.labelEn : r.label) ?? '';

/** A value with its unit; a milestone's 1/0 as 達成/未達成; missing as —, never 0. */
export function indicatorValueText(pc: PortalContext, ind: Indicator, x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  if (ind.kind === 'milestone') return x >= 1 ? pc.t('indicator.done') : pc.t('indicator.notDone');
  return withUnit(indicatorQuantity(ind, x), ind.unit);
}

/** A remark in brackets after a word: full-width （…） in Japanese, " (…)" in English. */
export const paren = (pc: PortalContext, text: string) => (pc.lang === 'ja' ? `（${text}）` : ` (${text})`);

/**
 * When a value was reported, in brackets, where that is not the period it measures (a statistic published a year
 * late: 41.9%（2025年度 第3四半期に公表）); empty otherwise.
 */
export function reportedText(
  pc: PortalContext,
  plan: PlanDocument,
  value: { fy: number; period: Period; reportedIn?: ReportedIn | undefined },
): string {
  const r = reportedApart(value);
  if (!r) return '';
  return paren(pc, pc.t('indicator.reportedIn', { when: formatPlanPeriod(r.fy, r.period, plan, pc.lang) }));
}
