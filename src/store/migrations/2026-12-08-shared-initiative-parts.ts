import type { Kysely } from 'kysely';

// Frozen in time: never import application code here; later changes go in new migration files.
// A plan whose shared initiatives are submitted by each 課 (each-submits) reviews each co-department's part of the
// sheet on its own: one row per task and co-department, with the task's own workflow columns. A review note may
// belong to such a part (department_code), or to the lead's sheet (null).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('round_task_parts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('round_tasks.id'))
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('returned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('round_task_parts_task_dept_uq', ['task_id', 'department_code'])
    .execute();
  await db.schema
    .createIndex('round_task_parts_org_task_idx')
    .on('round_task_parts')
    .columns(['organization_id', 'task_id'])
    .execute();
  await db.schema.alterTable('review_notes').addColumn('department_code', 'text').execute();
}
