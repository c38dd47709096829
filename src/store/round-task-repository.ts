import type { Executor } from './executor.ts';

export interface TaskRecord {
  id: string;
  organizationId: string;
  roundId: string;
  nodeId: string;
  state: string;
  /** 0 = with the editors; k = waiting for review step k; chain length + 1 = approved. */
  step: number;
  /** True while the task sits at its step because a later step returned it. */
  returned: boolean;
  submittedAt: string | null;
  approvedAt: string | null;
  updatedAt: string;
  updatedBy: string | null;
  version: number;
}

export type TaskRow = {
  id: string;
  organization_id: string;
  round_id: string;
  node_id: string;
  state: string;
  step: number;
  returned: number;
  submitted_at: string | null;
  approved_at: string | null;
  updated_at: string;
  updated_by: string | null;
  version: number;
};

export const taskColumns = [
  'id',
  'organization_id',
  'round_id',
  'node_id',
  'state',
  'step',
  'returned',
  'submitted_at',
  'approved_at',
  'updated_at',
  'updated_by',
  'version',
] as const satisfies readonly (keyof TaskRow)[];

export function toTask(r: TaskRow): TaskRecord {
  return {
    id: r.id,
    organizationId: r.organization_id,
    roundId: r.round_id,
    nodeId: r.node_id,
    state: r.state,
    step: r.step,
    returned: r.returned === 1,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    version: r.version,
  };
}

export async function insertRoundTasks(
  db: Executor,
  tasks: Omit<TaskRecord, 'version' | 'returned' | 'submittedAt' | 'approvedAt'>[],
): Promise<void> {
  for (let i = 0; i < tasks.length; i += 100) {
    await db
      .insertInto('round_tasks')
      .values(
        tasks.slice(i, i + 100).map((t) => ({
          id: t.id,
          organization_id: t.organizationId,
          round_id: t.roundId,
          node_id: t.nodeId,
          state: t.state,
          step: t.step,
          updated_at: t.updatedAt,
          updated_by: t.updatedBy,
        })),
      )
      .execute();
  }
}

export async function listRoundTasks(db: Executor, organizationId: string, roundId: string): Promise<TaskRecord[]> {
  const rows = await db
    .selectFrom('round_tasks')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('round_id', '=', roundId)
    .execute();
  return rows.map(toTask);
}

export async function getRoundTask(
  db: Executor,
  organizationId: string,
  roundId: string,
  nodeId: string,
): Promise<TaskRecord | undefined> {
  const row = await db
    .selectFrom('round_tasks')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('round_id', '=', roundId)
    .where('node_id', '=', nodeId)
    .executeTakeFirst();
  return row && toTask(row);
}

/** Every task an initiative has had, in any round (for its history page). */
export async function listTasksOfNode(db: Executor, organizationId: string, nodeId: string): Promise<TaskRecord[]> {
  const rows = await db
    .selectFrom('round_tasks')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('node_id', '=', nodeId)
    .execute();
  return rows.map(toTask);
}

/** A move of a task (or of a co-department's part of it) from one workflow state to the next. */
export interface TaskStateChange {
  id: string;
  expectedVersion: number;
  state: string;
  step: number;
  returned: boolean;
  submittedAt: string | null;
  approvedAt: string | null;
  now: string;
  by: string;
}

/**
 * Optimistic state change of a task, or of a part in `round_task_parts` (both hold the same workflow fields):
 * false when someone moved it first.
 */
export async function updateTaskState(
  db: Executor,
  organizationId: string,
  change: TaskStateChange,
  table: 'round_tasks' | 'round_task_parts' = 'round_tasks',
): Promise<boolean> {
  const res = await db
    .updateTable(table)
    .set((eb) => ({
      state: change.state,
      step: change.step,
      returned: change.returned ? 1 : 0,
      submitted_at: change.submittedAt,
      approved_at: change.approvedAt,
      updated_at: change.now,
      updated_by: change.by,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', change.id)
    .where('version', '=', change.expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Removes an initiative's tasks and their notes (when the node itself is deleted). */
export async function deleteTasksOfNode(db: Executor, organizationId: string, nodeId: string): Promise<void> {
  const ids = db
    .selectFrom('round_tasks')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('node_id', '=', nodeId);
  await db
    .deleteFrom('review_notes')
    .where('organization_id', '=', organizationId)
    .where('task_id', 'in', ids)
    .execute();
  await db
    .deleteFrom('round_task_parts')
    .where('organization_id', '=', organizationId)
    .where('task_id', 'in', ids)
    .execute();
  await db
    .deleteFrom('upload_conflicts')
    .where('organization_id', '=', organizationId)
    .where('task_id', 'in', ids)
    .execute();
  await db
    .deleteFrom('round_tasks')
    .where('organization_id', '=', organizationId)
    .where('node_id', '=', nodeId)
    .execute();
}
