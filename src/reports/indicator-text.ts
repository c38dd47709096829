import {
  formatCalendarYear,
  formatPercent,
  formatQuantity,
  type Indicator,
  indicatorProgress,
} from '../domain/index.ts';
import type { EditionView } from './edition-view.ts';

export interface IndicatorText {
  name: string;
  baseline: string;
  /** The target in force, then yearly targets. */
  targets: string[];
  /** One line per year with an actual or a note about it. */
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
 * An indicator in words for tables (PDF sheet, workbook): baseline, targets, actuals and computed progress as
 * of the edition's year. Values keep the source's notes ("約200", breakdowns) beside the number.
 * @example indicatorText(followers, view).progress // "81.0%"
 */
export function indicatorText(indicator: Indicator, view: EditionView): IndicatorText {
  const { lang, t } = view;
  const unit = indicator.unit;
  const year = (fy: number) =>
    indicator.yearBasis === 'calendar' ? formatCalendarYear(fy, { lang }) : view.fy(fy, 'long');
  const qty = (v: number | null | undefined) => (typeof v === 'number' ? `${formatQuantity(v)}${unit}` : '');
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
    targets.push(withNote(`${year(target.fy)} ${value}`.trim(), target.note, lang));
  }
  const actuals: string[] = [];
  for (const v of [...indicator.values].sort((x, y) => x.fy - y.fy)) {
    const when = v.period === 'FY' ? year(v.fy) : `${year(v.fy)} ${v.period}`;
    if ((v.target !== null && v.target !== undefined) || v.targetNote) {
      if (!target || v.fy !== target.fy || v.target !== target.value) {
        targets.push(withNote(`${when} ${qty(v.target)}`.trim(), v.targetNote, lang));
      }
    }
    if ((v.actual !== null && v.actual !== undefined) || v.actualNote) {
      const text = withNote(`${when} ${qty(v.actual)}`.trim(), v.actualNote, lang);
      actuals.push(v.provisional ? `${text}${t.provisional}` : text);
    }
  }
  const p = indicatorProgress(indicator, { asOfFy: view.asOfFy, planStartFy: view.plan.period.startFy });
  const decimals = view.plan.rollup.decimals;
  const formula = lang === 'en' ? p.formula.en : p.formula.ja;
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
