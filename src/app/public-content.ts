import { type EditionContent, markContributions, type PlanNode } from '../domain/index.ts';

// Published content objects are shared and kept per process (readEditionContent), so the marked form of each is
// built once; content without contributions is returned as it is, at no cost.
const marked = new WeakMap<EditionContent, EditionContent>();

const hasParts = (nodes: PlanNode[]): boolean =>
  nodes.some((n) => (n.contributions?.length ?? 0) > 0 || hasParts(n.children));

function mapNodes(nodes: PlanNode[], f: (n: PlanNode) => PlanNode): PlanNode[] {
  return nodes.map((n) => f({ ...n, children: mapNodes(n.children, f) }));
}

/**
 * An edition's content as every public output reads it (portal, API, PDF, CSV, Excel, static export): the
 * co-departments' lines of shared initiatives follow the lead 課's, marked with the 課 name of the edition's
 * moment (markContributions). The stored content keeps them apart.
 */
export function presentedContent(content: EditionContent): EditionContent {
  const hit = marked.get(content);
  if (hit) return hit;
  let out = content;
  if (hasParts(content.plan.nodes)) {
    const names = new Map(content.departments.map((d) => [d.code, d.name]));
    const nameOf = (code: string) => names.get(code) ?? code;
    const primary = content.plan.ratingScales[0]!.key;
    const nodes = mapNodes(content.plan.nodes, (n) => markContributions(n, nameOf, primary, content.plan.listedStage));
    out = { ...content, plan: { ...content.plan, nodes } };
  }
  marked.set(content, out);
  return out;
}
