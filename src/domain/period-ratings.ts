import type { Assessment, PlanDocument, PlanNode, RatingLevel, RatingScale } from './plan-document.ts';
import { inStage } from './plan-tree.ts';
import { findLevel } from './rating-scale.ts';
import { comparePeriods, type PartPeriod } from './reporting-period.ts';

/** One rating of an item for a part of a year: a quarter's RAG status, a half-year's review. */
export interface PeriodRating {
  fy: number;
  period: PartPeriod;
  scale: RatingScale;
  assessment: Assessment;
  /** The level on the scale; undefined when the key is not on it. */
  level: RatingLevel | undefined;
}

/**
 * Every rating of an item for a part of a year (Q1–Q4, H1/H2, a month), in the listed evaluation stage, by year,
 * then in the order the periods end, then in the plan's order of scales. Empty when the plan rates whole years only.
 * @example periodRatingsOf(plan, node).map((r) => `${r.period} ${r.level?.label}`) // ["Q1 Green", "Q2 Amber", …]
 */
export function periodRatingsOf(plan: PlanDocument, node: PlanNode): PeriodRating[] {
  const primary = plan.ratingScales[0]!.key;
  const order = (key: string) => plan.ratingScales.findIndex((s) => s.key === key);
  return node.assessments
    .filter((a): a is Assessment & { period: PartPeriod } => a.period !== 'FY')
    .filter((a) => inStage(a, undefined, plan.listedStage))
    .map((a) => ({ a, scale: plan.ratingScales.find((s) => s.key === (a.scale ?? primary)) }))
    .filter((x): x is { a: Assessment & { period: PartPeriod }; scale: RatingScale } => x.scale !== undefined)
    .sort(
      (x, y) => x.a.fy - y.a.fy || comparePeriods(x.a.period, y.a.period) || order(x.scale.key) - order(y.scale.key),
    )
    .map(({ a, scale }) => ({ fy: a.fy, period: a.period, scale, assessment: a, level: findLevel(scale, a.level) }));
}
