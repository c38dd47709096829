import type { Indicator, IndicatorValue, Period } from './plan-document.ts';
import { formatQuantity } from './round-percent.ts';

export interface YearToDate {
  /** The figure from the start of the fiscal year through the period; null when a needed period is missing. */
  value: number | null;
  /** Periods whose values were used, in order. */
  used: Period[];
  /** Periods that would be needed but have no actual (never read as 0). */
  missing: Period[];
  basis: 'increment' | 'year-to-date';
  provisional: boolean;
  formula: { ja: string; en: string };
}

/** Last quarter (1–4) a period covers. */
const END_QUARTER: Record<Period, number> = { Q1: 1, Q2: 2, H1: 2, Q3: 3, Q4: 4, H2: 4, FY: 4 };
const QUARTERS: Period[] = ['Q1', 'Q2', 'Q3', 'Q4'];
const HALVES: Period[] = ['H1', 'H2'];

/** How an indicator's part-year values are reported, with the default the schema documents. */
export function periodBasisOf(indicator: Indicator): 'increment' | 'year-to-date' {
  if (indicator.periodBasis) return indicator.periodBasis;
  return indicator.kind === 'cumulative' && indicator.valueBasis === 'increment' ? 'increment' : 'year-to-date';
}

const hasActual = (v: IndicatorValue | undefined): v is IndicatorValue & { actual: number } =>
  typeof v?.actual === 'number';

/**
 * The year-to-date figure of an indicator in a fiscal year through a period. Only values of that fiscal year
 * count, so the figure starts again from nothing at the start of each fiscal year. Increments (e.g. grants paid
 * per quarter) are summed; year-to-date or level figures are read as reported. A whole-year ("FY") value, when
 * reported, is the year-to-date figure at year end.
 * @example yearToDate(grants, 2024, 'Q3') // { value: 9, used: ['Q1', 'Q2', 'Q3'], formula: { ja: '3 + 4 + 2 = 9', … } }
 */
export function yearToDate(indicator: Indicator, fy: number, period: Period): YearToDate {
  const basis = periodBasisOf(indicator);
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
    const v = formatQuantity(whole.actual);
    return result(['FY'], [], whole.actual, { ja: `年度計 ${v}`, en: `full year ${v}` });
  }
  const partYear = [...QUARTERS, ...HALVES].some((p) => inYear.has(p));
  if (period === 'FY' && !partYear) return result([], ['FY'], null, { ja: '', en: '' });
  const end = END_QUARTER[period];
  // Quarterly data when any quarter is reported (or a quarter is asked for), else half-yearly.
  const quarterly = QUARTERS.some((q) => inYear.has(q)) || period.startsWith('Q');
  const series = quarterly ? QUARTERS.slice(0, end) : HALVES.slice(0, end / 2);
  if (basis === 'year-to-date') {
    const last = series.at(-1) as Period;
    const v = inYear.get(last);
    if (!hasActual(v)) return result([], [last], null, { ja: '', en: '' });
    const text = `${last} ${formatQuantity(v.actual)}`;
    return result([last], [], v.actual, { ja: text, en: text });
  }
  const missing = series.filter((p) => !hasActual(inYear.get(p)));
  const values = series.map((p) => inYear.get(p)?.actual ?? 0);
  const sum = values.reduce((a, b) => a + b, 0);
  const text =
    series.length === 1 ? formatQuantity(sum) : `${values.map(formatQuantity).join(' + ')} = ${formatQuantity(sum)}`;
  return result(series, missing, sum, { ja: text, en: text });
}
