import type { Kysely } from 'kysely';

// Frozen in time: never import application code here; later changes go in new migration files.
// Binary views (PDF, workbook) as bytes rather than base64 text: reading a 1.3 MB text value and decoding it
// took longer than serving the file. 'bytea' is PostgreSQL's binary type; SQLite accepts the name and stores
// the values as BLOBs (affinity never converts a BLOB), so one column definition serves both dialects.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('edition_views').addColumn('bytes', 'bytea').execute();
}
