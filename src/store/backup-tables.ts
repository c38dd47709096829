import { sql } from 'kysely';
import type { Executor } from './executor.ts';

/**
 * Every table in restore order (a table after those it references). A test compares this list with the tables
 * that actually exist, so a new migration's table cannot be silently left out of backups.
 */
export const BACKUP_TABLES = [
  'organizations',
  'departments',
  'plans',
  'plan_nodes',
  'node_departments',
  'editions',
  'edition_views',
  'audit_events',
  'users',
  'sessions',
  'login_attempts',
  'server_secrets',
  'plan_review_settings',
  'reporting_rounds',
  'round_tasks',
  'round_task_parts',
  'review_notes',
  'reminders_sent',
  'unsaved_forms',
  'upload_conflicts',
] as const;

/** Names of the application's tables present in the database (excluding migration bookkeeping). */
export async function listExistingTables(db: Executor, dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
          db,
        );
  return rows.rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_'));
}

/** How a binary value (a stored PDF) travels in the JSON of a backup. */
interface BytesValue {
  $bytes: string;
}
const isBytesValue = (v: unknown): v is BytesValue =>
  typeof v === 'object' && v !== null && typeof (v as BytesValue).$bytes === 'string';

/** Rows of one table, binary values as `{ $bytes: base64 }` so that a row survives JSON. */
export async function readTable(db: Executor, table: string): Promise<Record<string, unknown>[]> {
  const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
  return rows.rows.map((row) => {
    for (const [k, v] of Object.entries(row)) {
      if (v instanceof Uint8Array) row[k] = { $bytes: Buffer.from(v).toString('base64') } satisfies BytesValue;
    }
    return row;
  });
}

const fromJson = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, isBytesValue(v) ? Buffer.from(v.$bytes, 'base64') : v]));

export async function writeTable(db: Executor, table: string, rows: Record<string, unknown>[]): Promise<void> {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200).map(fromJson);
    // biome-ignore lint/suspicious/noExplicitAny: table name is dynamic here by design (generic restore).
    await (db as any).insertInto(table).values(chunk).execute();
  }
}

/** Empties every application table (reverse order, so references never dangle). */
export async function clearAllTables(db: Executor): Promise<void> {
  // plan_nodes references itself; drop the links before deleting.
  await db.updateTable('plan_nodes').set({ parent_id: null }).execute();
  for (const table of [...BACKUP_TABLES].reverse()) {
    await sql`delete from ${sql.table(table)}`.execute(db);
  }
}

/** Writes backed-up rows in dependency order; parents before children inside plan_nodes. */
export async function writeAllTables(db: Executor, tables: Record<string, Record<string, unknown>[]>): Promise<void> {
  for (const table of BACKUP_TABLES) {
    const rows = [...(tables[table] ?? [])];
    if (table === 'plan_nodes') rows.sort((a, b) => Number(a.depth) - Number(b.depth));
    await writeTable(db, table, rows);
  }
}
