import type { IndicatorMethod, ProgressBasis } from './evaluation-method.ts';
import type { IndicatorProgress, IndicatorProgressStatus } from './indicator-progress.ts';
import { indicatorQuantity } from './indicator-quantity.ts';
import type { Indicator, IndicatorValue } from './plan-document.ts';
import { formatPercent } from './round-percent.ts';
import { targetInForce } from './target-in-force.ts';

type Text = { ja: string; en: string };
const same = (s: string): Text => ({ ja: s, en: s });

const REASONS: Record<Exclude<IndicatorProgressStatus, 'computed'>, Text> = {
  'missing-actual': { ja: '実績未入力', en: 'No actual yet' },
  'no-target': { ja: '数値目標なし', en: 'No numeric target' },
  'not-numeric': { ja: '数値で測らない指標', en: 'Not measured in numbers' },
  'no-method': { ja: '計画に進捗の算定方法の定めなし', en: 'The plan declares no progress method' },
  'no-baseline': { ja: '基準値なし', en: 'No baseline' },
  'no-direction': { ja: '望ましい方向の定めなし（判定しない）', en: 'No direction declared (not judged)' },
  'no-expected': { ja: 'この年度の期待値なし', en: 'No expected value for this year' },
  context: { ja: '目標を置かない参考指標（推移のみ）', en: 'Context indicator without a target (trend only)' },
};

/** The result when nothing can be computed, with the reason in words. */
export function uncomputed(
  status: Exclude<IndicatorProgressStatus, 'computed'>,
  basis: ProgressBasis | null,
  extra: Partial<IndicatorProgress> = {},
): IndicatorProgress {
  return {
    percent: null,
    status,
    actualUsed: null,
    actualFy: null,
    targetUsed: null,
    missingFys: [],
    formula: REASONS[status],
    provisional: false,
    basis,
    ...extra,
  };
}

const yearly = (values: IndicatorValue[], asOfFy: number) =>
  values.filter((v) => v.period === 'FY' && v.fy <= asOfFy && typeof v.actual === 'number').sort((a, b) => a.fy - b.fy);

/** The figure compared: the latest actual, or for cumulative increments their sum since the count began. */
function actualOf(
  indicator: Indicator,
  asOfFy: number,
  planStartFy: number | undefined,
  cumulative: boolean,
): { value: number; fy: number; used: IndicatorValue[]; missingFys: number[] } | null {
  const reported = yearly(indicator.values, asOfFy);
  const latest = reported.at(-1);
  if (!latest) return null;
  if (!cumulative || indicator.valueBasis === 'running-total') {
    return { value: latest.actual as number, fy: latest.fy, used: [latest], missingFys: [] };
  }
  const fromFy = indicator.target?.fromFy ?? planStartFy ?? reported[0]?.fy ?? asOfFy;
  const used = reported.filter((v) => v.fy >= fromFy);
  const last = used.at(-1);
  if (!last) return null;
  const missingFys: number[] = [];
  for (let fy = fromFy; fy < last.fy; fy++) if (!used.some((v) => v.fy === fy)) missingFys.push(fy);
  return { value: used.reduce((s, v) => s + (v.actual as number), 0), fy: last.fy, used, missingFys };
}

/**
 * Progress of one indicator by a declared basis other than `by-kind` (see ProgressBasis). Percentages are not
 * capped here; rules cap when they declare it. Missing figures are never read as 0.
 * @example progressByBasis(ind, 'baseline-distance', undefined, { asOfFy: 2024, decimals: 1 }).formula.ja // "(21 − 20) ÷ (23 − 20) = 33.3%"
 */
export function progressByBasis(
  indicator: Indicator,
  basis: Exclude<ProgressBasis, 'by-kind'>,
  method: IndicatorMethod | undefined,
  options: { asOfFy: number; planStartFy?: number | undefined; decimals: number },
): IndicatorProgress {
  const { asOfFy, decimals } = options;
  const pct = (x: number) => formatPercent(x, decimals);
  const q = (x: number) => indicatorQuantity(indicator, x);
  if (indicator.kind === 'text') return uncomputed('not-numeric', basis);
  if (basis === 'context') return uncomputed('context', basis);
  const cumulative = basis === 'cumulative' || (basis === 'expected-path' && indicator.kind === 'cumulative');
  const got = actualOf(indicator, asOfFy, options.planStartFy, cumulative);
  const target = targetInForce(indicator, asOfFy)?.value ?? null;
  if (!got) return uncomputed('missing-actual', basis, { targetUsed: target });
  if (got.missingFys.length > 0) {
    return uncomputed('missing-actual', basis, { targetUsed: target, missingFys: got.missingFys });
  }
  const a = got.value;
  const base = {
    actualUsed: a,
    actualFy: got.fy,
    targetUsed: target,
    missingFys: [],
    provisional: got.used.some((v) => v.provisional),
    basis,
  };
  const done = (percent: number, formula: Text): IndicatorProgress => ({
    ...base,
    percent,
    status: 'computed',
    formula,
  });

  if (basis === 'milestone') {
    return a >= 1
      ? done(100, { ja: '達成 → 100%', en: 'Done → 100%' })
      : done(0, { ja: '未達成 → 0%', en: 'Not done → 0%' });
  }
  if (indicator.direction === 'unknown') return uncomputed('no-direction', basis, base);
  const lower = indicator.direction === 'lower';

  if (basis === 'baseline-distance' || basis === 'growth-rate') {
    const b = indicator.baseline;
    if (!b) return uncomputed('no-baseline', basis, base);
    if (target === null || target === b.value) return uncomputed('no-target', basis, base);
    if (basis === 'baseline-distance') {
      const percent = ((a - b.value) * 100) / (target - b.value);
      return done(percent, same(`(${q(a)} − ${q(b.value)}) ÷ (${q(target)} − ${q(b.value)}) = ${pct(percent)}`));
    }
    // Open SDG (sdg-build ProgressMeasure.methodology_2): compound annual growth so far against the growth the
    // target requires over its whole span. The exponential model needs positive values; Open SDG replaces a 0 by
    // 0.001, a value no plan declared, so a 0 here gives no figure instead.
    const years = got.fy - b.fy;
    const span = (indicator.target?.fy ?? got.fy) - b.fy;
    if (years <= 0 || span <= 0 || b.value <= 0 || a <= 0 || target <= 0) return uncomputed('no-baseline', basis, base);
    const actualRate = (a / b.value) ** (1 / years) - 1;
    const requiredRate = (target / b.value) ** (1 / span) - 1;
    const percent = (actualRate * 100) / requiredRate;
    const r = (x: number) => formatPercent(x * 100, 2);
    // Reached before its year: Open SDG reports "target achieved" whatever the growth.
    const reached = lower ? a <= target : a >= target;
    const growth = {
      ja: `年平均伸び率 実績 ${r(actualRate)} ÷ 必要 ${r(requiredRate)} = ${pct(percent)}`,
      en: `annual growth actual ${r(actualRate)} ÷ required ${r(requiredRate)} = ${pct(percent)}`,
    };
    const formula = reached
      ? {
          ja: `目標 ${q(target)} に到達（実績 ${q(a)}）、${growth.ja}`,
          en: `target ${q(target)} reached (actual ${q(a)}); ${growth.en}`,
        }
      : growth;
    return { ...done(percent, formula), reached };
  }

  if (basis === 'expected-path') {
    const step = method?.path?.find((p) => p.fy === asOfFy);
    const own = indicator.values.find((v) => v.fy === asOfFy && v.period === 'FY')?.target;
    const expected = step && target !== null ? (target * step.percent) / 100 : (own ?? null);
    if (got.fy !== asOfFy) return uncomputed('missing-actual', basis, { targetUsed: expected });
    if (expected === null || expected === undefined) return uncomputed('no-expected', basis, base);
    return ratio(a, expected, lower, { ja: '期待値', en: 'expected' }, { ...base, targetUsed: expected }, { pct, q });
  }

  // level and cumulative
  const range = indicator.target?.range;
  if (range && basis === 'level') {
    if (a >= range.min && a <= range.max) {
      return done(100, {
        ja: `${q(a)} は目標範囲 ${q(range.min)}～${q(range.max)} の内 → 100%`,
        en: `${q(a)} within the target range ${q(range.min)}–${q(range.max)} → 100%`,
      });
    }
    return a < range.min
      ? ratio(a, range.min, false, { ja: '目標範囲の下限', en: 'range minimum' }, base, { pct, q })
      : ratio(a, range.max, true, { ja: '目標範囲の上限', en: 'range maximum' }, base, { pct, q }, ABOVE_RANGE);
  }
  if (target === null) return uncomputed('no-target', basis, base);
  const label = cumulative ? { ja: '目標（累計）', en: 'target (total)' } : { ja: '目標', en: 'target' };
  return ratio(a, target, lower, label, base, { pct, q });
}

const LOWER_IS_BETTER: Text = { ja: '（少ないほど良い指標）', en: ' (lower is better)' };
// Above a range's maximum the figure is judged downwards, but the indicator is not a lower-is-better one.
const ABOVE_RANGE: Text = { ja: '（目標範囲の上限を超過）', en: ' (above the target range)' };

/**
 * actual ÷ goal, or goal ÷ actual when judged downwards (a lower-is-better indicator, or an actual above a range's
 * maximum, each with its own note); a goal of 0 is met only by 0 or less.
 */
function ratio(
  a: number,
  goal: number,
  lower: boolean,
  label: Text,
  base: Omit<IndicatorProgress, 'percent' | 'status' | 'formula'>,
  fmt: { pct: (x: number) => string; q: (x: number) => string },
  note: Text = LOWER_IS_BETTER,
): IndicatorProgress {
  const { pct, q } = fmt;
  const ok = (percent: number, formula: Text): IndicatorProgress => ({ ...base, percent, status: 'computed', formula });
  if (goal === 0 || (lower && a <= 0)) {
    const met = lower ? a <= goal : a >= goal;
    const percent = met ? 100 : 0;
    return ok(percent, {
      ja: `実績 ${q(a)}、${label.ja} ${q(goal)} → ${met ? '到達' : '未到達'} ${pct(percent)}`,
      en: `actual ${q(a)}, ${label.en} ${q(goal)} → ${met ? 'reached' : 'not reached'} ${pct(percent)}`,
    });
  }
  if (lower) {
    const percent = (goal * 100) / a;
    return ok(percent, {
      ja: `${label.ja} ${q(goal)} ÷ 実績 ${q(a)} = ${pct(percent)}${note.ja}`,
      en: `${label.en} ${q(goal)} ÷ actual ${q(a)} = ${pct(percent)}${note.en}`,
    });
  }
  const percent = (a * 100) / goal;
  return ok(percent, {
    ja: `実績 ${q(a)} ÷ ${label.ja} ${q(goal)} = ${pct(percent)}`,
    en: `actual ${q(a)} ÷ ${label.en} ${q(goal)} = ${pct(percent)}`,
  });
}
