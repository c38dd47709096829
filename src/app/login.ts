import { createHash, randomBytes } from 'node:crypto';
import {
  deleteLoginAttempts,
  deleteLoginAttemptsById,
  type Executor,
  getOrganizationById,
  getOrganizationBySlug,
  insertSession,
  type LoginAttemptKey,
  listUsersByEmail,
  listUsersByStaffId,
  reserveLoginAttempt,
  transaction,
  type UserRecord,
  updateUserLastLogin,
} from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from './auth-settings.ts';
import { AppError } from './errors.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { type StaffLanguage, staffLanguageOf } from './set-own-language.ts';
import { normalizeEmail } from './staff-user.ts';

export interface LoginProps {
  ctx: AppContext;
  /** E-mail address or staff ID. */
  identifier: string;
  password: string;
  /**
   * The organization the person chose on the form (its slug), or none. A staff ID is unique only within an
   * organization: without one, it signs in only when no other organization uses the same ID.
   */
  organizationSlug?: string | undefined;
  ip: string;
  userAgent?: string | undefined;
  settings?: AuthSettings;
}

export interface LoginResult {
  /** The cookie value; only its sha256 is stored. */
  token: string;
  userId: string;
  organizationSlug: string;
  mustChangePassword: boolean;
  /** The display language the user chose, so each sign-in starts in it. */
  language: StaffLanguage | undefined;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// One message for every failure, so the form never tells whether an address has an account.
export const loginFailed = () =>
  new AppError('unauthenticated', {
    ja: 'メールアドレス（職員番号）またはパスワードが正しくありません',
    en: 'The e-mail address (staff ID) or password is incorrect',
  });

/**
 * Failures count over a sliding window and a refused attempt is not counted, so the account or address is free
 * again at the latest one window after its last failure: that is the time the message can promise.
 */
export const loginThrottled = (windowMinutes: number) =>
  new AppError('rate-limited', {
    ja: `ログインの失敗が続いたため、しばらく受け付けません。最長${windowMinutes}分後に、もう一度お試しください`,
    en: `Too many failed logins. Please try again in ${windowMinutes} minutes at the latest`,
  });

/**
 * Checks the password and opens a new server-side session (a fresh id on every login, so a session id planted
 * before login is worthless). Failures are counted per account and per address in the database, so every app
 * process behind a load balancer throttles alike.
 */
export async function login(props: LoginProps): Promise<LoginResult> {
  const settings = props.settings ?? DEFAULT_AUTH_SETTINGS;
  const { ctx } = props;
  const db = ctx.store.db;
  const identifier = normalizeEmail(props.identifier).slice(0, 254);
  const now = ctx.now();
  const since = new Date(now.getTime() - settings.throttleWindowMinutes * 60_000).toISOString();
  const accountKey: LoginAttemptKey = { type: 'account', key: identifier };
  const ipKey: LoginAttemptKey = { type: 'ip', key: props.ip };
  // Check and record in one step: the attempt counts as a failure before the password is checked, so at most the
  // limit's worth of guesses get to the password check, however many are sent at once. A successful attempt takes
  // back its own record.
  const at = now.toISOString();
  const own = await reserveLoginAttempt(
    ctx.store,
    [
      { key: accountKey, maxFailures: settings.maxAccountFailures },
      { key: ipKey, maxFailures: settings.maxIpFailures },
    ],
    at,
    since,
  );
  if (!own) throw loginThrottled(settings.throttleWindowMinutes);
  const account = identifier ? await findAccount(db, props.identifier.trim(), props.organizationSlug) : undefined;
  // Exactly one hash is verified per attempt, whether the identifier names no account, one, or is used by
  // several organizations (then it names none): the time an attempt takes tells nothing about accounts.
  const verified = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), props.password);
  const user = verified && account && !account.disabled ? account : undefined;
  if (!user) throw loginFailed();
  const token = randomBytes(32).toString('base64url');
  return transaction(ctx.store, async (tx) => {
    await deleteLoginAttempts(tx, accountKey);
    await deleteLoginAttemptsById(tx, own);
    await insertSession(tx, {
      id: hashToken(token),
      organizationId: user.organizationId,
      userId: user.id,
      csrfSecret: randomBytes(32).toString('base64url'),
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(now.getTime() + settings.absoluteHours * 3_600_000).toISOString(),
      ip: props.ip,
      userAgent: props.userAgent?.slice(0, 300) ?? null,
    });
    await updateUserLastLogin(tx, user.organizationId, user.id, at);
    const org = await getOrganizationById(tx, user.organizationId);
    return {
      token,
      userId: user.id,
      organizationSlug: org!.slug,
      mustChangePassword: user.mustChangePassword,
      language: staffLanguageOf(user.language),
    };
  });
}

/**
 * The one account an identifier names, or undefined. E-mail addresses and staff IDs are unique within an
 * organization: the identifier names an account of the chosen organization, or, with none chosen, the account
 * when only one organization has it.
 */
async function findAccount(
  db: Executor,
  identifier: string,
  organizationSlug: string | undefined,
): Promise<UserRecord | undefined> {
  const org = organizationSlug ? await getOrganizationBySlug(db, organizationSlug) : undefined;
  if (organizationSlug && !org) return undefined;
  // E-mail addresses match in any case; staff IDs exactly as issued.
  const candidates = identifier.includes('@')
    ? await listUsersByEmail(db, normalizeEmail(identifier))
    : await listUsersByStaffId(db, identifier);
  const matching = org ? candidates.filter((u) => u.organizationId === org.id) : candidates;
  return matching.length === 1 ? matching[0] : undefined;
}
