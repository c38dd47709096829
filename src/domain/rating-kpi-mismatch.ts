import { yearNamingOf } from './indicator-progress.ts';
import { kpiProgress } from './kpi-progress.ts';
import type { PlanDocument, PlanNode, RatingScale } from './plan-document.ts';
import { ruleBasisOf } from './progress-basis-of.ts';
import { levelForPercent } from './rating-rules.ts';
import { findLevel, stepDistance } from './rating-scale.ts';
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

/**
 * Whether an initiative's self-rating and the level the plan's own rating rule gives its KPI progress are more
 * than one step apart on the scale. Only a declared rule is compared: a plan without one (Ogori) never has its
 * ratings called wrong by a rule it did not make. Undefined when they agree or cannot be compared.
 * @example ratingKpiMismatch(plan, node, 2024, 'A')?.message // "1-1-1: (12 − 10) ÷ (12 − 8) = 50.0% ですが自己評価は A"
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
  if (!rule) return undefined;
  const progress = kpiProgress(node.indicators, {
    asOfFy: fy,
    planStartFy: plan.period.startFy,
    years: yearNamingOf(plan),
    combine: rule.combine,
    decimals: plan.rollup.decimals,
    basisOf: (i) => ruleBasisOf(plan, i),
  });
  if (progress.percent === null) return undefined;
  const suggested = levelForPercent(rule, progress.percent);
  const steps = suggested === null ? null : stepDistance(scale, suggested, ratingLevel);
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
