import { findNode, keepPublishedYear, type PlanDocument, type PlanNode } from '../domain/index.ts';
import { type Executor, getCurrentEdition, getRound, listRoundTasks } from '../store/index.ts';
import type { LoadedPlan } from './load-plan.ts';
import { readEditionContent } from './read-edition-content.ts';
import type { TaskState } from './review-chain.ts';

/** An initiative whose report for the edition's year was not approved: the edition keeps what was public before. */
export interface WithheldItem {
  code: string;
  title: string;
  /** Its 課, lead first. */
  departments: string[];
  state: TaskState;
}

export interface EditionPlan {
  /** The plan as the edition will show it. */
  document: PlanDocument;
  withheld: WithheldItem[];
}

function mapTree(nodes: PlanNode[], f: (n: PlanNode) => PlanNode): PlanNode[] {
  return nodes.map((n) => {
    const children = mapTree(n.children, f);
    return n.children.length === 0 ? f(n) : { ...n, children };
  });
}

/**
 * What an edition reflecting `fy` contains, decided per initiative: when the plan has a reporting round for that
 * year, an initiative whose task is 承認済 shows its working values; every other initiative of the round shows,
 * for that year, the values of the edition public now (or none), so nothing never approved is published. A year
 * without a round (content imported by the plan office) is published as it stands.
 */
export async function editionPlan(db: Executor, loaded: LoadedPlan, fy: number): Promise<EditionPlan> {
  const orgId = loaded.organization.id;
  const round = await getRound(db, orgId, loaded.plan.id, fy);
  if (!round) return { document: loaded.document, withheld: [] };
  const states = new Map<string, TaskState>();
  const byId = new Map(loaded.nodes.map((n) => [n.id, n.code]));
  for (const t of await listRoundTasks(db, orgId, round.id)) {
    const code = byId.get(t.nodeId);
    if (code) states.set(code, t.state as TaskState);
  }
  const current = await getCurrentEdition(db, orgId, loaded.plan.id);
  const previous = current && (await readEditionContent(db, orgId, current)).plan;
  const withheld: WithheldItem[] = [];
  const nodes = mapTree(loaded.document.nodes, (node) => {
    const state = states.get(node.code);
    if (state === undefined || state === 'approved') return node;
    withheld.push({ code: node.code, title: node.title, departments: node.departments, state });
    return keepPublishedYear(node, previous && findNode(previous, node.code), fy);
  });
  return { document: { ...loaded.document, nodes }, withheld };
}
