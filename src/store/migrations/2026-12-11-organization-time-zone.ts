import type { Kysely } from 'kysely';

// Frozen in time: never import application code here; later changes go in new migration files.
// The IANA time zone an organization's dates are read in ("Europe/London"); null means Asia/Tokyo, the zone every
// organization had before.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organizations').addColumn('time_zone', 'text').execute();
}
