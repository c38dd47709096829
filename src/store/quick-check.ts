import { sql } from 'kysely';
import type { Store } from './open-database.ts';

/**
 * SQLite's quick integrity check (`pragma quick_check`: every page's structure, without comparing indexes to
 * their tables), for the start of a server: a file with a corrupt page then reports not ready instead of
 * serving until a request reaches the page. Linear in the size of the file (about a second per GB). Returns the
 * problems found (none on PostgreSQL, which checks its own pages) and records them in the store's health.
 */
export async function quickCheck(store: Store): Promise<string[]> {
  if (store.dialect !== 'sqlite') return [];
  let problems: string[];
  try {
    const rows = await sql<{ quick_check: string }>`pragma quick_check(10)`.execute(store.db);
    problems = rows.rows.map((r) => r.quick_check).filter((m) => m !== 'ok');
  } catch (e) {
    store.health.note(e);
    return [(e as Error).message];
  }
  if (problems.length > 0) {
    store.health.note(Object.assign(new Error(problems.join('; ')), { code: 'SQLITE_CORRUPT' }));
  }
  return problems;
}
