import type { Executor } from './executor.ts';
import type { NodeContent } from './plan-repository.ts';
import { replaceNodeDepartments } from './plan-repository.ts';

/** Adds one node (its position is then set by `updateNodePositions`). */
export async function insertNode(
  db: Executor,
  organizationId: string,
  node: {
    id: string;
    planId: string;
    parentId: string | null;
    code: string;
    title: string;
    depth: number;
    sortOrder: number;
    content: NodeContent;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('plan_nodes')
    .values({
      id: node.id,
      organization_id: organizationId,
      plan_id: node.planId,
      parent_id: node.parentId,
      code: node.code,
      title: node.title,
      depth: node.depth,
      sort_order: node.sortOrder,
      lifecycle_status: node.content.lifecycle.status,
      content: JSON.stringify(node.content),
      updated_at: node.now,
    })
    .execute();
  await replaceNodeDepartments(db, organizationId, node.id, node.content.departments);
}

/**
 * Writes each node's parent, depth and document order after a structural edit. Only rows whose position
 * changed are touched; their version is bumped so an open editor of a moved node notices.
 */
export async function updateNodePositions(
  db: Executor,
  organizationId: string,
  planId: string,
  positions: { id: string; parentId: string | null; depth: number; sortOrder: number }[],
  now: string,
): Promise<void> {
  const current = await db
    .selectFrom('plan_nodes')
    .select(['id', 'parent_id', 'depth', 'sort_order'])
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .execute();
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const p of positions) {
    const r = byId.get(p.id);
    if (!r || (r.parent_id === p.parentId && r.depth === p.depth && r.sort_order === p.sortOrder)) continue;
    await db
      .updateTable('plan_nodes')
      .set((eb) => ({
        parent_id: p.parentId,
        depth: p.depth,
        sort_order: p.sortOrder,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('organization_id', '=', organizationId)
      .where('id', '=', p.id)
      .execute();
  }
}

/** Deletes one node that has no children. */
export async function deleteNode(db: Executor, organizationId: string, nodeId: string): Promise<void> {
  await db
    .deleteFrom('node_departments')
    .where('organization_id', '=', organizationId)
    .where('node_id', '=', nodeId)
    .execute();
  await db.deleteFrom('plan_nodes').where('organization_id', '=', organizationId).where('id', '=', nodeId).execute();
}
