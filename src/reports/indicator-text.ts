import {
  comparePeriods,
  formatIndicatorPeriod,
  formatPercent,
  formatPlanPeriod,
  type Indicator,
  indicatorProgress,
  indicatorQuantity,
  progressBasisOf,
  progressPathOf,
  reportedApart,
  targetInForce,
  withUnit,
  yearNamingOf,
  yearToDate,
} from '../domain/index.ts';
import type { EditionView } from './edition-view.ts';

export interface IndicatorText {
  name: string;
  baseline: string;
  /** The target in force (with the year it applies from when it was revised), earlier targets, yearly targets. */
  targets: string[];
  /** One line per year (and part of a year) with an actual or a note about it. */
  actuals: string[];
  /** "7.4%", or a short reason when progress cannot be computed. */
  progress: string;
  /** How the progress was computed, e.g. "累計 6 ÷ 目標 81 = 7.4%". */
  formula: string;
  percent: number | null;
}

const withNote = (text: string, note: string | undefined, lang: string) =>
  note ? (text ? (lang === 'en' ? `${text} (${note})` : `${text}（${note}）`) : note) : text;

/**
 * An indicator in words for tables (PDF sheet, workbook): baseline, targets (the one in force and those it
 * replaced), actuals by year and by quarter or half with the year-to-date figure, and computed progress as of
 * the edition's year. Calendar-year indicators print 2024年, never 年度; a milestone prints 達成 / 未達成.
 * @example indicatorText(followers, view).progress // "81.0%"
 */
export function indicatorText(indicator: Indicator, view: EditionView): IndicatorText {
  const { lang, t } = view;
  const unit = indicator.unit;
  const periodOptions = { lang, startMonth: view.plan.fiscalYearStartMonth, language: view.plan.language };
  const year = (fy: number) => formatIndicatorPeriod(indicator, fy, 'FY', periodOptions);
  const qty = (v: number | null | undefined) => {
    if (typeof v !== 'number') return '';
    if (indicator.kind === 'milestone') return v >= 1 ? t.done : t.notDone;
    return withUnit(indicatorQuantity(indicator, v), unit);
  };
  const b = indicator.baseline;
  const baseline = b ? withNote(`${year(b.fy)} ${qty(b.value)}`, b.note, lang) : '';
  const targets: string[] = [];
  const target = indicator.target;
  if (target) {
    // The source's own wording (e.g. 「R4～R6年度累計81件」) already names a cumulative range; add ours otherwise.
    const range =
      indicator.kind === 'cumulative' && target.fromFy !== undefined && !target.note
        ? `${t.cumulative(view.fy(target.fromFy, 'short'), view.fy(target.fy, 'short'))} `
        : '';
    const value = target.value === null ? '' : `${range}${qty(target.value)}`;
    const inForce = indicator.targetHistory.length > 0 ? targetInForce(indicator, view.asOfFy) : null;
    const from = inForce && !inForce.superseded && inForce.inForceFromFy !== null ? inForce.inForceFromFy : null;
    const text = `${year(target.fy)} ${value}`.trim() + (from === null ? '' : t.inForceFrom(view.fy(from)));
    targets.push(withNote(text, target.note, lang));
  }
  for (const h of [...indicator.targetHistory].sort((x, y) => x.fromFy - y.fromFy)) {
    targets.push(withNote(t.earlierTarget(qty(h.value), view.fy(h.fromFy)), h.note, lang));
  }
  const actuals: string[] = [];
  // A year's parts first, then the whole year they add up to.
  const values = [...indicator.values].sort((x, y) => x.fy - y.fy || comparePeriods(x.period, y.period));
  for (const v of values) {
    const when = formatIndicatorPeriod(indicator, v.fy, v.period, periodOptions);
    if ((v.target !== null && v.target !== undefined) || v.targetNote) {
      if (!target || v.fy !== target.fy || v.target !== target.value) {
        targets.push(withNote(`${when} ${qty(v.target)}`.trim(), v.targetNote, lang));
      }
    }
    if ((v.actual === null || v.actual === undefined) && v.missingReason) {
      actuals.push(withNote(`${when} ${t.missing[v.missingReason] ?? ''}`.trim(), v.actualNote, lang));
      continue;
    }
    if ((v.actual !== null && v.actual !== undefined) || v.actualNote) {
      let text = withNote(`${when} ${qty(v.actual)}`.trim(), v.actualNote, lang);
      if (v.period !== 'FY') {
        const ytd = yearToDate(indicator, v.fy, v.period);
        if (ytd.value !== null && ytd.used.length > 1) text += t.yearToDate(qty(ytd.value));
      }
      // A figure published after its own period (statistics a year late) says when: it is still compared with
      // the target of the period it measures.
      const reported = reportedApart(v);
      if (reported) text += t.reportedIn(formatPlanPeriod(reported.fy, reported.period, view.plan, lang));
      actuals.push(v.provisional ? `${text}${t.provisional}` : text);
    }
  }
  const decimals = view.plan.rollup.decimals;
  const p = indicatorProgress(indicator, {
    asOfFy: view.asOfFy,
    planStartFy: view.plan.period.startFy,
    years: yearNamingOf(view.plan),
    decimals,
    basis: progressBasisOf(view.plan, indicator),
    path: progressPathOf(view.plan, indicator),
  });
  const formula = (lang === 'en' ? p.formula.en : p.formula.ja) + (p.provisional ? t.provisional : '');
  return {
    name: lang === 'en' ? (indicator.nameEn ?? indicator.name) : indicator.name,
    baseline,
    targets,
    actuals,
    progress: p.status === 'computed' ? formatPercent(p.percent, decimals, lang) : formula,
    formula: p.status === 'computed' ? formula : '',
    percent: p.percent,
  };
}
