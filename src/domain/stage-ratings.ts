import type { EvaluationStage } from './evaluation-stage.ts';
import type { Assessment, PlanDocument, PlanNode, RatingLevel, RatingScale } from './plan-document.ts';
import { inStage } from './plan-tree.ts';
import { findLevel } from './rating-scale.ts';

/** One rating of an item in one evaluation stage. */
export interface StageRating {
  fy: number;
  stage: EvaluationStage;
  listed: boolean;
  scale: RatingScale;
  assessment: Assessment;
  /** The level on the scale; undefined when the key is not on it. */
  level: RatingLevel | undefined;
}

/**
 * Every whole-year rating of an item in the plan's evaluation stages (事中 and 事後, 一次 / 二次 / 外部評価), by
 * year, then in the plan's order of stages and scales; a rating without a stage is the listed stage's. Empty for a
 * plan without stages.
 * @example stageRatingsOf(plan, node).map((r) => `${r.fy} ${r.stage.name} ${r.level?.label}`) // ["2024 事中評価 B", …]
 */
export function stageRatingsOf(plan: PlanDocument, node: PlanNode): StageRating[] {
  const stages = plan.evaluationStages ?? [];
  const primary = plan.ratingScales[0]!.key;
  const years = [...new Set(node.assessments.map((a) => a.fy))].sort((a, b) => a - b);
  const out: StageRating[] = [];
  for (const fy of years) {
    for (const stage of stages) {
      for (const scale of plan.ratingScales) {
        for (const a of node.assessments) {
          if (a.fy !== fy || a.period !== 'FY' || (a.scale ?? primary) !== scale.key) continue;
          if (!inStage(a, stage.key, plan.listedStage)) continue;
          out.push({
            fy,
            stage,
            listed: stage.key === plan.listedStage,
            scale,
            assessment: a,
            level: findLevel(scale, a.level),
          });
        }
      }
    }
  }
  return out;
}
