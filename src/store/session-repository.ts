import { aliased, unaliased } from './aliased-columns.ts';
import { compiledOnce } from './compiled-once.ts';
import type { Executor } from './executor.ts';
import { type OrganizationRecord, organizationColumns, toOrganizationRecord } from './organization-repository.ts';
import { toUserRecord, type UserRecord, userColumns } from './user-repository.ts';

export interface SessionRecord {
  /** sha256 (hex) of the cookie token; the token itself is never stored. */
  id: string;
  organizationId: string;
  userId: string;
  csrfSecret: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Executor, s: SessionRecord): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      organization_id: s.organizationId,
      user_id: s.userId,
      csrf_secret: s.csrfSecret,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

const sessionColumns = [
  'id',
  'organization_id',
  'user_id',
  'csrf_secret',
  'created_at',
  'last_seen_at',
  'expires_at',
  'ip',
  'user_agent',
] as const;

function toSessionRecord(r: Record<(typeof sessionColumns)[number], string | null>): SessionRecord {
  return {
    id: r.id!,
    organizationId: r.organization_id!,
    userId: r.user_id!,
    csrfSecret: r.csrf_secret!,
    createdAt: r.created_at!,
    lastSeenAt: r.last_seen_at!,
    expiresAt: r.expires_at!,
    ip: r.ip,
    userAgent: r.user_agent,
  };
}

/**
 * A session with its user and organization in one query, as every staff request needs them (undefined user or
 * organization: deleted since). Looked up by token hash before the organization is known: the hash is the secret.
 */
export async function getSessionWithUser(
  db: Executor,
  id: string,
): Promise<{ session: SessionRecord; user?: UserRecord; organization?: OrganizationRecord } | undefined> {
  const row = (await sessionWithUser(db, { id })).rows[0] as Record<string, unknown> | undefined;
  if (!row) return undefined;
  return {
    session: toSessionRecord(unaliased(row, 's', sessionColumns)),
    ...(row.u_id != null && { user: toUserRecord(unaliased(row, 'u', userColumns)) }),
    ...(row.o_id != null && { organization: toOrganizationRecord(unaliased(row, 'o', organizationColumns)) }),
  };
}

// Read on every staff request: compiled once (see compiledOnce).
const sessionWithUser = compiledOnce((db, args: { id: string }) =>
  db
    .selectFrom('sessions as s')
    .leftJoin('users as u', (j) =>
      j.onRef('u.organization_id', '=', 's.organization_id').onRef('u.id', '=', 's.user_id'),
    )
    .leftJoin('organizations as o', 'o.id', 's.organization_id')
    .select([
      ...aliased('s', sessionColumns),
      ...aliased('u', userColumns),
      ...aliased('o', organizationColumns),
    ] as unknown as ['s.id'])
    .where('s.id', '=', args.id),
);

export async function touchSession(db: Executor, id: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (password change, disabling, reset). */
export async function deleteUserSessions(
  db: Executor,
  organizationId: string,
  userId: string,
  exceptId?: string,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('organization_id', '=', organizationId).where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
