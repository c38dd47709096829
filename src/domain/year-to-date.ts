import { indicatorQuantity } from './indicator-quantity.ts';
import type { Indicator, IndicatorValue } from './plan-document.ts';
import {
  HALVES,
  MONTHS,
  type PartPeriod,
  type Period,
  type PeriodBasis,
  periodSpan,
  QUARTERS,
} from './reporting-period.ts';

export interface YearToDate {
  /** The figure from the start of the fiscal year through the period; null when a needed period is missing. */
  value: number | null;
  /** Periods whose values were used, in order. */
  used: Period[];
  /** Periods that would be needed but have no actual (never read as 0). */
  missing: Period[];
  basis: PeriodBasis;
  provisional: boolean;
  formula: { ja: string; en: string };
}

/** How an indicator's part-year values are reported, with the default the schema documents. */
export function periodBasisOf(indicator: Indicator): PeriodBasis {
  if (indicator.periodBasis) return indicator.periodBasis;
  return indicator.kind === 'cumulative' && indicator.valueBasis === 'increment' ? 'increment' : 'year-to-date';
}

const hasActual = (v: IndicatorValue | undefined): v is IndicatorValue & { actual: number } =>
  typeof v?.actual === 'number';

/** Words after a figure read as reported, by what it is. */
const READ_AS: Record<Exclude<PeriodBasis, 'increment'>, { ja: string; en: string }> = {
  'year-to-date': { ja: '', en: '' },
  snapshot: { ja: '（期末時点）', en: ' (at period end)' },
  'rolling-12-months': { ja: '（直近12か月）', en: ' (rolling 12 months)' },
};

/**
 * The periods of one length that make up a fiscal year through `period`: months when the year has monthly values
 * (or a month is asked for), else quarters when it has quarterly ones (or a quarter is asked for), else halves.
 */
function seriesThrough(period: Period, reported: Set<Period>): PartPeriod[] {
  const { first, months } = periodSpan(period);
  const end = first + months;
  const upTo = (list: PartPeriod[]) => list.filter((p) => periodSpan(p).first + periodSpan(p).months <= end);
  if (period.startsWith('M') || MONTHS.some((m) => reported.has(m))) return upTo(MONTHS);
  if (period.startsWith('Q') || QUARTERS.some((q) => reported.has(q))) return upTo(QUARTERS);
  return upTo(HALVES);
}

/**
 * The year-to-date figure of an indicator in a fiscal year through a period. Only values of that fiscal year
 * count, so the figure starts again from nothing at the start of each fiscal year (the plan's start month).
 * Increments (e.g. grants paid per quarter) are summed; year-to-date, snapshot and rolling-12-month figures are
 * read as reported for the last period. A whole-year ("FY") value, when reported, is the figure at year end.
 * @example yearToDate(grants, 2024, 'Q3') // { value: 9, used: ['Q1', 'Q2', 'Q3'], formula: { ja: '3 + 4 + 2 = 9', … } }
 */
export function yearToDate(indicator: Indicator, fy: number, period: Period): YearToDate {
  const basis = periodBasisOf(indicator);
  const q = (x: number) => indicatorQuantity(indicator, x);
  const inYear = new Map(indicator.values.filter((v) => v.fy === fy).map((v) => [v.period, v]));
  const result = (used: Period[], missing: Period[], value: number | null, formula: YearToDate['formula']) => ({
    value: missing.length > 0 ? null : value,
    used: missing.length > 0 ? [] : used,
    missing,
    basis,
    provisional: missing.length === 0 && used.some((p) => inYear.get(p)?.provisional),
    formula:
      missing.length > 0
        ? { ja: `${missing.join('・')}の実績なし`, en: `no actual for ${missing.join(', ')}` }
        : formula,
  });
  const whole = inYear.get('FY');
  if (period === 'FY' && hasActual(whole)) {
    const v = q(whole.actual);
    return result(['FY'], [], whole.actual, { ja: `年度計 ${v}`, en: `full year ${v}` });
  }
  const partYear = [...MONTHS, ...QUARTERS, ...HALVES].some((p) => inYear.has(p));
  if (period === 'FY' && !partYear) return result([], ['FY'], null, { ja: '', en: '' });
  const series = seriesThrough(period, new Set(inYear.keys()));
  if (basis !== 'increment') {
    const last = series.at(-1) as Period;
    const v = inYear.get(last);
    if (!hasActual(v)) return result([], [last], null, { ja: '', en: '' });
    const text = `${last} ${q(v.actual)}`;
    const words = READ_AS[basis];
    return result([last], [], v.actual, { ja: `${text}${words.ja}`, en: `${text}${words.en}` });
  }
  const missing = series.filter((p) => !hasActual(inYear.get(p)));
  const values = series.map((p) => inYear.get(p)?.actual ?? 0);
  const sum = values.reduce((a, b) => a + b, 0);
  const text = series.length === 1 ? q(sum) : `${values.map(q).join(' + ')} = ${q(sum)}`;
  return result(series, missing, sum, { ja: text, en: text });
}
