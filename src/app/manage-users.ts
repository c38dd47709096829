import {
  deleteUserSessions,
  type Executor,
  getUserByEmail,
  insertAuditEvent,
  listUsers,
  transaction,
  type UserRecord,
  updateUserDisabled,
  updateUserPassword,
} from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { notFound } from './errors.ts';
import { requireOrganization } from './load-plan.ts';
import { checkNewPassword, generatePassword, hashPassword } from './password.ts';
import { normalizeEmail, presentUser, type StaffUser } from './staff-user.ts';

interface UserTarget {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  /** The account's e-mail address or id. */
  user: string;
}

async function findTarget(tx: Executor, props: UserTarget): Promise<{ orgId: string; user: UserRecord }> {
  const org = await requireOrganization(tx, props.organizationSlug);
  authorize(props.actor, 'user.manage', { organizationId: org.id });
  const user =
    (await getUserByEmail(tx, org.id, normalizeEmail(props.user))) ??
    (await listUsers(tx, org.id)).find((u) => u.id === props.user);
  if (!user) throw notFound({ ja: `利用者「${props.user}」`, en: `user "${props.user}"` });
  return { orgId: org.id, user };
}

export async function listStaffUsers(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
}): Promise<StaffUser[]> {
  const db = props.ctx.store.db;
  const org = await requireOrganization(db, props.organizationSlug);
  authorize(props.actor, 'user.manage', { organizationId: org.id });
  return (await listUsers(db, org.id)).map(presentUser);
}

/** Disables (or re-enables) an account; disabling also ends its sessions at once. */
export async function setUserDisabled(props: UserTarget & { disabled: boolean }): Promise<StaffUser> {
  return transaction(props.ctx.store, async (tx) => {
    const { orgId, user } = await findTarget(tx, props);
    const now = props.ctx.now().toISOString();
    await updateUserDisabled(tx, orgId, { id: user.id, disabled: props.disabled, now });
    if (props.disabled) await deleteUserSessions(tx, orgId, user.id);
    await insertAuditEvent(tx, {
      organizationId: orgId,
      at: now,
      actor: actorId(props.actor),
      action: props.disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: user.id,
      summary: user.email,
    });
    return presentUser({ ...user, disabled: props.disabled });
  });
}

/**
 * Sets a new password for someone else (forgotten password): generated unless given, and to be changed at the
 * next login. Existing sessions end.
 */
export async function resetUserPassword(
  props: UserTarget & { password?: string | undefined },
): Promise<{ user: StaffUser; generatedPassword?: string }> {
  const generated = props.password === undefined ? generatePassword() : undefined;
  const password = props.password ?? generated!;
  checkNewPassword(password);
  const passwordHash = await hashPassword(password);
  return transaction(props.ctx.store, async (tx) => {
    const { orgId, user } = await findTarget(tx, props);
    const now = props.ctx.now().toISOString();
    await updateUserPassword(tx, orgId, { id: user.id, passwordHash, mustChangePassword: true, now });
    await deleteUserSessions(tx, orgId, user.id);
    await insertAuditEvent(tx, {
      organizationId: orgId,
      at: now,
      actor: actorId(props.actor),
      action: 'user.reset-password',
      entityType: 'user',
      entityId: user.id,
      summary: user.email,
    });
    return {
      user: presentUser({ ...user, mustChangePassword: true }),
      ...(generated !== undefined && { generatedPassword: generated }),
    };
  });
}
