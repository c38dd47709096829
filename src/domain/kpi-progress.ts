import type { ProgressBasis } from './evaluation-method.ts';
import {
  type IndicatorProgress,
  type IndicatorProgressOptions,
  indicatorProgress,
  type YearNaming,
} from './indicator-progress.ts';
import type { Indicator } from './plan-document.ts';
import { formatPercent } from './round-percent.ts';

export interface KpiProgress {
  /** Combined percent over the computed indicators, each capped to 0–100; null when none was computed. */
  percent: number | null;
  combine: 'mean' | 'min';
  /** Every numeric indicator (text ones are left out) with its own progress. */
  indicators: { key: string; name: string; progress: IndicatorProgress }[];
  /** Keys of numeric indicators whose progress could not be computed (missing actual, no target). */
  uncomputed: string[];
  formula: { ja: string; en: string };
}

/**
 * Progress of an initiative from its numeric KPIs as of a fiscal year. Each indicator counts at most 100 %
 * (and at least 0 %), so one over-achieved KPI cannot hide a lagging one in the mean.
 * @example kpiProgress(node.indicators, { asOfFy: 2022 }).formula.ja // "累計 390,846 ÷ 目標 810,000 = 48.3%"
 */
export function kpiProgress(
  indicators: readonly Indicator[],
  options: {
    asOfFy: number;
    planStartFy?: number;
    years?: YearNaming | undefined;
    combine?: 'mean' | 'min';
    decimals?: number;
    /** The declared basis of each indicator (see progressBasisOf). */
    basisOf: (indicator: Indicator) => ProgressBasis | null;
    /** The expected path of each indicator, for the `expected-path` basis. */
    pathOf?: ((indicator: Indicator) => IndicatorProgressOptions['path']) | undefined;
  },
): KpiProgress {
  const { combine = 'mean', decimals = 1, basisOf, pathOf, ...rest } = options;
  const numeric = indicators
    .filter((i) => i.kind !== 'text')
    .map((i) => ({
      key: i.key,
      name: i.name,
      progress: indicatorProgress(i, { ...rest, decimals, basis: basisOf(i), path: pathOf?.(i) }),
    }));
  const computed = numeric.filter((n) => n.progress.percent !== null);
  const capped = computed.map((n) => Math.min(100, Math.max(0, n.progress.percent as number)));
  const uncomputed = numeric.filter((n) => n.progress.percent === null).map((n) => n.key);
  let percent: number | null = null;
  if (capped.length > 0)
    percent = combine === 'min' ? Math.min(...capped) : capped.reduce((a, b) => a + b, 0) / capped.length;

  let formula: KpiProgress['formula'];
  const only = computed[0];
  if (percent === null) formula = { ja: '計算できるKPIなし', en: 'No KPI could be computed' };
  else if (computed.length === 1 && only) formula = only.progress.formula;
  else {
    const parts = computed.map((n) => n.progress.formula);
    const p = formatPercent(percent, decimals);
    formula =
      combine === 'min'
        ? {
            ja: `最小 ${p}（${parts.map((f) => f.ja).join('、')}）`,
            en: `lowest ${p} (${parts.map((f) => f.en).join('; ')})`,
          }
        : {
            ja: `平均 ${p}（${parts.map((f) => f.ja).join('、')}）`,
            en: `mean ${p} (${parts.map((f) => f.en).join('; ')})`,
          };
  }
  return { percent, combine, indicators: numeric, uncomputed, formula };
}
