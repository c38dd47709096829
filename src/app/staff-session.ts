import {
  deleteSession,
  getSessionWithUser,
  type OrganizationRecord,
  type SessionRecord,
  touchSession,
} from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from './auth-settings.ts';
import { hashToken } from './login.ts';
import { type StaffLanguage, staffLanguageOf } from './set-own-language.ts';
import { actorOf, presentUser, type StaffUser } from './staff-user.ts';

export interface StaffSession {
  /** sha256 of the token: the session's id in the database. */
  id: string;
  actor: Actor & { kind: 'user' };
  user: StaffUser;
  organization: OrganizationRecord;
  /** Synchroniser token for this session's forms. */
  csrfToken: string;
  expiresAt: string;
  /** The display language the user chose for the staff pages, if any. */
  language?: StaffLanguage | undefined;
}

// Writing last_seen_at on every request would turn each page view into a write; a minute's precision is enough.
const TOUCH_INTERVAL_MS = 60_000;

/**
 * A session that ran out (idle or absolute) under a user still active: whose it was and its form token, so a form
 * posted just after it ended can be kept for that user (keepUnsavedForm) rather than lost.
 */
export interface EndedSession {
  organizationId: string;
  userId: string;
  csrfToken: string;
}

/**
 * The session a cookie token names, or null when there is none, it has expired (idle or absolute), or its user
 * is disabled. Expired sessions are deleted as they are found.
 */
export async function resolveStaffSession(
  ctx: AppContext,
  token: string | undefined,
  settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
): Promise<StaffSession | null> {
  return (await resolveStaffRequest(ctx, token, settings)).session;
}

/** resolveStaffSession, and when the token named a session that has just run out, whose it was. */
export async function resolveStaffRequest(
  ctx: AppContext,
  token: string | undefined,
  settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
): Promise<{ session: StaffSession | null; ended?: EndedSession }> {
  if (!token || token.length > 200) return { session: null };
  const db = ctx.store.db;
  const id = hashToken(token);
  const found = await getSessionWithUser(db, id);
  if (!found) return { session: null };
  const { session, user, organization } = found;
  const now = ctx.now();
  if (!user || user.disabled || !organization) {
    await deleteSession(db, id);
    return { session: null };
  }
  if (expired(session, now, settings)) {
    await deleteSession(db, id);
    return {
      session: null,
      ended: { organizationId: organization.id, userId: user.id, csrfToken: session.csrfSecret },
    };
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) {
    await touchSession(db, id, now.toISOString());
  }
  return {
    session: {
      id,
      actor: actorOf(user) as StaffSession['actor'],
      user: presentUser(user),
      organization,
      csrfToken: session.csrfSecret,
      expiresAt: session.expiresAt,
      language: staffLanguageOf(user.language),
    },
  };
}

function expired(session: SessionRecord, now: Date, settings: AuthSettings): boolean {
  if (now.getTime() >= Date.parse(session.expiresAt)) return true;
  return now.getTime() - Date.parse(session.lastSeenAt) >= settings.idleMinutes * 60_000;
}

/** Ends a session server-side (the cookie alone is then worthless). */
export async function logout(ctx: AppContext, token: string | undefined): Promise<void> {
  if (!token) return;
  await deleteSession(ctx.store.db, hashToken(token));
}
