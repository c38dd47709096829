import { getPlanReviewSettings, insertReviewNote, transaction } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { AppError, invalidInput } from './errors.ts';
import { FIELD_MESSAGES as M } from './field-messages.ts';
import { loadRoundTask, type RoundRef, requireOpen } from './load-round-task.ts';
import { moveTask, taskMovedMeanwhile } from './move-task.ts';
import { reviewActionAt, stateAtStep, type TaskState } from './review-chain.ts';
import { leadResource } from './shared-part.ts';
import { partsOfTask } from './task-parts.ts';

export interface ReviewReportProps extends RoundRef {
  ctx: AppContext;
  actor: Actor;
  code: string;
  decision: 'approve' | 'return';
  /** Required when returning: it tells the editor what to fix. */
  note?: string | undefined;
  /** The co-department whose part is decided (each-submits plans); absent: the lead's sheet. */
  part?: string | undefined;
  /** The task version the reviewer saw; a decision on a task that moved meanwhile is refused. */
  expectedTaskVersion?: number | undefined;
}

export const authorName = (actor: Actor) => (actor.kind === 'system' ? actor.label : actor.displayName);

/**
 * A reviewer's decision at the task's current step: approving sends it to the next step (the last approval
 * makes it 承認済); returning sends it back one step with a note the editor sees.
 */
export async function reviewReport(props: ReviewReportProps): Promise<{ state: TaskState; step: number }> {
  return transaction(props.ctx.store, async (tx) => {
    const lt = await loadRoundTask(tx, props);
    const orgId = lt.organization.id;
    const chain = lt.round.reviewChain;
    // A co-department's part (each-submits plans) is decided on its own, at its own step.
    const part = props.part === undefined ? undefined : (await partsOfTask(tx, lt)).get(props.part);
    const record = part ?? lt.task;
    const { step } = record;
    const action = props.part !== undefined && !part ? undefined : reviewActionAt(chain, step);
    if (!action) {
      authorize(props.actor, 'review.plan-office', { organizationId: orgId, departments: lt.node.departments });
      throw new AppError('invalid-state', {
        ja: 'この取組は審査待ちではありません',
        en: 'This report is not waiting for review',
      });
    }
    // The 課内承認 of a shared initiative is the lead 課長's; a co-department's 課長 decides only its own part.
    authorize(
      props.actor,
      action,
      part ? { organizationId: orgId, departments: [part.departmentCode] } : leadResource(orgId, lt.node),
    );
    const note = props.note?.trim() ?? '';
    if (props.decision === 'return' && !note) {
      throw invalidInput({ note: { ja: '差し戻す理由を入力してください', en: 'Enter the reason for returning' } });
    }
    if (note.length > 5000) {
      throw invalidInput({ note: M.commentTooLong });
    }
    requireOpen(lt.round);
    // Separation of duties (a plan setting, on by default): whoever sent the report to this step (submitted it,
    // or approved the step before) does not approve it too. Returning it stays possible.
    if (props.decision === 'approve' && props.actor.kind === 'user' && record.updatedBy === actorId(props.actor)) {
      const settings = await getPlanReviewSettings(tx, orgId, lt.plan.id);
      if (settings?.separateDuties ?? true) {
        throw new AppError('invalid-state', {
          ja: 'ご自身が提出した段階は承認できません（職務の分離）。別の承認者に依頼してください',
          en: 'You cannot approve a step you submitted (separation of duties); ask another approver',
        });
      }
    }
    if (props.expectedTaskVersion !== undefined && props.expectedTaskVersion !== record.version) {
      throw taskMovedMeanwhile();
    }
    const now = props.ctx.now().toISOString();
    const approve = props.decision === 'approve';
    const nextStep = approve ? step + 1 : step - 1;
    const state = nextStep === 0 ? 'returned' : stateAtStep(chain, nextStep, 'in_progress');
    if (note || approve) {
      await insertReviewNote(tx, {
        organizationId: orgId,
        taskId: lt.task.id,
        ...(part && { departmentCode: part.departmentCode }),
        authorId: props.actor.kind === 'system' ? `system:${props.actor.label}` : props.actor.userId,
        authorName: authorName(props.actor),
        step,
        kind: approve ? 'approve' : 'return',
        text: note,
        createdAt: now,
      });
    }
    await moveTask(
      tx,
      lt,
      {
        actor: props.actor,
        now,
        action: approve ? 'report.approve' : 'report.return',
        state,
        step: nextStep,
        returned: !approve,
        approvedAt: nextStep > chain.length ? now : null,
        ...(note && { note }),
      },
      part,
    );
    return { state, step: nextStep };
  });
}
