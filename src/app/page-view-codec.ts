import type { EditionContent, PlanNode } from '../domain/index.ts';

/**
 * How a page's data is stored beside a published edition. The figures of a page (roll-ups, ratings, the search
 * index) are kept as computed; the plan nodes they point at are kept once, in the edition's frame (every node,
 * without the long texts only an initiative's or a goal's own page shows) or in the view itself (the nodes whose
 * page it is, whole), and written as references `{"$node": code}`. A page that misses the memory cache thus reads
 * a few kilobytes instead of the whole edition, and gets the same objects it would have got from the content.
 */

/** Node fields only the page of that node (or its goal) shows; the frame leaves them out. */
const PAGE_OWN_FIELDS = [
  'situation',
  'challenges',
  'goal',
  'roadmap',
  'indicators',
  'fields',
  'sourceNotes',
  'contributions',
];

function leanNode(node: PlanNode): PlanNode {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (!PAGE_OWN_FIELDS.includes(key)) out[key] = value;
  out.children = node.children.map(leanNode);
  return out as PlanNode;
}

/** The edition's content with every node lean: what each page needs of the plan around its own nodes. */
export function frameOf(content: EditionContent): EditionContent {
  return { ...content, plan: { ...content.plan, nodes: content.plan.nodes.map(leanNode) } };
}

function nodesByCode(nodes: PlanNode[], into = new Map<string, PlanNode>()): Map<string, PlanNode> {
  for (const n of nodes) {
    into.set(n.code, n);
    nodesByCode(n.children, into);
  }
  return into;
}

/** JSON of a page's data with every node of `content` written as a reference. */
export function encodePageData(content: EditionContent, data: unknown): string {
  const codes = new Map<object, string>();
  for (const [code, node] of nodesByCode(content.plan.nodes)) codes.set(node, code);
  return JSON.stringify(data, (_key, value) => {
    const code = typeof value === 'object' && value !== null ? codes.get(value) : undefined;
    return code === undefined ? value : { $node: code };
  });
}

/** Replaces the frame's lean nodes by whole ones (a goal's subtree, an initiative), keeping the tree's shape. */
export function withWholeNodes(frame: EditionContent, whole: PlanNode[]): EditionContent {
  if (whole.length === 0) return frame;
  const byCode = new Map(whole.map((n) => [n.code, n]));
  const swap = (nodes: PlanNode[]): PlanNode[] =>
    nodes.map((n) => byCode.get(n.code) ?? { ...n, children: swap(n.children) });
  return { ...frame, plan: { ...frame.plan, nodes: swap(frame.plan.nodes) } };
}

/** Reads data written by encodePageData against `content` (the frame, with the view's whole nodes in it). */
export function decodePageData(content: EditionContent, json: string): unknown {
  const nodes = nodesByCode(content.plan.nodes);
  return JSON.parse(json, (_key, value) => {
    if (typeof value === 'object' && value !== null && typeof value.$node === 'string') {
      const node = nodes.get(value.$node);
      if (!node) throw new Error(`stored page data names node ${value.$node}, which the edition does not have`);
      return node;
    }
    return value;
  });
}
