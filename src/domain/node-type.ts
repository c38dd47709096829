import { z } from 'zod';

/**
 * What a node of the plan tree is, so counts never mix them: an objective (基本目標, 施策: a goal that items
 * serve, even one with no items below it yet), an action (具体的な取組, 事務事業) or an indicator (a node that is
 * itself a measure, as in an SDG indicator set). Absent: a node with children is an objective, one without an
 * action, which is how every bundle written before node types reads.
 */
export const NodeType = z.enum(['objective', 'action', 'indicator']);
export type NodeType = z.output<typeof NodeType>;

interface Typed {
  type?: NodeType | undefined;
  children: readonly unknown[];
}

/**
 * A node's declared type, or the one its place in the tree implies.
 * @example nodeTypeOf({ children: [] }) // "action"
 */
export function nodeTypeOf(node: Typed): NodeType {
  return node.type ?? (node.children.length > 0 ? 'objective' : 'action');
}

/**
 * Whether a node is a goal (rolled up over the items below it, with a goal page) rather than an item: it has
 * children, or it is declared an objective.
 * @example isGoalNode({ type: 'objective', children: [] }) // true
 */
export function isGoalNode(node: Typed): boolean {
  return node.children.length > 0 || node.type === 'objective';
}

/**
 * Whether a node is an item of the plan (an action or an indicator node without children): what is rated,
 * listed and counted as the plan's items.
 * @example isItemNode({ children: [] }) // true
 */
export function isItemNode(node: Typed): boolean {
  return !isGoalNode(node);
}

/** The types an item (a node rated and counted) can have. */
export type ItemNodeType = Exclude<NodeType, 'objective'>;

interface TypedTree {
  type?: NodeType | undefined;
  children: readonly TypedTree[];
}

/**
 * The item type a plan's roll-ups count: its actions when its items are of both types, so indicator nodes are
 * rolled up apart and never mixed into the actions' figures; null when every item is of one type (count them all).
 * @example countedNodeType({ nodes: [{ children: [] }, { type: 'indicator', children: [] }] }) // "action"
 */
export function countedNodeType(plan: { nodes: readonly TypedTree[] }): ItemNodeType | null {
  const seen = new Set<ItemNodeType>();
  const walk = (nodes: readonly TypedTree[]) => {
    for (const n of nodes) {
      if (isItemNode(n)) seen.add(nodeTypeOf(n) as ItemNodeType);
      walk(n.children);
    }
  };
  walk(plan.nodes);
  return seen.size > 1 ? 'action' : null;
}

/**
 * The items a plan counts among `items`, as its roll-ups do: all of them, or only its actions when its items are
 * of both types (an indicator node is never counted as one of the plan's 取組).
 * @example
 * const items = [{ children: [] }, { type: 'indicator' as const, children: [] }];
 * countedItems({ nodes: items }, items).length // 1
 */
export function countedItems<T extends TypedTree>(plan: { nodes: readonly TypedTree[] }, items: readonly T[]): T[] {
  const counted = countedNodeType(plan);
  return counted === null ? [...items] : items.filter((n) => nodeTypeOf(n) === counted);
}
