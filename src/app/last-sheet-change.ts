import { type Executor, getUserById, listAuditEvents } from '../store/index.ts';
import type { LoadedRoundTask } from './load-round-task.ts';

/** Who last wrote an initiative's sheet and when (from its audit trail), for a conflict to name them. */
export async function lastSheetChange(
  db: Executor,
  lt: Pick<LoadedRoundTask, 'organization' | 'row'>,
): Promise<{ changedBy: string | null; changedAt: string | null }> {
  const orgId = lt.organization.id;
  const [last] = await listAuditEvents(db, orgId, { entityType: 'node', entityId: lt.row.id, limit: 1 });
  const user = last && (await getUserById(db, orgId, last.actor));
  return { changedBy: user ? user.displayName : (last?.actor ?? null), changedAt: last?.at ?? null };
}
