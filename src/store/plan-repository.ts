import type { Insertable } from 'kysely';
import type { PlanDocument, PlanNode } from '../domain/index.ts';
import type { NodeDepartmentsTable, PlanNodesTable } from './database-schema.ts';
import type { Executor } from './executor.ts';
import { newId } from './new-id.ts';
import { deletePlanWorkflow } from './plan-workflow-repository.ts';

/** The plan document minus its tree, as stored in plans.settings. */
export type PlanSettings = Omit<PlanDocument, 'nodes'>;
/** A node's sheet minus code, title and children, as stored in plan_nodes.content. */
export type NodeContent = Omit<PlanNode, 'children' | 'code' | 'title'>;

export interface PlanRecord {
  id: string;
  organizationId: string;
  slug: string;
  title: string;
  status: string;
  settings: PlanSettings;
  version: number;
  updatedAt: string;
}

export interface NodeRecord {
  id: string;
  planId: string;
  parentId: string | null;
  code: string;
  title: string;
  depth: number;
  sortOrder: number;
  content: NodeContent;
  version: number;
  updatedAt: string;
}

export async function insertPlan(
  db: Executor,
  organizationId: string,
  doc: PlanDocument,
  now: string,
  sortOrder: number,
): Promise<string> {
  const { nodes, ...settings } = doc;
  const planId = newId();
  await db
    .insertInto('plans')
    .values({
      id: planId,
      organization_id: organizationId,
      slug: doc.slug,
      title: doc.title,
      status: doc.status,
      settings: JSON.stringify(settings),
      sort_order: sortOrder,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await insertNodeTree(db, organizationId, planId, nodes, now);
  return planId;
}

/** Inserts a whole tree in a few multi-row statements (a national-scale import is mostly this). */
async function insertNodeTree(
  db: Executor,
  organizationId: string,
  planId: string,
  roots: PlanNode[],
  now: string,
): Promise<void> {
  const nodeRows: Insertable<PlanNodesTable>[] = [];
  const deptRows: Insertable<NodeDepartmentsTable>[] = [];
  const visit = (nodes: PlanNode[], parentId: string | null, depth: number) => {
    for (const node of nodes) {
      const { children, code, title, ...content } = node;
      const id = newId();
      nodeRows.push({
        id,
        organization_id: organizationId,
        plan_id: planId,
        parent_id: parentId,
        code,
        title,
        depth,
        sort_order: nodeRows.length,
        lifecycle_status: content.lifecycle.status,
        content: JSON.stringify(content),
        updated_at: now,
      });
      content.departments.forEach((department_code, position) => {
        deptRows.push({ organization_id: organizationId, node_id: id, department_code, position });
      });
      visit(children, id, depth + 1);
    }
  };
  visit(roots, null, 1);
  // Parents precede children in nodeRows, so chunked inserts never reference a missing parent.
  for (let i = 0; i < nodeRows.length; i += 50) {
    await db
      .insertInto('plan_nodes')
      .values(nodeRows.slice(i, i + 50))
      .execute();
  }
  for (let i = 0; i < deptRows.length; i += 200) {
    await db
      .insertInto('node_departments')
      .values(deptRows.slice(i, i + 200))
      .execute();
  }
}

export async function replaceNodeDepartments(
  db: Executor,
  organizationId: string,
  nodeId: string,
  departmentCodes: string[],
): Promise<void> {
  await db
    .deleteFrom('node_departments')
    .where('organization_id', '=', organizationId)
    .where('node_id', '=', nodeId)
    .execute();
  if (departmentCodes.length === 0) return;
  await db
    .insertInto('node_departments')
    .values(
      departmentCodes.map((code, position) => ({
        organization_id: organizationId,
        node_id: nodeId,
        department_code: code,
        position,
      })),
    )
    .execute();
}

export function toPlanRecord(r: {
  id: string;
  organization_id: string;
  slug: string;
  title: string;
  status: string;
  settings: string;
  version: number;
  updated_at: string;
}): PlanRecord {
  return {
    id: r.id,
    organizationId: r.organization_id,
    slug: r.slug,
    title: r.title,
    status: r.status,
    settings: JSON.parse(r.settings) as PlanSettings,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export const planColumns = [
  'id',
  'organization_id',
  'slug',
  'title',
  'status',
  'settings',
  'version',
  'updated_at',
] as const;

export async function listPlans(db: Executor, organizationId: string): Promise<PlanRecord[]> {
  const rows = await db
    .selectFrom('plans')
    .select(planColumns)
    .where('organization_id', '=', organizationId)
    .orderBy('sort_order')
    .execute();
  return rows.map(toPlanRecord);
}

export async function getPlanBySlug(
  db: Executor,
  organizationId: string,
  slug: string,
): Promise<PlanRecord | undefined> {
  const row = await db
    .selectFrom('plans')
    .select(planColumns)
    .where('organization_id', '=', organizationId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toPlanRecord(row);
}

export async function getPlanById(db: Executor, organizationId: string, id: string): Promise<PlanRecord | undefined> {
  const row = await db
    .selectFrom('plans')
    .select(planColumns)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toPlanRecord(row);
}

/** Optimistic update of plan settings; returns false when `expectedVersion` is stale. */
export async function updatePlanSettings(
  db: Executor,
  organizationId: string,
  plan: { id: string; expectedVersion: number; settings: PlanSettings; now: string },
): Promise<boolean> {
  const res = await db
    .updateTable('plans')
    .set((eb) => ({
      title: plan.settings.title,
      status: plan.settings.status,
      settings: JSON.stringify(plan.settings),
      updated_at: plan.now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', plan.id)
    .where('version', '=', plan.expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function toNodeRecord(r: {
  id: string;
  plan_id: string;
  parent_id: string | null;
  code: string;
  title: string;
  depth: number;
  sort_order: number;
  content: string;
  version: number;
  updated_at: string;
}): NodeRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    parentId: r.parent_id,
    code: r.code,
    title: r.title,
    depth: r.depth,
    sortOrder: r.sort_order,
    content: JSON.parse(r.content) as NodeContent,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export const nodeColumns = [
  'id',
  'plan_id',
  'parent_id',
  'code',
  'title',
  'depth',
  'sort_order',
  'content',
  'version',
  'updated_at',
] as const;

/** All nodes of a plan in document order. */
export async function listNodes(db: Executor, organizationId: string, planId: string): Promise<NodeRecord[]> {
  const rows = await db
    .selectFrom('plan_nodes')
    .select(nodeColumns)
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .orderBy('sort_order')
    .execute();
  return rows.map(toNodeRecord);
}

export async function getNodeByCode(
  db: Executor,
  organizationId: string,
  planId: string,
  code: string,
): Promise<NodeRecord | undefined> {
  const row = await db
    .selectFrom('plan_nodes')
    .select(nodeColumns)
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row && toNodeRecord(row);
}

export async function getNodeById(db: Executor, organizationId: string, id: string): Promise<NodeRecord | undefined> {
  const row = await db
    .selectFrom('plan_nodes')
    .select(nodeColumns)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toNodeRecord(row);
}

/**
 * Removes a plan with its nodes and editions. Every statement names the organization, so a plan id of another
 * organization deletes nothing.
 */
export async function deletePlan(db: Executor, organizationId: string, planId: string): Promise<void> {
  await deletePlanWorkflow(db, organizationId, planId);
  await deleteNodeTree(db, organizationId, planId);
  await db
    .deleteFrom('edition_views')
    .where('organization_id', '=', organizationId)
    .where('edition_id', 'in', (q) =>
      q.selectFrom('editions').select('id').where('organization_id', '=', organizationId).where('plan_id', '=', planId),
    )
    .execute();
  await db.deleteFrom('editions').where('organization_id', '=', organizationId).where('plan_id', '=', planId).execute();
  await db.deleteFrom('plans').where('organization_id', '=', organizationId).where('id', '=', planId).execute();
}

/**
 * Replaces a plan's settings and whole tree under the same plan id (a replacing import). Its published editions
 * stay as they are, with their ids, so pinned links keep working; its reporting rounds go with the old tree.
 */
export async function replacePlan(
  db: Executor,
  organizationId: string,
  planId: string,
  doc: PlanDocument,
  now: string,
): Promise<void> {
  const { nodes, ...settings } = doc;
  await deletePlanWorkflow(db, organizationId, planId);
  await deleteNodeTree(db, organizationId, planId);
  await db
    .updateTable('plans')
    .set((eb) => ({
      title: doc.title,
      status: doc.status,
      settings: JSON.stringify(settings),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', planId)
    .execute();
  await insertNodeTree(db, organizationId, planId, nodes, now);
}

async function deleteNodeTree(db: Executor, organizationId: string, planId: string): Promise<void> {
  const nodeIds = db
    .selectFrom('plan_nodes')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId);
  await db
    .deleteFrom('node_departments')
    .where('organization_id', '=', organizationId)
    .where('node_id', 'in', nodeIds)
    .execute();
  // Children first: parent_id references plan_nodes.id.
  const depths = await db
    .selectFrom('plan_nodes')
    .select('depth')
    .distinct()
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .orderBy('depth', 'desc')
    .execute();
  for (const { depth } of depths) {
    await db
      .deleteFrom('plan_nodes')
      .where('organization_id', '=', organizationId)
      .where('plan_id', '=', planId)
      .where('depth', '=', depth)
      .execute();
  }
}

/** Rebuilds the plan document (tree) from stored rows. */
export function assemblePlanDocument(plan: PlanRecord, nodes: NodeRecord[]): PlanDocument {
  const byParent = new Map<string | null, NodeRecord[]>();
  for (const n of nodes) {
    const list = byParent.get(n.parentId) ?? [];
    list.push(n);
    byParent.set(n.parentId, list);
  }
  const build = (parentId: string | null): PlanNode[] =>
    (byParent.get(parentId) ?? []).map((n) => ({ code: n.code, title: n.title, ...n.content, children: build(n.id) }));
  return { ...plan.settings, nodes: build(null) } as PlanDocument;
}
