import { aliased, unaliased } from './aliased-columns.ts';
import { compiledOnce } from './compiled-once.ts';
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
 * An initiative's task in a round with everything around it, found by the names in the URL, in one query: the
 * report form is the page department staff open and save all day, and on PostgreSQL every round trip counts
 * (each is a chance to wait for a busy CPU). The organization⋈plan⋈round part is a MATERIALIZED CTE so that
 * PostgreSQL plans two small joins instead of one of six tables, which took it longer to plan (1.7 ms against
 * 0.45 ms, measured) than a second round trip costs.
 * Undefined when any part is missing; the caller then looks the parts up one by one to say which.
 */
export async function findRoundTaskRows(
  db: Executor,
  ref: { organizationSlug: string; planSlug: string; fy: number; code: string },
): Promise<RoundTaskRows | undefined> {
  const row = (await lookup(db, ref)).rows[0] as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const parent = unaliased<{ id: string | null; parent_id: string | null; code: string; title: string }>(
    row,
    'up',
    parentColumns,
  );
  return {
    organization: toOrganizationRecord(unaliased(row, 'o', organizationColumns)),
    plan: toPlanRecord(unaliased(row, 'p', planColumns)),
    round: toRound(unaliased(row, 'r', roundColumns)),
    node: toNodeRecord(unaliased(row, 'n', nodeColumns)),
    task: toTask(unaliased(row, 't', taskColumns)),
    parent:
      parent.id === null ? null : { id: parent.id, parentId: parent.parent_id, code: parent.code, title: parent.title },
  };
}

const lookup = compiledOnce((db, ref: { organizationSlug: string; planSlug: string; fy: number; code: string }) =>
  db
    .with(
      (w) => w('h').materialized(),
      (qb) =>
        qb
          .selectFrom('organizations as o')
          .innerJoin('plans as p', 'p.organization_id', 'o.id')
          .innerJoin('reporting_rounds as r', (j) =>
            j.onRef('r.organization_id', '=', 'o.id').onRef('r.plan_id', '=', 'p.id'),
          )
          .select([
            ...aliased('o', organizationColumns),
            ...aliased('p', planColumns),
            ...aliased('r', roundColumns),
          ] as unknown as ['o.id as o_id', 'p.id as p_id', 'r.id as r_id'])
          .where('o.slug', '=', ref.organizationSlug)
          .where('p.slug', '=', ref.planSlug)
          .where('r.fy', '=', ref.fy),
    )
    .selectFrom('h')
    .innerJoin('plan_nodes as n', (j) => j.onRef('n.organization_id', '=', 'h.o_id').onRef('n.plan_id', '=', 'h.p_id'))
    .innerJoin('round_tasks as t', (j) =>
      j
        .onRef('t.organization_id', '=', 'n.organization_id')
        .onRef('t.node_id', '=', 'n.id')
        .onRef('t.round_id', '=', 'h.r_id'),
    )
    .leftJoin('plan_nodes as up', (j) =>
      j.onRef('up.organization_id', '=', 'n.organization_id').onRef('up.id', '=', 'n.parent_id'),
    )
    .selectAll('h')
    .select([
      ...aliased('n', nodeColumns),
      ...aliased('t', taskColumns),
      ...aliased('up', parentColumns),
    ] as unknown as ['n.id'])
    .where('n.code', '=', ref.code),
);
