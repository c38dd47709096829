import type { Executor } from './executor.ts';

/** One field of an uploaded workbook changed both in the file and on the server, kept for its uploader. */
export interface UploadConflictRecord {
  id: string;
  organizationId: string;
  userId: string;
  taskId: string;
  departmentCode: string;
  field: string;
  fy: number;
  indicatorKey: string | null;
  sheet: string;
  cell: string;
  baseValue: string | null;
  yours: string;
  theirs: string;
  baseVersion: number;
  createdAt: string;
}

type Key = { organizationId: string; userId: string };

/**
 * Replaces this user's kept conflicts of the given tasks with a new upload's: the newer file is what the clerk
 * decides on now, so an older file's conflicts of the same initiatives no longer apply.
 */
export async function replaceUploadConflicts(
  db: Executor,
  key: Key & { taskIds: readonly string[] },
  rows: readonly UploadConflictRecord[],
): Promise<void> {
  if (key.taskIds.length > 0) {
    await db
      .deleteFrom('upload_conflicts')
      .where('organization_id', '=', key.organizationId)
      .where('user_id', '=', key.userId)
      .where('task_id', 'in', key.taskIds)
      .execute();
  }
  if (rows.length === 0) return;
  await db
    .insertInto('upload_conflicts')
    .values(
      rows.map((r) => ({
        id: r.id,
        organization_id: r.organizationId,
        user_id: r.userId,
        task_id: r.taskId,
        department_code: r.departmentCode,
        field: r.field,
        fy: r.fy,
        indicator_key: r.indicatorKey,
        sheet: r.sheet,
        cell: r.cell,
        base_value: r.baseValue,
        yours: r.yours,
        theirs: r.theirs,
        base_version: r.baseVersion,
        created_at: r.createdAt,
      })),
    )
    .execute();
}

/** This user's kept conflicts, of one task or of all, in the order the file had them (then by cell). */
export async function listUploadConflicts(
  db: Executor,
  key: Key & { taskIds?: readonly string[] },
): Promise<UploadConflictRecord[]> {
  if (key.taskIds?.length === 0) return [];
  let q = db
    .selectFrom('upload_conflicts')
    .selectAll()
    .where('organization_id', '=', key.organizationId)
    .where('user_id', '=', key.userId);
  if (key.taskIds) q = q.where('task_id', 'in', key.taskIds);
  const rows = await q.orderBy('created_at').orderBy('sheet').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    userId: r.user_id,
    taskId: r.task_id,
    departmentCode: r.department_code,
    field: r.field,
    fy: r.fy,
    indicatorKey: r.indicator_key,
    sheet: r.sheet,
    cell: r.cell,
    baseValue: r.base_value,
    yours: r.yours,
    theirs: r.theirs,
    baseVersion: r.base_version,
    createdAt: r.created_at,
  }));
}

/** Forgets kept conflicts of one task the user has decided on (only their own). */
export async function deleteUploadConflicts(
  db: Executor,
  key: Key & { taskId: string; ids: readonly string[] },
): Promise<void> {
  if (key.ids.length === 0) return;
  await db
    .deleteFrom('upload_conflicts')
    .where('organization_id', '=', key.organizationId)
    .where('user_id', '=', key.userId)
    .where('task_id', '=', key.taskId)
    .where('id', 'in', key.ids)
    .execute();
}
