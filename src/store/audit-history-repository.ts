import { type AuditEventRecord, toAuditEventRecord } from './audit-repository.ts';
import type { Executor } from './executor.ts';

/** Events of several entities at once (an initiative with its round tasks), newest first. */
export async function listAuditEventsOf(
  db: Executor,
  organizationId: string,
  entities: { type: string; ids: string[] }[],
  limit = 500,
): Promise<AuditEventRecord[]> {
  const wanted = entities.filter((e) => e.ids.length > 0);
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or(wanted.map((e) => eb.and([eb('entity_type', '=', e.type), eb('entity_id', 'in', e.ids)]))))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toAuditEventRecord);
}
