import { findNode, isItemNode, keepPublishedYear, type PlanDocument, type PlanNode } from '../domain/index.ts';
import { type Executor, getCurrentEdition, getRound, listRoundTasks, listTaskParts } from '../store/index.ts';
import type { LoadedPlan } from './load-plan.ts';
import { readEditionContent } from './read-edition-content.ts';
import type { TaskState } from './review-chain.ts';
import { sharedModeOf } from './shared-part.ts';
import { combinedState } from './task-parts.ts';

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
    return isItemNode(n) ? f(n) : { ...n, children };
  });
}

/**
 * The co-departments' parts of `fy` as an edition shows them under each-submits: an approved part as entered,
 * any other as the previous edition had it (or not at all).
 */
function withApprovedParts(
  out: PlanNode,
  working: PlanNode,
  before: PlanNode | undefined,
  fy: number,
  parts: ReadonlyMap<string, { state: string }>,
): PlanNode {
  const kept = (out.contributions ?? []).filter((c) => c.fy !== fy);
  const year = working.departments.slice(1).flatMap((d) => {
    const from = parts.get(d)?.state === 'approved' ? working : before;
    return (from?.contributions ?? []).filter((c) => c.fy === fy && c.department === d);
  });
  const { contributions: _c, ...rest } = out;
  const all = [...kept, ...year];
  return all.length > 0 ? { ...rest, contributions: all } : rest;
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
  const steps = new Map<string, number>();
  const byId = new Map(loaded.nodes.map((n) => [n.id, n.code]));
  const tasks = await listRoundTasks(db, orgId, round.id);
  for (const t of tasks) {
    const code = byId.get(t.nodeId);
    if (code) states.set(code, t.state as TaskState);
    if (code) steps.set(code, t.step);
  }
  // Under each-submits every co-department's part is approved on its own: see withApprovedParts.
  const eachSubmits = sharedModeOf(loaded.document) === 'each-submits';
  const partsOf = new Map<string, Map<string, { state: string; step: number }>>();
  if (eachSubmits) {
    const codeOfTask = new Map(tasks.map((t) => [t.id, byId.get(t.nodeId)]));
    for (const p of await listTaskParts(
      db,
      orgId,
      tasks.map((t) => t.id),
    )) {
      const code = codeOfTask.get(p.taskId);
      if (code) partsOf.set(code, (partsOf.get(code) ?? new Map()).set(p.departmentCode, p));
    }
  }
  const current = await getCurrentEdition(db, orgId, loaded.plan.id);
  const previous = current && (await readEditionContent(db, orgId, current)).plan;
  const withheld: WithheldItem[] = [];
  const nodes = mapTree(loaded.document.nodes, (node) => {
    const lead = states.get(node.code);
    if (lead === undefined) return node;
    const before = previous && findNode(previous, node.code);
    const shared = eachSubmits && node.departments.length > 1;
    const parts = partsOf.get(node.code) ?? new Map();
    const state = shared ? combinedState(node, { state: lead, step: steps.get(node.code)! }, parts) : lead;
    if (state !== 'approved')
      withheld.push({ code: node.code, title: node.title, departments: node.departments, state });
    const out = lead === 'approved' ? node : keepPublishedYear(node, before, fy);
    return shared ? withApprovedParts(out, node, before, fy, parts) : out;
  });
  return { document: { ...loaded.document, nodes }, withheld };
}
