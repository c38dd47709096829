import type { Insertable, Selectable } from 'kysely';
import type { AuditEventsTable } from './database-schema.ts';
import type { Executor } from './executor.ts';
import { newSortableId } from './sortable-id.ts';

export interface AuditEventInput {
  organizationId: string;
  at: string;
  /** User id, or a label such as "cli" or "system" for non-interactive writes. */
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditEventRecord extends Omit<AuditEventInput, 'before' | 'after'> {
  id: string;
  before: unknown;
  after: unknown;
}

export async function insertAuditEvent(db: Executor, event: AuditEventInput): Promise<void> {
  await db.insertInto('audit_events').values(auditEventRow(event)).execute();
}

/** The stored row of an event: before/after as JSON text. */
export function auditEventRow(event: AuditEventInput): Insertable<AuditEventsTable> {
  return {
    // Time-ordered, so events of one transaction (same `at`) keep their order.
    id: newSortableId(),
    organization_id: event.organizationId,
    at: event.at,
    actor: event.actor,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId,
    summary: event.summary ?? null,
    before_json: event.before === undefined ? null : JSON.stringify(event.before),
    after_json: event.after === undefined ? null : JSON.stringify(event.after),
  };
}

/** Events of one entity (or all of an organization), newest first. */
export async function listAuditEvents(
  db: Executor,
  organizationId: string,
  filter: { entityType?: string; entityId?: string; limit?: number } = {},
): Promise<AuditEventRecord[]> {
  let q = db.selectFrom('audit_events').selectAll().where('organization_id', '=', organizationId);
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 500)
    .execute();
  return rows.map(toAuditEventRecord);
}

/** A stored row as the app sees it, with before/after parsed back from JSON. */
export function toAuditEventRecord(r: Selectable<AuditEventsTable>): AuditEventRecord {
  return {
    id: r.id,
    organizationId: r.organization_id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    ...(r.summary !== null && { summary: r.summary }),
    before: r.before_json === null ? undefined : JSON.parse(r.before_json),
    after: r.after_json === null ? undefined : JSON.parse(r.after_json),
  };
}
