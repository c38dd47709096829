import { deleteUploadConflicts } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';

/**
 * Forgets kept workbook conflicts the clerk has decided on (after their choice was saved, or when they keep the
 * saved content); only their own rows, whatever ids a form sends.
 */
export async function forgetUploadConflicts(props: { ctx: AppContext; actor: Actor; ids: readonly string[] }) {
  const { actor } = props;
  if (actor.kind !== 'user') return;
  await deleteUploadConflicts(props.ctx.store.db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    ids: props.ids,
  });
}
