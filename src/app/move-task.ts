import { type Executor, insertAuditEvent, type TaskPartRecord, updateTaskState } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import { AppError } from './errors.ts';
import type { LoadedRoundTask } from './load-round-task.ts';
import { TASK_STATE_LABELS, type TaskState } from './review-chain.ts';

export const taskMovedMeanwhile = () =>
  new AppError('conflict', {
    ja: '他の人が先にこの照会の状態を変更しました。画面を読み込み直してください。',
    en: 'Someone else changed the state of this report first. Reload the page.',
  });

export interface TaskMove {
  actor: Actor;
  now: string;
  action: string;
  state: TaskState;
  step: number;
  returned: boolean;
  submittedAt?: string | null;
  approvedAt?: string | null;
  note?: string;
}

/**
 * Moves a task to a new step/state (optimistically) and records who did it, in the caller's transaction. With
 * `part`, it moves that co-department's part of the task instead (plans whose 課 each submit their part).
 */
export async function moveTask(
  tx: Executor,
  lt: Pick<LoadedRoundTask, 'organization' | 'node' | 'task'>,
  move: TaskMove,
  part?: TaskPartRecord,
): Promise<void> {
  const task = part ?? lt.task;
  const orgId = lt.organization.id;
  const next = {
    id: task.id,
    expectedVersion: task.version,
    state: move.state,
    step: move.step,
    returned: move.returned,
    submittedAt: move.submittedAt === undefined ? task.submittedAt : move.submittedAt,
    approvedAt: move.approvedAt === undefined ? task.approvedAt : move.approvedAt,
    now: move.now,
    by: actorId(move.actor),
  };
  const updated = await updateTaskState(tx, orgId, next, part ? 'round_task_parts' : 'round_tasks');
  if (!updated) throw taskMovedMeanwhile();
  const from = TASK_STATE_LABELS[task.state as TaskState]?.ja ?? task.state;
  const to = TASK_STATE_LABELS[move.state].ja;
  if (task.state !== move.state || task.step !== move.step) {
    await insertAuditEvent(tx, {
      organizationId: orgId,
      at: move.now,
      actor: actorId(move.actor),
      action: move.action,
      entityType: part ? 'round-task-part' : 'round-task',
      entityId: task.id,
      summary: `${lt.node.code} ${lt.node.title}${part ? `（${part.departmentCode}）` : ''}: ${from} → ${to}`,
      before: { state: task.state, step: task.step },
      after: { state: move.state, step: move.step, ...(move.note && { note: move.note }) },
    });
  }
}
