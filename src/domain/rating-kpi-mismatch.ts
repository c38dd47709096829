import { kpiProgress } from './kpi-progress.ts';
import type { PlanDocument, PlanNode, RatingScale } from './plan-document.ts';
import { levelForPercent } from './rating-rules.ts';
import { findLevel, scoreOf, stepDistance } from './rating-scale.ts';
import { formatPercent } from './round-percent.ts';

export interface RatingKpiMismatch {
  progressPercent: number;
  ratingLevel: string;
  ratingLabel: string;
  /** Steps between the self-rating and what the KPIs suggest (on a 10 % scale, points ÷ 10). */
  steps: number;
  formula: { ja: string; en: string };
  message: string;
  messageEn: string;
}

/** Gap between neighbouring scored levels, the size of "one step" on a percentage scale. */
function stepOf(scale: RatingScale): number {
  if (scale.kind === 'numeric') return ((scale.max ?? 100) - (scale.min ?? 0)) / 10;
  const scores = scale.levels
    .filter((l) => !l.excluded && l.score !== null)
    .map((l) => l.score as number)
    .sort((a, b) => a - b);
  const gaps = scores.slice(1).map((s, i) => s - (scores[i] as number));
  return gaps.length > 0 ? Math.min(...gaps) : Number.POSITIVE_INFINITY;
}

/**
 * Whether an initiative's self-rating and its KPI progress (mean of computed KPIs, each capped at 100 %)
 * are more than one step apart: on a 10 % scale, 48.3 % against a 70 % rating. Scales that are not
 * percentages are only compared through the plan's rating rule. Undefined when they agree or cannot be
 * compared.
 * @example ratingKpiMismatch(plan, node12, 2022, '70')?.message // "1-2: 累計 390,846 ÷ 目標 810,000 = 48.3% ですが自己評価は 70%"
 */
export function ratingKpiMismatch(
  plan: PlanDocument,
  node: PlanNode,
  fy: number,
  ratingLevel: string,
  scale: RatingScale | undefined = plan.ratingScales[0],
): RatingKpiMismatch | undefined {
  if (!scale) return undefined;
  const level = findLevel(scale, ratingLevel);
  if (!level || level.excluded) return undefined;
  const rule = plan.ratingRules.find((r) => r.scale === scale.key);
  const progress = kpiProgress(node.indicators, {
    asOfFy: fy,
    planStartFy: plan.period.startFy,
    combine: rule?.combine ?? 'mean',
    decimals: plan.rollup.decimals,
  });
  if (progress.percent === null) return undefined;

  let steps: number | null = null;
  if (rule) {
    const suggested = levelForPercent(rule, progress.percent);
    steps = suggested === null ? null : stepDistance(scale, suggested, ratingLevel);
  } else if (scale.kind === 'percentage' || scale.kind === 'numeric') {
    const score = scoreOf(scale, ratingLevel);
    steps = score === null ? null : Math.abs(progress.percent - score) / stepOf(scale);
  }
  if (steps === null || steps <= 1) return undefined;

  const label = level.label;
  const formula = progress.formula;
  return {
    progressPercent: progress.percent,
    ratingLevel,
    ratingLabel: label,
    steps,
    formula,
    message: `${node.code}: ${formula.ja} ですが自己評価は ${label}`,
    messageEn: `${node.code}: ${formula.en} but the self-rating is ${level.labelEn ?? label} (KPI progress ${formatPercent(progress.percent, plan.rollup.decimals)})`,
  };
}
