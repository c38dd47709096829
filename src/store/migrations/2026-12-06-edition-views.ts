import type { Kysely } from 'kysely';

// Frozen in time: never import application code here; later changes go in new migration files.
// What the public pages and downloads of a published edition need, computed once from the immutable content:
// a page that is not in memory reads one small row instead of the whole edition. Rows are filled when an edition
// is published or imported, and for editions published before this migration by an idempotent step at start-up
// (a migration cannot render: that is application code). `version` names the code that built a row, so rows of
// an older release are rebuilt rather than served.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('edition_views')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // 'utf8' (JSON, CSV) or 'base64' (PDF, xlsx): text on both dialects, so backups stay plain JSON.
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_views_pk', ['edition_id', 'name'])
    .execute();
  await db.schema
    .createIndex('edition_views_org_idx')
    .on('edition_views')
    .columns(['organization_id', 'edition_id'])
    .execute();
}
