import { deleteUploadConflicts } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { loadRoundTask, type RoundRef } from './load-round-task.ts';

/**
 * Forgets kept workbook conflicts of one initiative the clerk has decided on (after their choice was saved, or
 * when they keep the saved content): only their own rows of that initiative, whatever ids a form sends.
 */
export async function forgetUploadConflicts(
  props: RoundRef & { ctx: AppContext; actor: Actor; code: string; ids: readonly string[] },
): Promise<void> {
  const { actor } = props;
  const db = props.ctx.store.db;
  const lt = await loadRoundTask(db, props);
  authorize(actor, 'report.edit', { organizationId: lt.organization.id, departments: lt.node.departments });
  if (actor.kind !== 'user') return;
  await deleteUploadConflicts(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    taskId: lt.task.id,
    ids: props.ids,
  });
}
