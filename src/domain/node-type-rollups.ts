import { countedNodeType, type ItemNodeType } from './node-type.ts';
import type { PlanDocument } from './plan-document.ts';
import { type PlanRollup, planRollup, type RollupScope } from './plan-rollup.ts';
import { ok, type Result } from './result.ts';

/** The roll-up of one item type counted apart from the plan's actions. */
export interface NodeTypeRollup {
  type: ItemNodeType;
  rollup: PlanRollup;
}

/**
 * The primary scale rolled up over the indicator nodes of a plan whose items are both actions and indicators,
 * by the plan's own method: the figures the actions' roll-ups leave out. Empty for a plan whose items are all of
 * one type (Ogori), whose roll-ups count every item.
 * @example nodeTypeRollups(plan, 2024, { scope: 'plan' }) // ok: [{ type: "indicator", rollup: … "50.0%" }]
 */
export function nodeTypeRollups(
  plan: PlanDocument,
  fy: number,
  options: { scope: RollupScope },
): Result<NodeTypeRollup[]> {
  if (countedNodeType(plan) === null) return ok([]);
  const rolled = planRollup(plan, fy, { ...options, nodeType: 'indicator' });
  if (!rolled.ok) return rolled;
  return ok([{ type: 'indicator', rollup: rolled.value }]);
}
