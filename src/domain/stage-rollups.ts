import type { EvaluationStage } from './evaluation-stage.ts';
import type { PlanDocument } from './plan-document.ts';
import { type PlanRollup, planRollup, type RollupScope } from './plan-rollup.ts';
import { ok, type Result } from './result.ts';

/** One evaluation stage's roll-up of the primary scale. */
export interface StageRollup {
  stage: EvaluationStage;
  /** Whether this is the stage the plan's 一覧 and headline figures use. */
  listed: boolean;
  rollup: PlanRollup;
}

/**
 * The primary scale rolled up once per evaluation stage the plan declares (事中 and 事後, or 一次, 二次 and 外部評価),
 * in the plan's order, each by the plan's own roll-up method. Empty for a plan without stages.
 * @example stageRollups(plan, 2024, { scope: 'plan' }) // ok: [事中 "2.5", 事後 "2.8"]
 */
export function stageRollups(plan: PlanDocument, fy: number, options: { scope: RollupScope }): Result<StageRollup[]> {
  const out: StageRollup[] = [];
  for (const stage of plan.evaluationStages ?? []) {
    const rolled = planRollup(plan, fy, { ...options, stage: stage.key });
    if (!rolled.ok) return rolled;
    out.push({ stage, listed: stage.key === plan.listedStage, rollup: rolled.value });
  }
  return ok(out);
}
