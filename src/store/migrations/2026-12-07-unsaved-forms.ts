import type { Kysely } from 'kysely';

// Frozen in time: never import application code here; later changes go in new migration files.
// A form posted after its session ended is kept for a short time, for the same user only, so that signing in
// again brings the typed input back instead of losing it (nothing in it is saved until the user saves again).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unsaved_forms')
    // A random id, carried through the login page in the address; it is useless without the user's own login.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    // The form fields as JSON ([name, value] pairs in the order sent), without the CSRF token.
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unsaved_forms_user_idx')
    .on('unsaved_forms')
    .columns(['organization_id', 'user_id', 'created_at'])
    .execute();
}
