import type { Executor } from './executor.ts';

export interface UnsavedFormRecord {
  id: string;
  organizationId: string;
  userId: string;
  /** The address the form was posted to. */
  path: string;
  /** [name, value] pairs in the order sent. */
  fields: [string, string][];
  createdAt: string;
  expiresAt: string;
}

/** Housekeeping of every organization: drops kept forms past their time. */
export async function deleteExpiredUnsavedForms(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('unsaved_forms').where('expires_at', '<=', now).execute();
}

/**
 * Keeps a form, first dropping all but the newest `keepPerUser - 1` of this user's, so the table stays small
 * whatever one user does.
 */
export async function insertUnsavedForm(db: Executor, f: UnsavedFormRecord, keepPerUser: number): Promise<void> {
  const newer = await db
    .selectFrom('unsaved_forms')
    .select('id')
    .where('organization_id', '=', f.organizationId)
    .where('user_id', '=', f.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(keepPerUser - 1)
    .execute();
  let old = db
    .deleteFrom('unsaved_forms')
    .where('organization_id', '=', f.organizationId)
    .where('user_id', '=', f.userId);
  if (newer.length > 0)
    old = old.where(
      'id',
      'not in',
      newer.map((r) => r.id),
    );
  await old.execute();
  await db
    .insertInto('unsaved_forms')
    .values({
      id: f.id,
      organization_id: f.organizationId,
      user_id: f.userId,
      path: f.path,
      fields: JSON.stringify(f.fields),
      created_at: f.createdAt,
      expires_at: f.expiresAt,
    })
    .execute();
}

/** A kept form of this user, unless it has expired. */
export async function getUnsavedForm(
  db: Executor,
  key: { organizationId: string; userId: string; id: string; now: string },
): Promise<UnsavedFormRecord | undefined> {
  const row = await db
    .selectFrom('unsaved_forms')
    .selectAll()
    .where('organization_id', '=', key.organizationId)
    .where('user_id', '=', key.userId)
    .where('id', '=', key.id)
    .where('expires_at', '>', key.now)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    organizationId: row.organization_id,
    userId: row.user_id,
    path: row.path,
    fields: JSON.parse(row.fields) as [string, string][],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** Forgets a kept form (its input was saved, or restored into the form). */
export async function deleteUnsavedForm(
  db: Executor,
  key: { organizationId: string; userId: string; id: string },
): Promise<void> {
  await db
    .deleteFrom('unsaved_forms')
    .where('organization_id', '=', key.organizationId)
    .where('user_id', '=', key.userId)
    .where('id', '=', key.id)
    .execute();
}
