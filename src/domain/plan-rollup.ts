import { countedNodeType, type ItemNodeType, isItemNode, nodeTypeOf } from './node-type.ts';
import type { PlanDocument, PlanNode, RollupSettings } from './plan-document.ts';
import { assessmentOf, descendantsOf, findNode, isActiveIn, leafNodes, ratingQuery } from './plan-tree.ts';
import type { Period } from './reporting-period.ts';
import { err, ok, type Result } from './result.ts';
import { type Rollup, rollupAssessments } from './rollup.ts';

export type RollupScope = 'plan' | { goal: string } | { department: string };

export interface PlanRollup extends Rollup {
  fy: number;
  scope: RollupScope;
  scaleKey: string;
  /** Initiatives in scope that had left the plan (abolished, merged, split) by this year. */
  inactive: string[];
}

/**
 * Rolls up one fiscal year of a plan, a goal (its initiatives) or a 課 (initiatives naming it) on a scale
 * (the primary one by default), by the plan's roll-up settings.
 * @example planRollup(ogori, 2022, { scope: 'plan' }) // ok: formatted "40.5%", coverage "40件中40件評価済"
 */
export function planRollup(
  plan: PlanDocument,
  fy: number,
  options: {
    scope: RollupScope;
    scale?: string;
    /** The scope's initiatives when the caller already has them (one goal over every year), to skip the walk. */
    nodes?: PlanNode[];
    /** How to roll up, when not by the plan's own settings (a secondary scale, a stated figure's method). */
    settings?: RollupSettings;
    /** The evaluation stage whose ratings to roll up; the plan's listed stage when absent. */
    stage?: string;
    /** The part of the year whose ratings to roll up (a quarter's RAG); the whole year when absent. */
    period?: Period;
    /**
     * Count only items of this type; absent: the type the plan counts (its actions when it also has indicator
     * nodes, which have roll-ups of their own), else every item.
     */
    nodeType?: ItemNodeType;
  },
): Result<PlanRollup> {
  const { scope } = options;
  const primary = plan.ratingScales[0];
  const scale = options.scale === undefined ? primary : plan.ratingScales.find((s) => s.key === options.scale);
  if (!scale || !primary) {
    return err(
      'scale-not-found',
      `評価尺度「${options.scale}」はこの計画にありません`,
      `Scale "${options.scale}" is not in this plan`,
    );
  }
  let nodes: PlanNode[];
  if (options.nodes) nodes = options.nodes;
  else if (scope === 'plan') nodes = leafNodes(plan);
  else if ('goal' in scope) {
    const goal = findNode(plan, scope.goal);
    if (!goal)
      return err('node-not-found', `「${scope.goal}」はこの計画にありません`, `No node "${scope.goal}" in this plan`);
    nodes = isItemNode(goal) ? [goal] : descendantsOf(goal).filter((n) => isItemNode(n));
  } else {
    nodes = leafNodes(plan).filter((n) => n.departments.includes(scope.department));
  }
  const counted = options.nodeType ?? countedNodeType(plan);
  if (counted !== null) nodes = nodes.filter((n) => nodeTypeOf(n) === counted);
  const active = nodes.filter((n) => isActiveIn(n, fy));
  const items = active.map((n) => ({
    code: n.code,
    title: n.title,
    weight: n.weight,
    level: assessmentOf(n, fy, scale.key, {
      ...ratingQuery(plan),
      ...(options.stage !== undefined && { stage: options.stage }),
      ...(options.period !== undefined && { period: options.period }),
    })?.level,
  }));
  const rolled = rollupAssessments({ items, scale, settings: options.settings ?? plan.rollup });
  if (!rolled.ok) return rolled;
  return ok({
    ...rolled.value,
    fy,
    scope,
    scaleKey: scale.key,
    inactive: nodes.filter((n) => !isActiveIn(n, fy)).map((n) => n.code),
  });
}
