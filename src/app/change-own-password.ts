import { deleteUserSessions, getUserById, insertAuditEvent, transaction, updateUserPassword } from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { invalidInput } from './errors.ts';
import { checkNewPassword, hashPassword, verifyPassword } from './password.ts';
import type { StaffSession } from './staff-session.ts';

/** A signed-in user changes their own password; their other sessions end, this one stays. */
export async function changeOwnPassword(props: {
  ctx: AppContext;
  session: StaffSession;
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  const { actor } = props.session;
  authorize(actor, 'account.change-password', { organizationId: actor.organizationId });
  const db = props.ctx.store.db;
  const user = await getUserById(db, actor.organizationId, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, props.currentPassword))) {
    throw invalidInput({
      currentPassword: { ja: '現在のパスワードが正しくありません', en: 'The current password is incorrect' },
    });
  }
  checkNewPassword(props.newPassword);
  if (props.newPassword === props.currentPassword) {
    throw invalidInput({
      password: { ja: '現在と異なるパスワードにしてください', en: 'Choose a password different from the current one' },
    });
  }
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
