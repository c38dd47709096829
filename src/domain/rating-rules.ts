import { applyRounding } from './declared-rounding.ts';
import type { ProgressBasis } from './evaluation-method.ts';
import type { YearNaming } from './indicator-progress.ts';
import { kpiProgress } from './kpi-progress.ts';
import type { Indicator, RatingRule } from './plan-document.ts';
import type { DomainError } from './result.ts';

export interface DerivedRating {
  /** Level key the rule gives; null with a `reason` when it gives none. */
  level: string | null;
  percent: number | null;
  reason: DomainError | null;
  formula: { ja: string; en: string };
}

/**
 * The level a rule's thresholds give a percentage. The highest threshold reached wins, whatever order the
 * thresholds were written in.
 * @example levelForPercent({ thresholds: [{ minPercent: 0, level: 'C' }, { minPercent: 80, level: 'A' }] }, 85) // "A"
 */
export function levelForPercent(rule: Pick<RatingRule, 'thresholds'>, percent: number): string | null {
  const sorted = [...rule.thresholds].sort((a, b) => b.minPercent - a.minPercent);
  // As the decimal it stands for: 37.8 ÷ 42.0 is 90 %, not the 89.99999999999999 binary division gives.
  const value = applyRounding(percent, { mode: 'none', decimals: 0 });
  return sorted.find((t) => value >= t.minPercent)?.level ?? null;
}

/**
 * Rates an initiative from its KPIs by a rule. Every numeric KPI must have a computed progress: rating from
 * only the reported ones would quietly treat the rest as fine.
 * @example deriveRating(node.indicators, rule, { asOfFy: 2022 }) // { level: 'B', percent: 48.25…, reason: null, … }
 */
export function deriveRating(
  indicators: readonly Indicator[],
  rule: RatingRule,
  options: {
    asOfFy: number;
    planStartFy?: number;
    years?: YearNaming | undefined;
    basisOf: (indicator: Indicator) => ProgressBasis | null;
  },
): DerivedRating {
  const progress = kpiProgress(indicators, { ...options, combine: rule.combine });
  const none = (code: string, message: string, messageEn: string): DerivedRating => ({
    level: null,
    percent: progress.percent,
    reason: { code, message, messageEn },
    formula: progress.formula,
  });
  if (progress.indicators.length === 0) {
    return none('no-numeric-indicator', '数値で測るKPIがないため自動評価できません', 'No numeric KPI to rate from');
  }
  if (progress.uncomputed.length > 0) {
    const keys = progress.uncomputed.join(', ');
    return none(
      'indicator-not-computed',
      `KPI（${keys}）の実績または目標がないため自動評価できません`,
      `KPI ${keys} has no actual or no target, so no rating can be derived`,
    );
  }
  const percent = progress.percent as number;
  const level = levelForPercent(rule, percent);
  if (level === null) {
    return none(
      'below-all-thresholds',
      'KPIの達成率がどの評価段階の基準にも届きません',
      'KPI progress is below every threshold of the rule',
    );
  }
  return { level, percent, reason: null, formula: progress.formula };
}
