import { formatFiscalYear, formatFiscalYearSpan, type PlanDocument } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';

/** 令和4年度 / FY2022 */
export const fyText = (pc: PortalContext, fy: number) => formatFiscalYear(fy, { lang: pc.lang });

/** R4 / FY2022, for chart axes. */
export const fyShort = (pc: PortalContext, fy: number) =>
  formatFiscalYear(fy, { lang: pc.lang, style: pc.lang === 'ja' ? 'short' : 'long' });

/** 令和4年度（2022年度）～令和6年度（2024年度） / FY2022 (R4)–FY2024 (R6) */
export const periodText = (pc: PortalContext, plan: PlanDocument) =>
  formatFiscalYearSpan(plan.period.startFy, plan.period.endFy, { lang: pc.lang, style: 'both' });

const dateFormats = {
  ja: new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' }),
};

/** A publication timestamp as a date in Japan: 2022年4月1日 / 1 April 2022. */
export function dateText(pc: PortalContext, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormats[pc.lang].format(d);
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
  const scale = scaleName(pc, plan);
  const scaleLower = pc.lang === 'en' ? scale.charAt(0).toLowerCase() + scale.slice(1) : scale;
  return pc.t(plan.rollup.method === 'mean' ? 'plan.overall' : 'plan.overallOther', { scale, scaleLower });
}
