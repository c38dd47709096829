import type { Executor } from './executor.ts';

/**
 * Marks an edition withdrawn (取り下げ) and makes the newest edition of its plan that is not withdrawn the
 * current one (none when every edition is withdrawn). The row and its content stay, for the audit history.
 * Returns false, changing nothing, when the edition is unknown or already withdrawn. Run it in a transaction.
 */
export async function withdrawEditionRow(
  db: Executor,
  organizationId: string,
  w: { id: string; planId: string; at: string; by: string | null; reason: string },
): Promise<boolean> {
  const res = await db
    .updateTable('editions')
    .set({ withdrawn_at: w.at, withdrawn_by: w.by, withdrawn_reason: w.reason, is_current: 0 })
    .where('organization_id', '=', organizationId)
    .where('id', '=', w.id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  const newest = await db
    .selectFrom('editions')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', w.planId)
    .where('withdrawn_at', 'is', null)
    .orderBy('published_at', 'desc')
    .orderBy('fy', 'desc')
    .limit(1)
    .executeTakeFirst();
  await db
    .updateTable('editions')
    .set({ is_current: 0 })
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', w.planId)
    .execute();
  if (newest) {
    await db
      .updateTable('editions')
      .set({ is_current: 1 })
      .where('organization_id', '=', organizationId)
      .where('id', '=', newest.id)
      .execute();
  }
  return true;
}
