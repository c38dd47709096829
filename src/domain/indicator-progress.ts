import type { IndicatorMethod, ProgressBasis } from './evaluation-method.ts';
import { formatIndicatorPeriod } from './format-indicator-period.ts';
import { indicatorQuantity } from './indicator-quantity.ts';
import type { Indicator, IndicatorValue, PlanDocument } from './plan-document.ts';
import { progressByBasis, uncomputed } from './progress-by-basis.ts';
import { formatPercent } from './round-percent.ts';
import { targetInForce } from './target-in-force.ts';

export type IndicatorProgressStatus =
  | 'computed'
  | 'missing-actual'
  | 'no-target'
  | 'not-numeric'
  | 'no-method'
  | 'no-baseline'
  | 'no-direction'
  | 'no-expected'
  | 'context';

export interface IndicatorProgress {
  /** Unrounded achievement in percent; may exceed 100 or drop below 0. Null unless `computed`. */
  percent: number | null;
  status: IndicatorProgressStatus;
  /** The actual compared with the target (a sum for cumulative increments). */
  actualUsed: number | null;
  /** Latest fiscal year whose actual was used; earlier than `asOfFy` when the year is not reported yet. */
  actualFy: number | null;
  targetUsed: number | null;
  /** Years inside a cumulative range with no actual; a gap makes the total unknown. */
  missingFys: number[];
  formula: { ja: string; en: string };
  /** True when any value used is 速報値. */
  provisional: boolean;
  /**
   * The declared basis the percentage follows; null when the plan declares none, and `percent` is then only the
   * arithmetic actual ÷ target, never a judgement.
   */
  basis: ProgressBasis | null;
  /**
   * Growth-rate basis only: the actual has reached the target (direction-aware). Open SDG reports such a series as
   * "target achieved" before looking at growth; a rule that declares `reached` gives its level.
   */
  reached?: boolean;
}

type ExpectedPathStep = NonNullable<IndicatorMethod['path']>[number];

export interface IndicatorProgressOptions {
  asOfFy: number;
  /** First fiscal year of the plan; where cumulative counting starts when the target names no `fromFy`. */
  planStartFy?: number;
  /** Decimals in the printed formula. */
  decimals?: number;
  /** The declared progress basis; absent or null: plain arithmetic (actual ÷ target) only. */
  basis?: ProgressBasis | null | undefined;
  /** Expected share of the target per year, for the `expected-path` basis. */
  path?: ExpectedPathStep[] | undefined;
  /** How the plan names its years, for a year named in the formula (令和6年度 when absent). */
  years?: YearNaming | undefined;
}

/** How a plan names its years: its fiscal-year start month and its language (see formatIndicatorPeriod). */
export interface YearNaming {
  startMonth: number;
  language?: 'ja' | 'en' | undefined;
}

/** The plan's way of naming its years. */
export const yearNamingOf = (plan: Pick<PlanDocument, 'fiscalYearStartMonth' | 'language'>): YearNaming => ({
  startMonth: plan.fiscalYearStartMonth,
  language: plan.language,
});

const yearly = (values: IndicatorValue[], asOfFy: number) =>
  values.filter((v) => v.period === 'FY' && v.fy <= asOfFy).sort((a, b) => a.fy - b.fy);

function notComputed(status: Exclude<IndicatorProgressStatus, 'computed'>, extra: Partial<IndicatorProgress> = {}) {
  return uncomputed(status, null, extra);
}

/**
 * Achievement of one KPI as of a fiscal year, with the formula spelled out for staff and citizens.
 * Without a declared basis only the arithmetic is given: latest actual (or the sum of increments since
 * `target.fromFy`) ÷ target, in either direction, and no percentage for a milestone.
 * Basis `by-kind`: level / running totals: latest actual ÷ target; cumulative increments: sum since
 * `target.fromFy` ÷ target; lower-is-better: (baseline − actual) ÷ (baseline − target); milestone: done = 100 %.
 * Missing actuals are never read as 0.
 * @example indicatorProgress(followers, { asOfFy: 2022 }).formula.ja // "8,104 ÷ 10,000 = 81.0%"
 */
export function indicatorProgress(indicator: Indicator, options: IndicatorProgressOptions): IndicatorProgress {
  const p = progressOf(indicator, options);
  // The year's actual is missing for a stated reason (未公表, 該当なし …): say so, not 「実績未入力」.
  const reason = indicator.values.find((v) => v.fy === options.asOfFy && v.period === 'FY')?.missingReason;
  if (reason && p.status === 'missing-actual') return { ...p, formula: MISSING_REASON_TEXT[reason] };
  // An earlier year's actual stands in for it (a statistic published a year late, or one not yet entered): the
  // arithmetic names that year and why, so it is never read as the year's own figure.
  if (p.actualFy === null || p.actualFy >= options.asOfFy) return p;
  const naming = { startMonth: options.years?.startMonth ?? 4, language: options.years?.language };
  const year = (fy: number) => ({
    ja: formatIndicatorPeriod(indicator, fy, 'FY', { ...naming, lang: 'ja' }),
    en: formatIndicatorPeriod(indicator, fy, 'FY', { ...naming, lang: 'en' }),
  });
  const used = year(p.actualFy);
  const now = year(options.asOfFy);
  const why = reason ? MISSING_REASON_WORD[reason] : { ja: '実績なし', en: 'no actual' };
  return {
    ...p,
    formula: {
      ja: `${p.formula.ja}（${used.ja}の実績。${now.ja}は${why.ja}）`,
      en: `${p.formula.en} (actual of ${used.en}; ${now.en}: ${why.en})`,
    },
  };
}

const MISSING_REASON_WORD: Record<NonNullable<IndicatorValue['missingReason']>, { ja: string; en: string }> = {
  'not-published': { ja: '未公表', en: 'not published' },
  unmeasurable: { ja: '測定不能', en: 'not measurable' },
  'not-applicable': { ja: '該当なし', en: 'not applicable' },
  'not-entered': { ja: '未入力', en: 'not entered yet' },
};

/** How the reason for a missing actual reads where progress would be. */
const MISSING_REASON_TEXT: Record<NonNullable<IndicatorValue['missingReason']>, { ja: string; en: string }> = {
  'not-published': { ja: '実績なし（未公表）', en: 'No actual (not published)' },
  unmeasurable: { ja: '実績なし（測定不能）', en: 'No actual (not measurable)' },
  'not-applicable': { ja: '実績なし（該当なし）', en: 'No actual (not applicable)' },
  'not-entered': { ja: '実績未入力', en: 'No actual yet' },
};

function progressOf(indicator: Indicator, options: IndicatorProgressOptions): IndicatorProgress {
  const { asOfFy, decimals = 1 } = options;
  const basis = options.basis ?? null;
  if (basis !== null && basis !== 'by-kind') {
    return progressByBasis(indicator, basis, options.path ? { basis, path: options.path } : undefined, {
      asOfFy,
      planStartFy: options.planStartFy,
      decimals,
    });
  }
  if (indicator.kind === 'text') return notComputed('not-numeric');
  const values = yearly(indicator.values, asOfFy);
  const reported = values.filter((v) => typeof v.actual === 'number');
  const latest = reported.at(-1);
  const target = targetInForce(indicator, asOfFy)?.value ?? null;
  const pct = (x: number) => formatPercent(x, decimals);

  if (indicator.kind === 'milestone') {
    if (!latest) return notComputed('missing-actual');
    if (basis === null) {
      const done = (latest.actual as number) >= 1;
      return notComputed('no-method', {
        actualUsed: latest.actual as number,
        actualFy: latest.fy,
        targetUsed: target,
        formula: done ? { ja: '達成', en: 'Done' } : { ja: '未達成', en: 'Not done' },
        provisional: latest.provisional,
      });
    }
    const done = (latest.actual as number) >= 1;
    const percent = done ? 100 : 0;
    const base = { actualUsed: latest.actual as number, actualFy: latest.fy, targetUsed: target, missingFys: [] };
    return {
      ...base,
      percent,
      status: 'computed',
      formula: done ? { ja: '達成 → 100%', en: 'Done → 100%' } : { ja: '未達成 → 0%', en: 'Not done → 0%' },
      provisional: latest.provisional,
      basis,
    };
  }
  if (target === null) return notComputed('no-target');

  let actual: number;
  let used: IndicatorValue[];
  let missingFys: number[] = [];
  const cumulativeSum = indicator.kind === 'cumulative' && indicator.valueBasis === 'increment';
  if (cumulativeSum) {
    const fromFy = indicator.target?.fromFy ?? options.planStartFy ?? reported[0]?.fy ?? asOfFy;
    used = reported.filter((v) => v.fy >= fromFy);
    const last = used.at(-1);
    if (!last) return notComputed('missing-actual', { targetUsed: target });
    for (let fy = fromFy; fy < last.fy; fy++) if (!used.some((v) => v.fy === fy)) missingFys.push(fy);
    if (missingFys.length > 0) return notComputed('missing-actual', { targetUsed: target, missingFys });
    actual = used.reduce((sum, v) => sum + (v.actual as number), 0);
  } else {
    if (!latest) return notComputed('missing-actual', { targetUsed: target });
    used = [latest];
    actual = latest.actual as number;
    missingFys = [];
  }
  const base = {
    actualUsed: actual,
    actualFy: used.at(-1)?.fy ?? null,
    targetUsed: target,
    missingFys,
    provisional: used.some((v) => v.provisional),
    basis,
  };
  const a = indicatorQuantity(indicator, actual);
  const t = indicatorQuantity(indicator, target);

  // A declared method judges only an indicator whose better direction is known; its values are still shown.
  if (indicator.direction === 'unknown' && basis !== null) return uncomputed('no-direction', basis, base);
  if (indicator.direction === 'lower' && basis !== null) {
    if (actual <= target) {
      return {
        ...base,
        percent: 100,
        status: 'computed',
        formula: { ja: `実績 ${a} ≦ 目標 ${t} → 100%`, en: `actual ${a} ≤ target ${t} → 100%` },
      };
    }
    const baseline = indicator.baseline?.value;
    if (baseline !== undefined && baseline > target) {
      const percent = ((baseline - actual) * 100) / (baseline - target);
      const b = indicatorQuantity(indicator, baseline);
      const text = `(${b} − ${a}) ÷ (${b} − ${t}) = ${pct(percent)}`;
      return { ...base, percent, status: 'computed', formula: { ja: text, en: text } };
    }
    // No usable baseline: the share of the actual that the target represents, the usual fallback.
    const percent = (target * 100) / actual;
    return {
      ...base,
      percent,
      status: 'computed',
      formula: {
        ja: `目標 ${t} ÷ 実績 ${a} = ${pct(percent)}（少ないほど良い指標）`,
        en: `target ${t} ÷ actual ${a} = ${pct(percent)} (lower is better)`,
      },
    };
  }

  if (target <= 0) return notComputed('no-target', base);
  const percent = (actual * 100) / target;
  const formula = cumulativeSum
    ? { ja: `累計 ${a} ÷ 目標 ${t} = ${pct(percent)}`, en: `total ${a} ÷ target ${t} = ${pct(percent)}` }
    : { ja: `${a} ÷ ${t} = ${pct(percent)}`, en: `${a} ÷ ${t} = ${pct(percent)}` };
  // Undeclared lower-is-better: the ratio is still shown, marked, since a high ratio here is not progress.
  if (indicator.direction === 'lower') {
    formula.ja += '（少ないほど良い指標）';
    formula.en += ' (lower is better)';
  }
  return { ...base, percent, status: 'computed', formula };
}
