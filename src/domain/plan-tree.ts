import { isItemNode } from './node-type.ts';
import type { Assessment, Period, PlanDocument, PlanNode } from './plan-document.ts';

/** Anything with a node list: a plan, or a node (its children). */
type Tree = Pick<PlanDocument, 'nodes'> | readonly PlanNode[];
const rootsOf = (tree: Tree): readonly PlanNode[] => (Array.isArray(tree) ? tree : (tree as PlanDocument).nodes);

export interface WalkedNode {
  node: PlanNode;
  /** Root first, not including the node. */
  ancestors: PlanNode[];
  /** 1 for top-level nodes. */
  depth: number;
}

/**
 * Every node in document order (parents before their children).
 * @example [...walkNodes(plan)].map((w) => w.node.code) // ["1", "1-1", "1-2", "2", …]
 */
export function* walkNodes(tree: Tree, ancestors: PlanNode[] = []): Generator<WalkedNode> {
  for (const node of rootsOf(tree)) {
    yield { node, ancestors, depth: ancestors.length + 1 };
    yield* walkNodes(node.children, [...ancestors, node]);
  }
}

/**
 * The initiatives: nodes without children that are not declared objectives (a 基本目標 with nothing below it
 * yet is still a goal), in document order.
 * @example leafNodes(ogori).length // 40
 */
export function leafNodes(tree: Tree): PlanNode[] {
  return [...walkNodes(tree)].filter((w) => isItemNode(w.node)).map((w) => w.node);
}

/**
 * The node with this code.
 * @example findNode(plan, '1-2')?.title // "市長発信用SNS開設"
 */
export function findNode(tree: Tree, code: string): PlanNode | undefined {
  for (const { node } of walkNodes(tree)) if (node.code === code) return node;
  return undefined;
}

/**
 * Nodes from the top down to the one with this code (for breadcrumbs); undefined when not found.
 * @example nodePath(plan, '1-2')?.map((n) => n.code) // ["1", "1-2"]
 */
export function nodePath(tree: Tree, code: string): PlanNode[] | undefined {
  for (const { node, ancestors } of walkNodes(tree)) if (node.code === code) return [...ancestors, node];
  return undefined;
}

/**
 * All nodes below a node, document order, not including itself.
 * @example descendantsOf(findNode(plan, '1')!).map((n) => n.code) // ["1-1", "1-2", "1-3"]
 */
export function descendantsOf(node: PlanNode): PlanNode[] {
  return [...walkNodes(node.children)].map((w) => w.node);
}

/**
 * Nodes (any level) that name a department, lead or not.
 * @example nodesOfDepartment(plan, 'keiei-senryaku').map((n) => n.code) // ["1-1", "1-2", "4-1", …]
 */
export function nodesOfDepartment(tree: Tree, departmentCode: string): PlanNode[] {
  return [...walkNodes(tree)].filter((w) => w.node.departments.includes(departmentCode)).map((w) => w.node);
}

/**
 * Neighbouring initiatives in document order, for "previous / next" links across goals.
 * @example previousAndNext(plan, '1-3') // { previous: node 1-2, next: node 2-1 }
 */
export function previousAndNext(tree: Tree, code: string): { previous?: PlanNode; next?: PlanNode } {
  const leaves = leafNodes(tree);
  const i = leaves.findIndex((n) => n.code === code);
  if (i < 0) return {};
  const previous = leaves[i - 1];
  const next = leaves[i + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/**
 * Whether an assessment was given in a stage: one without a stage belongs to the plan's listed stage (or is the
 * one rating of a plan without stages). `stage` absent asks for the listed stage.
 * @example inStage({ stage: 'interim', ... }, undefined, 'final') // false
 */
export function inStage(a: Pick<Assessment, 'stage'>, stage: string | undefined, listedStage: string | undefined) {
  return (a.stage ?? listedStage) === (stage ?? listedStage);
}

/** The options naming a plan's primary scale and listed stage, which every reader of "the" rating passes. */
export function ratingQuery(plan: Pick<PlanDocument, 'ratingScales' | 'listedStage'>): {
  primaryScale: string;
  listedStage?: string;
} {
  return {
    primaryScale: plan.ratingScales[0]!.key,
    ...(plan.listedStage !== undefined && { listedStage: plan.listedStage }),
  };
}

/**
 * A node's assessment for a fiscal year on one scale. Assessments without a scale belong to the plan's
 * primary scale, so pass `primaryScale` when asking for a named one; those without a stage to the plan's
 * `listedStage`, which is what is found unless `stage` names another (see ratingQuery).
 * @example assessmentOf(node, 2022)?.level // "70"
 */
export function assessmentOf(
  node: PlanNode,
  fy: number,
  scaleKey?: string,
  options: { primaryScale?: string; period?: Period; stage?: string; listedStage?: string } = {},
): Assessment | undefined {
  const { primaryScale, period = 'FY' } = options;
  const onScale = (a: Assessment) =>
    scaleKey === undefined
      ? a.scale === undefined || a.scale === primaryScale
      : a.scale === scaleKey || (a.scale === undefined && (primaryScale === undefined || scaleKey === primaryScale));
  return node.assessments.find(
    (a) => a.fy === fy && a.period === period && onScale(a) && inStage(a, options.stage, options.listedStage),
  );
}

/**
 * Whether a node is part of the plan in a year: abolished, merged or split nodes drop out of roll-ups and
 * reporting from the year their status applies; completed ones stay (they report 100 %); nodes added mid-plan
 * count from the year they were added.
 * @example isActiveIn(node, 2022) // true
 */
export function isActiveIn(node: PlanNode, fy: number): boolean {
  const { status, fromFy, addedFy } = node.lifecycle;
  if (addedFy !== undefined && fy < addedFy) return false;
  if (status === 'active' || status === 'completed') return true;
  return fromFy !== undefined && fy < fromFy;
}
