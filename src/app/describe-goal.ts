import type { z } from 'zod';
import {
  countedItems,
  type EditionContent,
  isGoalNode,
  type LocalizedText,
  leafNodes,
  nodePath,
  type PlanNode,
  type PlanRollup,
} from '../domain/index.ts';
import {
  type DimensionView,
  describeDimensions,
  describeInitiative,
  type InitiativeView,
} from './describe-initiative.ts';
import { describeNodeKpis, type NodeKpis } from './describe-node-kpis.ts';
import { periodYears, rollupOf } from './describe-plan.ts';
import { levelOfNode } from './node-level.ts';

/** A goal, with its own 数値目標 (`indicators`, empty when it holds none) and what the plan's rules make of them. */
export interface GoalView extends NodeKpis {
  node: PlanNode;
  /** 1 = top level (基本目標). */
  depth: number;
  /** Name of the goal's level, e.g. 施策. */
  level: z.output<typeof LocalizedText>;
  ancestors: PlanNode[];
  /** One roll-up per fiscal year of the plan period, over the initiatives below the goal. */
  rollups: PlanRollup[];
  /**
   * The goal's own ratings when the plan rates this level too (e.g. 施策 rated beside their 事務事業); empty when
   * the goal has no assessment of its own.
   */
  ownRatings: DimensionView[];
  /** Goals directly below this one (e.g. the 施策 of a 政策), with their roll-ups; empty above leaves. */
  children: { node: PlanNode; level: z.output<typeof LocalizedText>; rollups: PlanRollup[]; count: number }[];
  /** Initiatives (leaves) below the goal, document order. */
  initiatives: InitiativeView[];
}

/** A goal (any node with children) with its roll-ups and initiatives; undefined for unknown codes and leaves. */
export function describeGoal(content: EditionContent, code: string, asOfFy: number): GoalView | undefined {
  const plan = content.plan;
  const path = nodePath(plan, code);
  const node = path?.at(-1);
  if (!path || !node || !isGoalNode(node)) return undefined;
  const years = periodYears(plan);
  return {
    node,
    depth: path.length,
    level: levelOfNode(plan, path.length, false),
    ancestors: path.slice(0, -1),
    rollups: years.map((fy) => rollupOf(plan, fy, { goal: node.code })),
    ownRatings: node.assessments.length > 0 ? describeDimensions(plan, node, asOfFy) : [],
    ...describeNodeKpis(plan, node, asOfFy),
    children: node.children
      .filter((c) => isGoalNode(c))
      .map((c) => ({
        node: c,
        level: levelOfNode(plan, path.length + 1, false),
        rollups: years.map((fy) => rollupOf(plan, fy, { goal: c.code })),
        count: countedItems(plan, leafNodes(c.children)).length,
      })),
    initiatives: leafNodes(node.children)
      .map((leaf) => describeInitiative(content, leaf.code, asOfFy))
      .filter((v): v is InitiativeView => v !== undefined),
  };
}
