import { findNode, type PlanDocument, type PlanNode } from '../domain/index.ts';
import { listDepartments } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { notFound } from './errors.ts';
import { loadPlan } from './load-plan.ts';

export interface EditableNode {
  code: string;
  title: string;
  depth: number;
  parentCode: string | null;
  departments: string[];
  lifecycle: string;
  version: number;
  hasChildren: boolean;
}

export interface PlanForEditing {
  document: PlanDocument;
  version: number;
  nodes: EditableNode[];
  departments: { code: string; name: string }[];
}

async function load(props: { ctx: AppContext; actor: Actor; organizationSlug: string; planSlug: string }) {
  const db = props.ctx.store.db;
  const loaded = await loadPlan(db, props.organizationSlug, props.planSlug);
  authorize(props.actor, 'plan.edit', { organizationId: loaded.organization.id });
  const departments = (await listDepartments(db, loaded.organization.id)).map((d) => ({ code: d.code, name: d.name }));
  return { loaded, departments };
}

/** The working plan as the plan office edits it: settings, the tree in document order with versions, the 課. */
export async function getPlanForEditing(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
}): Promise<PlanForEditing> {
  const { loaded, departments } = await load(props);
  const codeOf = new Map(loaded.nodes.map((n) => [n.id, n.code]));
  const parents = new Set(loaded.nodes.map((n) => n.parentId));
  return {
    document: loaded.document,
    version: loaded.plan.version,
    departments,
    nodes: loaded.nodes.map((n) => ({
      code: n.code,
      title: n.title,
      depth: n.depth,
      parentCode: n.parentId ? (codeOf.get(n.parentId) ?? null) : null,
      departments: n.content.departments,
      lifecycle: n.content.lifecycle.status,
      version: n.version,
      hasChildren: parents.has(n.id),
    })),
  };
}

/** One node's sheet for the plan office's node form. */
export async function getNodeForEditing(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
  code: string;
}): Promise<{ node: PlanNode; version: number; plan: PlanDocument; departments: { code: string; name: string }[] }> {
  const { loaded, departments } = await load(props);
  const row = loaded.nodes.find((n) => n.code === props.code);
  const node = findNode(loaded.document, props.code);
  if (!row || !node) throw notFound({ ja: `取組「${props.code}」`, en: `item "${props.code}"` });
  return { node, version: row.version, plan: loaded.document, departments };
}
