import type { PlanNode } from '../domain/index.ts';
import { type Executor, insertTaskPart, listTaskParts, newId, type TaskPartRecord } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { LoadedRoundTask } from './load-round-task.ts';
import type { TaskState } from './review-chain.ts';

/** The co-departments' parts of one task, by 課 code. */
export async function partsOfTask(db: Executor, lt: Pick<LoadedRoundTask, 'organization' | 'task'>) {
  const parts = await listTaskParts(db, lt.organization.id, [lt.task.id]);
  return new Map(parts.map((p) => [p.departmentCode, p]));
}

/** A co-department's part, created (in progress, with the editors) the first time that 課 saves it. */
export async function ensurePart(
  tx: Executor,
  lt: Pick<LoadedRoundTask, 'organization' | 'task'>,
  department: string,
  actor: Actor,
  now: string,
  existing: TaskPartRecord | undefined,
): Promise<TaskPartRecord> {
  if (existing) return existing;
  const part = {
    id: newId(),
    organizationId: lt.organization.id,
    taskId: lt.task.id,
    departmentCode: department,
    state: 'in_progress',
    updatedAt: now,
    updatedBy: actorId(actor),
  };
  await insertTaskPart(tx, part);
  return { ...part, step: 0, returned: false, submittedAt: null, approvedAt: null, version: 1 };
}

const ORDER: TaskState[] = ['returned', 'in_progress', 'not_started', 'awaiting_approval', 'submitted', 'approved'];

/**
 * Where an initiative stands when each 課 submits its part: approved once the lead's sheet and every
 * co-department's part are; until then the least advanced of them (a part never saved counts as not started).
 * At the same step a return or work in progress says more than "not started".
 */
export function combinedState(
  node: Pick<PlanNode, 'departments'>,
  lead: { state: string; step: number },
  parts: ReadonlyMap<string, { state: string; step: number }>,
): TaskState {
  const all = [lead, ...node.departments.slice(1).map((d) => parts.get(d) ?? { state: 'not_started', step: 0 })];
  if (all.every((r) => r.state === 'approved')) return 'approved';
  const least = Math.min(...all.map((r) => r.step));
  const at = all.filter((r) => r.step === least).map((r) => r.state as TaskState);
  return ORDER.find((s) => at.includes(s)) ?? (at[0] as TaskState);
}
