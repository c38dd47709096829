import { randomBytes } from 'node:crypto';
import { deleteExpiredUnsavedForms, deleteUnsavedForm, getUnsavedForm, insertUnsavedForm } from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import type { EndedSession, StaffSession } from './staff-session.ts';

/** How long a form posted after its session ended is kept for its user to sign in again. */
export const UNSAVED_FORM_MINUTES = 30;
/** Kept forms per user: a new one drops the oldest. */
const PER_USER = 5;
/** The largest form kept (the staff form limit; a larger body never reaches the routes). */
const MAX_BYTES = 1024 * 1024;

/**
 * Keeps a form posted just after the user's session ended, for that user and UNSAVED_FORM_MINUTES, and returns
 * its id (undefined when it is too large to keep). Nothing in it is saved anywhere: signing in again shows it in
 * the form, and the user saves it.
 */
export async function keepUnsavedForm(props: {
  ctx: AppContext;
  ended: EndedSession;
  path: string;
  fields: [string, string][];
}): Promise<string | undefined> {
  const fields = props.fields.filter(([name]) => name !== '_csrf');
  if (Buffer.byteLength(JSON.stringify(fields)) > MAX_BYTES) return undefined;
  const now = props.ctx.now();
  const id = randomBytes(18).toString('base64url');
  const db = props.ctx.store.db;
  await deleteExpiredUnsavedForms(db, now.toISOString());
  await insertUnsavedForm(
    db,
    {
      id,
      organizationId: props.ended.organizationId,
      userId: props.ended.userId,
      path: props.path,
      fields,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + UNSAVED_FORM_MINUTES * 60_000).toISOString(),
    },
    PER_USER,
  );
  return id;
}

/** The fields of a kept form, when it is the signed-in user's own, for this address, and not expired. */
export async function unsavedFormOf(props: {
  ctx: AppContext;
  session: StaffSession;
  id: string;
  path: string;
}): Promise<[string, string][] | undefined> {
  if (!/^[A-Za-z0-9_-]{24}$/.test(props.id)) return undefined;
  const kept = await getUnsavedForm(props.ctx.store.db, {
    organizationId: props.session.organization.id,
    userId: props.session.user.id,
    id: props.id,
    now: props.ctx.now().toISOString(),
  });
  return kept && kept.path === props.path ? kept.fields : undefined;
}

/** Forgets a kept form once the user has saved its input. */
export async function forgetUnsavedForm(props: { ctx: AppContext; session: StaffSession; id: string }) {
  await deleteUnsavedForm(props.ctx.store.db, {
    organizationId: props.session.organization.id,
    userId: props.session.user.id,
    id: props.id,
  });
}
