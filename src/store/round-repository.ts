import type { Executor } from './executor.ts';

export interface RoundRecord {
  id: string;
  organizationId: string;
  planId: string;
  fy: number;
  /** YYYY-MM-DD */
  dueDate: string;
  status: 'open' | 'closed';
  /** Review steps after the editor, e.g. ["department-approver", "plan-office"]. */
  reviewChain: string[];
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  version: number;
}

export type RoundRow = {
  id: string;
  organization_id: string;
  plan_id: string;
  fy: number;
  due_date: string;
  status: string;
  review_chain: string;
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
  version: number;
};

export const roundColumns = [
  'id',
  'organization_id',
  'plan_id',
  'fy',
  'due_date',
  'status',
  'review_chain',
  'opened_at',
  'opened_by',
  'closed_at',
  'version',
] as const satisfies readonly (keyof RoundRow)[];

export function toRound(r: RoundRow): RoundRecord {
  return {
    id: r.id,
    organizationId: r.organization_id,
    planId: r.plan_id,
    fy: r.fy,
    dueDate: r.due_date,
    status: r.status as RoundRecord['status'],
    reviewChain: JSON.parse(r.review_chain) as string[],
    openedAt: r.opened_at,
    openedBy: r.opened_by,
    closedAt: r.closed_at,
    version: r.version,
  };
}

export async function insertRound(db: Executor, round: Omit<RoundRecord, 'version' | 'closedAt'>): Promise<void> {
  await db
    .insertInto('reporting_rounds')
    .values({
      id: round.id,
      organization_id: round.organizationId,
      plan_id: round.planId,
      fy: round.fy,
      due_date: round.dueDate,
      status: round.status,
      review_chain: JSON.stringify(round.reviewChain),
      opened_at: round.openedAt,
      opened_by: round.openedBy,
    })
    .execute();
}

export async function getRound(
  db: Executor,
  organizationId: string,
  planId: string,
  fy: number,
): Promise<RoundRecord | undefined> {
  const row = await db
    .selectFrom('reporting_rounds')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .where('fy', '=', fy)
    .executeTakeFirst();
  return row && toRound(row);
}

/** Rounds of a plan, newest fiscal year first. */
export async function listRounds(db: Executor, organizationId: string, planId: string): Promise<RoundRecord[]> {
  const rows = await db
    .selectFrom('reporting_rounds')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .orderBy('fy', 'desc')
    .execute();
  return rows.map(toRound);
}

/** Every open round of an organization (or of all, for the reminder job). */
export async function listOpenRounds(db: Executor, organizationId?: string): Promise<RoundRecord[]> {
  let q = db.selectFrom('reporting_rounds').selectAll().where('status', '=', 'open');
  if (organizationId) q = q.where('organization_id', '=', organizationId);
  const rows = await q.orderBy('due_date').execute();
  return rows.map(toRound);
}

export async function updateRound(
  db: Executor,
  organizationId: string,
  change: {
    id: string;
    expectedVersion: number;
    status: RoundRecord['status'];
    dueDate: string;
    closedAt: string | null;
  },
): Promise<boolean> {
  const res = await db
    .updateTable('reporting_rounds')
    .set((eb) => ({
      status: change.status,
      due_date: change.dueDate,
      closed_at: change.closedAt,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', change.id)
    .where('version', '=', change.expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
