import { insertAuditEvent, insertReviewNote, transaction } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { AppError } from './errors.ts';
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
      const msg = text ? 'コメントは5000文字以内にしてください' : 'コメントを入力してください';
      throw new AppError(
        'invalid-input',
        { ja: msg, en: 'Enter a comment (at most 5000 characters)' },
        { fieldErrors: { text: msg } },
      );
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
