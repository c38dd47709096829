import type { IndicatorMethod, ProgressBasis } from './evaluation-method.ts';
import type { Indicator, PlanDocument } from './plan-document.ts';

/**
 * The progress basis a plan declares for one indicator: its own `method`, else the plan's default; null when the
 * plan declares none (then only plain arithmetic is shown).
 * @example progressBasisOf(ogori, followers) // null
 */
export function progressBasisOf(plan: Pick<PlanDocument, 'evaluation'>, indicator: Indicator): ProgressBasis | null {
  return indicator.method?.basis ?? plan.evaluation?.progress?.basis ?? null;
}

/**
 * The basis a legacy `ratingRules` entry (basis "indicator-progress") computes with: the declared one, or
 * `by-kind`, which is what that rule has always meant.
 */
export function ruleBasisOf(plan: Pick<PlanDocument, 'evaluation'>, indicator: Indicator): ProgressBasis {
  return progressBasisOf(plan, indicator) ?? 'by-kind';
}

/** The expected path (期待値 per year) declared for an indicator: its own, else the plan's; undefined without one. */
export function progressPathOf(
  plan: Pick<PlanDocument, 'evaluation'>,
  indicator: Indicator,
): NonNullable<IndicatorMethod['path']> | undefined {
  return indicator.method?.path ?? plan.evaluation?.progress?.path;
}
