import { formatIndicatorPeriod, type Indicator, type PartPeriod, periodTravel } from '../../domain/index.ts';
import type { EditionView } from '../edition-view.ts';
import type { TableRow } from './pdf-model.ts';

/**
 * Under a KPI, the direction of travel of each of its part-year values in the edition's year, against the period
 * the plan declares (前期比 / 前年同期比), one line a period. None when the plan declares none or the KPI has no
 * part-year values that year.
 */
export function periodTravelRow(view: EditionView, indicator: Indicator): TableRow | undefined {
  const rule = view.plan.evaluation?.periodTravel;
  if (!rule) return undefined;
  const startMonth = view.plan.fiscalYearStartMonth;
  const language = view.plan.language;
  const lines = indicator.values
    .filter((v) => v.fy === view.asOfFy && v.period !== 'FY' && typeof v.actual === 'number')
    .map((v) => {
      const period = v.period as PartPeriod;
      const when = formatIndicatorPeriod(indicator, v.fy, period, { lang: view.lang, startMonth, language });
      const travel = periodTravel(indicator, v.fy, period, rule, startMonth, language);
      return `${when}: ${travel.text[view.lang]}`;
    });
  if (lines.length === 0) return undefined;
  return {
    cells: [
      { lines: [view.t.periodTravel(view.fy(view.asOfFy, 'short'))], role: 'label', small: true },
      { lines, span: 4, small: true },
    ],
  };
}
