import { PostgresAdapter, type QueryCreator } from 'kysely';
import { type AuditEventInput, auditEventRow } from './audit-repository.ts';
import { compiledOnce } from './compiled-once.ts';
import type { AuditEventsTable, Database } from './database-schema.ts';
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
  const sheet: SheetArgs = {
    organizationId,
    id: write.id,
    expectedVersion: write.expectedVersion,
    title: write.title,
    content: JSON.stringify(write.content),
    lifecycleStatus: write.content.lifecycle.status,
    now: write.now,
    taskId: write.whileTask?.id ?? null,
    taskVersion: write.whileTask?.version ?? null,
  };
  const guarded = write.whileTask ? 1 : 0;
  if (!departmentsChanged && isPostgres(db)) {
    const audit = auditEventRow(write.audit);
    const res = await sheetWithAudit[guarded](db, {
      ...sheet,
      ...Object.fromEntries(AUDIT_COLUMNS.map((column) => [`audit_${column}`, audit[column] ?? null])),
    } as SheetArgs & AuditArgs);
    return Number(res.numAffectedRows) === 1;
  }
  const run = async (tx: Executor) => {
    const res = await sheetUpdate[guarded](tx, sheet);
    if (Number(res.numAffectedRows) !== 1) return false;
    if (departmentsChanged) await replaceNodeDepartments(tx, organizationId, write.id, after);
    await tx.insertInto('audit_events').values(auditEventRow(write.audit)).execute();
    return true;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

interface SheetArgs {
  organizationId: string;
  id: string;
  expectedVersion: number;
  title: string;
  /** NodeContent as JSON. */
  content: string;
  lifecycleStatus: string;
  now: string;
  taskId: string | null;
  taskVersion: number | null;
}

/**
 * The conditional UPDATE; `guarded`, only while the task has `taskVersion`. On PostgreSQL the task row is read
 * FOR SHARE: a move of the task that is committing at that moment is waited for and then seen, rather than
 * missed by the statement's snapshot. SQLite runs one write at a time, so there is nothing to wait for.
 */
function updateSheet(db: QueryCreator<Database>, a: SheetArgs, guarded: boolean, postgres: boolean) {
  const q = db
    .updateTable('plan_nodes')
    .set((eb) => ({
      title: a.title,
      content: a.content,
      lifecycle_status: a.lifecycleStatus,
      updated_at: a.now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', a.organizationId)
    .where('id', '=', a.id)
    .where('version', '=', a.expectedVersion);
  if (!guarded) return q;
  return q.where(({ exists, selectFrom }) => {
    const task = selectFrom('round_tasks')
      .select('id')
      .where('organization_id', '=', a.organizationId)
      .where('id', '=', a.taskId)
      .where('version', '=', a.taskVersion);
    return exists(postgres ? task.forShare() : task);
  });
}

// The report form saves all day: both statements are compiled once (see compiledOnce), without and with the
// task guard.
const sheetUpdate = withoutAndWithGuard((guarded) =>
  compiledOnce((db, a: SheetArgs) => updateSheet(db, a, guarded, isPostgres(db))),
);

/** PostgreSQL: the update feeds the audit insert, so the event is written exactly when the sheet is. */
const sheetWithAudit = withoutAndWithGuard((guarded) =>
  compiledOnce((db, a: SheetArgs & AuditArgs) =>
    db
      .with('saved', (qb) => updateSheet(qb, a, guarded, true).returning('id'))
      .insertInto('audit_events')
      .columns(AUDIT_COLUMNS)
      .expression((eb) =>
        eb.selectFrom('saved').select(AUDIT_COLUMNS.map((column) => eb.val(a[`audit_${column}`]).as(column))),
      ),
  ),
);

const AUDIT_COLUMNS = [
  'id',
  'organization_id',
  'at',
  'actor',
  'action',
  'entity_type',
  'entity_id',
  'summary',
  'before_json',
  'after_json',
] as const satisfies readonly (keyof AuditEventsTable)[];

/** The audit row's columns as arguments of their own (the sheet has an `id` too). */
type AuditArgs = { [C in (typeof AUDIT_COLUMNS)[number] as `audit_${C}`]: AuditEventsTable[C] };

function withoutAndWithGuard<T>(make: (guarded: boolean) => T): readonly [T, T] {
  return [make(false), make(true)];
}

function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
