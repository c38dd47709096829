import type { Executor } from './executor.ts';
import type { TaskRecord } from './round-task-repository.ts';

/** A co-department's part of a task: the task's workflow fields, for one 課. */
export interface TaskPartRecord extends Omit<TaskRecord, 'roundId' | 'nodeId'> {
  taskId: string;
  departmentCode: string;
}

type PartRow = {
  id: string;
  organization_id: string;
  task_id: string;
  department_code: string;
  state: string;
  step: number;
  returned: number;
  submitted_at: string | null;
  approved_at: string | null;
  updated_at: string;
  updated_by: string | null;
  version: number;
};

const toPart = (r: PartRow): TaskPartRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  taskId: r.task_id,
  departmentCode: r.department_code,
  state: r.state,
  step: r.step,
  returned: r.returned === 1,
  submittedAt: r.submitted_at,
  approvedAt: r.approved_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  version: r.version,
});

/** The parts of the given tasks (one query for a whole round). */
export async function listTaskParts(
  db: Executor,
  organizationId: string,
  taskIds: readonly string[],
): Promise<TaskPartRecord[]> {
  if (taskIds.length === 0) return [];
  const out: TaskPartRecord[] = [];
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db
      .selectFrom('round_task_parts')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('task_id', 'in', taskIds.slice(i, i + 500))
      .execute();
    out.push(...rows.map(toPart));
  }
  return out;
}

export async function insertTaskPart(
  db: Executor,
  part: Pick<TaskPartRecord, 'id' | 'organizationId' | 'taskId' | 'departmentCode' | 'state' | 'updatedAt'> & {
    updatedBy: string;
  },
): Promise<void> {
  await db
    .insertInto('round_task_parts')
    .values({
      id: part.id,
      organization_id: part.organizationId,
      task_id: part.taskId,
      department_code: part.departmentCode,
      state: part.state,
      step: 0,
      updated_at: part.updatedAt,
      updated_by: part.updatedBy,
    })
    .execute();
}
