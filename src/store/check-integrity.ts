import { sql } from 'kysely';
import type { Store } from './open-database.ts';

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

/**
 * Structural checks after a crash or a restore: SQLite's own integrity and foreign-key checks, and on both
 * dialects the invariants the app relies on (no orphan nodes, at most one current edition per plan, editions
 * whose content matches their checksum is checked by the caller that can parse it).
 */
export async function checkIntegrity(store: Store): Promise<IntegrityReport> {
  const problems: string[] = [];
  const db = store.db;
  if (store.dialect === 'sqlite') {
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    const messages = integrity.rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    problems.push(...messages.map((m) => `sqlite integrity_check: ${m}`));
    const fk = await sql<{ table: string }>`pragma foreign_key_check`.execute(db);
    problems.push(...fk.rows.map((r) => `foreign key violation in ${r.table}`));
  }
  const orphans = await db
    .selectFrom('plan_nodes as n')
    .leftJoin('plans as p', 'p.id', 'n.plan_id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('p.id', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(orphans.count) > 0) problems.push(`${orphans.count} plan nodes without a plan`);
  const currents = await db
    .selectFrom('editions')
    .select(['plan_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('is_current', '=', 1)
    .groupBy('plan_id')
    .execute();
  for (const c of currents) {
    if (Number(c.count) !== 1) problems.push(`plan ${c.plan_id} has ${c.count} current editions`);
  }
  return { ok: problems.length === 0, problems };
}
