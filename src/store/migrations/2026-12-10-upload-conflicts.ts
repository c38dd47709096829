import type { Kysely } from 'kysely';

// Frozen in time: never import application code here; later changes go in new migration files.
// The fields of an uploaded 課 workbook that someone else had changed too, kept for the clerk who uploaded it
// until they choose per field on the conflict page (the upload left them as the server had them).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('upload_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // The round's task of the initiative: round and initiative in one key.
    .addColumn('task_id', 'text', (c) => c.notNull().references('round_tasks.id'))
    // The 課 of the file (a co-department's row is its own part of a shared initiative).
    .addColumn('department_code', 'text', (c) => c.notNull())
    // 'actual' | 'plan' | 'rating' | 'comment' | 'kpi-actual' | 'kpi-note'
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('fy', 'integer', (c) => c.notNull())
    .addColumn('indicator_key', 'text')
    .addColumn('sheet', 'text', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    // What the cell held when the file was made; null when the file no longer said.
    .addColumn('base_value', 'text')
    .addColumn('yours', 'text', (c) => c.notNull())
    .addColumn('theirs', 'text', (c) => c.notNull())
    // The sheet version the file was made from.
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('upload_conflicts_user_idx')
    .on('upload_conflicts')
    .columns(['organization_id', 'user_id', 'task_id'])
    .execute();
}
