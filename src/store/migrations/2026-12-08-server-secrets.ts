import type { Kysely } from 'kysely';

// Frozen in time: never import application code here; later changes go in new migration files.
// Dated a day on so that it sorts after 2026-12-07-unsaved-forms, which databases may have run before it existed.
// Keys the server signs with (the login form's token), one row per purpose, made on first use. In the database so
// every process behind a load balancer signs and checks alike.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
