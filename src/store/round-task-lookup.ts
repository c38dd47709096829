import { aliased, unaliased } from './aliased-columns.ts';
import type { Executor } from './executor.ts';
import { type OrganizationRecord, organizationColumns, toOrganizationRecord } from './organization-repository.ts';
import {
  type NodeRecord,
  nodeColumns,
  type PlanRecord,
  planColumns,
  toNodeRecord,
  toPlanRecord,
} from './plan-repository.ts';
import { type RoundRecord, roundColumns, toRound } from './round-repository.ts';
import { type TaskRecord, taskColumns, toTask } from './round-task-repository.ts';

export interface RoundTaskRows {
  organization: OrganizationRecord;
  plan: PlanRecord;
  round: RoundRecord;
  node: NodeRecord;
  task: TaskRecord;
  /** The node's parent (code and title), or null for a top-level node. */
  parent: { id: string; parentId: string | null; code: string; title: string } | null;
}

const parentColumns = ['id', 'parent_id', 'code', 'title'] as const;

/**
 * An initiative's task in a round with everything around it, found by the names in the URL, in two queries: the
 * report form is the page department staff open and save all day, and on PostgreSQL every round trip counts.
 * Two queries rather than one six-table join, which PostgreSQL took longer to plan than the round trips saved.
 * Undefined when any part is missing; the caller then looks the parts up one by one to say which.
 */
export async function findRoundTaskRows(
  db: Executor,
  ref: { organizationSlug: string; planSlug: string; fy: number; code: string },
): Promise<RoundTaskRows | undefined> {
  const head = (await db
    .selectFrom('organizations as o')
    .innerJoin('plans as p', 'p.organization_id', 'o.id')
    .innerJoin('reporting_rounds as r', (j) =>
      j.onRef('r.organization_id', '=', 'o.id').onRef('r.plan_id', '=', 'p.id'),
    )
    .select([
      ...aliased('o', organizationColumns),
      ...aliased('p', planColumns),
      ...aliased('r', roundColumns),
    ] as unknown as ['o.id'])
    .where('o.slug', '=', ref.organizationSlug)
    .where('p.slug', '=', ref.planSlug)
    .where('r.fy', '=', ref.fy)
    .executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!head) return undefined;
  const organization = toOrganizationRecord(unaliased(head, 'o', organizationColumns));
  const plan = toPlanRecord(unaliased(head, 'p', planColumns));
  const round = toRound(unaliased(head, 'r', roundColumns));
  const row = (await db
    .selectFrom('plan_nodes as n')
    .innerJoin('round_tasks as t', (j) =>
      j.onRef('t.organization_id', '=', 'n.organization_id').onRef('t.node_id', '=', 'n.id'),
    )
    .leftJoin('plan_nodes as up', (j) =>
      j.onRef('up.organization_id', '=', 'n.organization_id').onRef('up.id', '=', 'n.parent_id'),
    )
    .select([
      ...aliased('n', nodeColumns),
      ...aliased('t', taskColumns),
      ...aliased('up', parentColumns),
    ] as unknown as ['n.id'])
    .where('n.organization_id', '=', organization.id)
    .where('n.plan_id', '=', plan.id)
    .where('n.code', '=', ref.code)
    .where('t.round_id', '=', round.id)
    .executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const parent = unaliased<{ id: string | null; parent_id: string | null; code: string; title: string }>(
    row,
    'up',
    parentColumns,
  );
  return {
    organization,
    plan,
    round,
    node: toNodeRecord(unaliased(row, 'n', nodeColumns)),
    task: toTask(unaliased(row, 't', taskColumns)),
    parent:
      parent.id === null ? null : { id: parent.id, parentId: parent.parent_id, code: parent.code, title: parent.title },
  };
}
