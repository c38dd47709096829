import type { Kysely } from 'kysely';

// Frozen in time: never import application code here; later changes go in new migration files.
// Each staff member's display language ('ja' or 'en'), null until they choose one (the pages are Japanese then).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('language', 'text').execute();
}
