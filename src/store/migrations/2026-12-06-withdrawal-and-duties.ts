import type { Kysely } from 'kysely';

// Frozen in time: never import application code here; later changes go in new migration files.
// Separation of duties is a plan setting, on unless a plan turns it off (1 = nobody approves a step they sent).
// An edition can be withdrawn (取り下げ) with a reason: the row stays, for the audit history, but no public
// lookup serves it; a correction (訂正版) names the edition it corrects.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('plan_review_settings')
    .addColumn('separate_duties', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('editions').addColumn('withdrawn_at', 'text').execute();
  await db.schema.alterTable('editions').addColumn('withdrawn_by', 'text').execute();
  await db.schema.alterTable('editions').addColumn('withdrawn_reason', 'text').execute();
  await db.schema.alterTable('editions').addColumn('corrects_id', 'text').execute();
}
