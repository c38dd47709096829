import { type Executor, insertAuditEvent, type TaskPartRecord, updateTaskState } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import { AppError } from './errors.ts';
import type { LoadedRoundTask } from './load-round-task.ts';
import { stateAtStep, TASK_STATE_LABELS, type TaskState } from './review-chain.ts';

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
 * 提出: the sheet goes to the first reviewer of the round's chain. Every channel that submits (the form, the
 * workbook's 提出まで行う, a co-department's part) makes this one move.
 */
export function submitMove(actor: Actor, reviewChain: readonly string[], now: string): TaskMove {
  const state = stateAtStep(reviewChain, 1, 'in_progress');
  return { actor, now, action: 'report.submit', state, step: 1, returned: false, submittedAt: now };
}

/** The first draft saved for a task not started yet: it is in progress from then on (any channel). */
export function startMove(actor: Actor, now: string): TaskMove {
  return { actor, now, action: 'report.start', state: 'in_progress', step: 0, returned: false };
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
