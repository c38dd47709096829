import { PostgresAdapter, type QueryCreator } from 'kysely';
import { type AuditEventInput, auditEventRow } from './audit-repository.ts';
import type { Database } from './database-schema.ts';
import type { Executor } from './executor.ts';
import { type NodeContent, replaceNodeDepartments } from './plan-repository.ts';

export interface NodeSheetWrite {
  id: string;
  /** The version the editor loaded: the write succeeds only if the row still has it, and bumps it. */
  expectedVersion: number;
  title: string;
  content: NodeContent;
  now: string;
  /** The departments before the change, when known: the department rows are rewritten only if they differ. */
  departmentsBefore?: readonly string[];
  /** Recorded with the write, in the same commit. */
  audit: AuditEventInput;
  /**
   * Write only while this round task still has this version (a report saved by its editor must not land
   * after the report was submitted or returned meanwhile).
   */
  whileTask?: { id: string; version: number };
}

/**
 * Optimistic write of one node's sheet with its audit event, all or nothing. Returns false, writing nothing,
 * when the node or the task changed since they were read, so the caller can report a conflict instead of
 * overwriting. Atomic whether or not the caller holds a transaction: on PostgreSQL a write that leaves the
 * departments alone (every report save) is one statement, the update feeding the audit insert, so it costs
 * one round trip instead of four (BEGIN, UPDATE, INSERT, COMMIT); otherwise the statements run in the
 * caller's transaction or in one of their own.
 */
export async function writeNodeSheet(db: Executor, organizationId: string, write: NodeSheetWrite): Promise<boolean> {
  const before = write.departmentsBefore;
  const after = write.content.departments;
  const departmentsChanged = !before || before.length !== after.length || before.some((code, i) => code !== after[i]);
  const postgres = isPostgres(db);
  if (!departmentsChanged && postgres) {
    const row = auditEventRow(write.audit);
    const res = await db
      .with('saved', (qb) => updateSheet(qb, organizationId, write, postgres).returning('id'))
      .insertInto('audit_events')
      .columns(Object.keys(row) as (keyof typeof row)[])
      .expression((eb) =>
        eb.selectFrom('saved').select(Object.entries(row).map(([column, value]) => eb.val(value).as(column))),
      )
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows) === 1;
  }
  const run = async (tx: Executor) => {
    const res = await updateSheet(tx, organizationId, write, postgres).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    if (departmentsChanged) await replaceNodeDepartments(tx, organizationId, write.id, after);
    await tx.insertInto('audit_events').values(auditEventRow(write.audit)).execute();
    return true;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/**
 * The conditional UPDATE. With `lockTask` (PostgreSQL) the task row is read FOR SHARE: a move of the task that
 * is committing at that moment is waited for and then seen, rather than missed by the statement's snapshot.
 * SQLite runs one write at a time, so there is nothing to wait for.
 */
function updateSheet(db: QueryCreator<Database>, organizationId: string, write: NodeSheetWrite, lockTask: boolean) {
  let q = db
    .updateTable('plan_nodes')
    .set((eb) => ({
      title: write.title,
      content: JSON.stringify(write.content),
      lifecycle_status: write.content.lifecycle.status,
      updated_at: write.now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', write.id)
    .where('version', '=', write.expectedVersion);
  const task = write.whileTask;
  if (task) {
    q = q.where(({ exists, selectFrom }) => {
      const current = selectFrom('round_tasks')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('id', '=', task.id)
        .where('version', '=', task.version);
      return exists(lockTask ? current.forShare() : current);
    });
  }
  return q;
}

function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
