import { deleteUserSessions, getUserById, insertAuditEvent, transaction, updateUserPassword } from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { type FieldErrors, invalidInput } from './errors.ts';
import { hashPassword, newPasswordProblem, verifyPassword } from './password.ts';
import type { StaffSession } from './staff-session.ts';

/**
 * A signed-in user changes their own password; their other sessions end, this one stays. Every problem
 * (wrong current password, a weak or unchanged new one, a confirmation that differs) is reported at once.
 */
export async function changeOwnPassword(props: {
  ctx: AppContext;
  session: StaffSession;
  currentPassword: string;
  newPassword: string;
  /** The new password typed again, when the channel asks for it (the staff form does). */
  confirmPassword?: string;
}): Promise<void> {
  const { actor } = props.session;
  authorize(actor, 'account.change-password', { organizationId: actor.organizationId });
  const db = props.ctx.store.db;
  const user = await getUserById(db, actor.organizationId, actor.userId);
  const errors: FieldErrors = {};
  if (!user || !(await verifyPassword(user.passwordHash, props.currentPassword))) {
    errors.currentPassword = { ja: '現在のパスワードが正しくありません', en: 'The current password is incorrect' };
  }
  const problem = newPasswordProblem(props.newPassword);
  if (problem) errors.password = problem;
  else if (props.newPassword === props.currentPassword) {
    errors.password = {
      ja: '現在と異なるパスワードにしてください',
      en: 'Choose a password different from the current one',
    };
  }
  if (props.confirmPassword !== undefined && props.confirmPassword !== props.newPassword) {
    errors.confirm = { ja: '確認用のパスワードが一致しません', en: 'The passwords do not match' };
  }
  if (!user || Object.keys(errors).length > 0) throw invalidInput(errors);
  const passwordHash = await hashPassword(props.newPassword);
  await transaction(props.ctx.store, async (tx) => {
    const now = props.ctx.now().toISOString();
    await updateUserPassword(tx, actor.organizationId, { id: user.id, passwordHash, mustChangePassword: false, now });
    await deleteUserSessions(tx, actor.organizationId, user.id, props.session.id);
    await insertAuditEvent(tx, {
      organizationId: actor.organizationId,
      at: now,
      actor: actor.userId,
      action: 'user.change-password',
      entityType: 'user',
      entityId: user.id,
      summary: user.email,
    });
  });
}
