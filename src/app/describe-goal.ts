import { type EditionContent, leafNodes, nodePath, type PlanNode, type PlanRollup } from '../domain/index.ts';
import { describeInitiative, type InitiativeView } from './describe-initiative.ts';
import { periodYears, rollupOf } from './describe-plan.ts';

export interface GoalView {
  node: PlanNode;
  /** 1 = top level (基本目標). */
  depth: number;
  ancestors: PlanNode[];
  /** One roll-up per fiscal year of the plan period, over the initiatives below the goal. */
  rollups: PlanRollup[];
  /** Initiatives (leaves) below the goal, document order. */
  initiatives: InitiativeView[];
}

/** A goal (any node with children) with its roll-ups and initiatives; undefined for unknown codes and leaves. */
export function describeGoal(content: EditionContent, code: string, asOfFy: number): GoalView | undefined {
  const plan = content.plan;
  const path = nodePath(plan, code);
  const node = path?.at(-1);
  if (!path || !node || node.children.length === 0) return undefined;
  return {
    node,
    depth: path.length,
    ancestors: path.slice(0, -1),
    rollups: periodYears(plan).map((fy) => rollupOf(plan, fy, { goal: node.code })),
    initiatives: leafNodes(node.children)
      .map((leaf) => describeInitiative(content, leaf.code, asOfFy))
      .filter((v): v is InitiativeView => v !== undefined),
  };
}
