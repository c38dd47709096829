import { insertAuditEvent, insertReviewNote, transaction } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { invalidInput } from './errors.ts';
import { FIELD_MESSAGES as M } from './field-messages.ts';
import { loadRoundTask, type RoundRef } from './load-round-task.ts';
import { authorName } from './review-report.ts';

/** A review comment (e.g. from the external evaluation committee) that does not move the task. */
export async function addReviewComment(
  props: RoundRef & { ctx: AppContext; actor: Actor; code: string; text: string },
): Promise<void> {
  await transaction(props.ctx.store, async (tx) => {
    const lt = await loadRoundTask(tx, props);
    const orgId = lt.organization.id;
    authorize(props.actor, 'review.comment', { organizationId: orgId, departments: lt.node.departments });
    const text = props.text.trim();
    if (!text || text.length > 5000) {
      throw invalidInput({
        text: text ? M.commentTooLong : { ja: 'コメントを入力してください', en: 'Enter a comment' },
      });
    }
    const now = props.ctx.now().toISOString();
    const id = await insertReviewNote(tx, {
      organizationId: orgId,
      taskId: lt.task.id,
      authorId: actorId(props.actor),
      authorName: authorName(props.actor),
      step: lt.task.step,
      kind: 'comment',
      text,
      createdAt: now,
    });
    await insertAuditEvent(tx, {
      organizationId: orgId,
      at: now,
      actor: actorId(props.actor),
      action: 'report.comment',
      entityType: 'round-task',
      entityId: lt.task.id,
      summary: `${lt.node.code} ${lt.node.title}: コメント`,
      after: { noteId: id, text },
    });
  });
}
