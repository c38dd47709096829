import { sql } from 'kysely';
import type { Executor } from './executor.ts';
import { newId } from './new-id.ts';
import type { Store } from './open-database.ts';
import { transaction } from './transaction.ts';

export type LoginAttemptKey = { type: 'account' | 'ip'; key: string };

/** Records an attempt; returns its id (so an attempt recorded before it was judged can be taken back). */
export async function insertLoginAttempt(
  db: Executor,
  attempt: LoginAttemptKey & { at: string; success: boolean },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('login_attempts')
    .values({ id, key_type: attempt.type, key: attempt.key, at: attempt.at, success: attempt.success ? 1 : 0 })
    .execute();
  return id;
}

export interface LoginAttemptLimit {
  key: LoginAttemptKey;
  /** Failures since `since` that the key may already have for this attempt to go ahead. */
  maxFailures: number;
}

/**
 * Records a failed attempt under every key, unless one of them already has its limit of failures since `since`;
 * returns the recorded ids, or undefined when refused (then nothing is recorded). The check and the record are
 * one step per key: attempts sent in parallel wait for each other (PostgreSQL: a transaction lock per key, taken in
 * one order; SQLite: the write lock every transaction takes first), so exactly the limit's worth go ahead, however
 * many arrive at once and however many processes serve them, and the first always does.
 */
export function reserveLoginAttempt(
  store: Store,
  limits: LoginAttemptLimit[],
  at: string,
  since: string,
): Promise<string[] | undefined> {
  return transaction(store, async (tx) => {
    if (store.dialect === 'postgres') {
      const lockNames = limits.map(({ key }) => `login-attempt:${key.type}:${key.key}`).sort();
      for (const name of lockNames) await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(tx);
    }
    for (const { key, maxFailures } of limits) {
      if ((await countFailedLoginAttempts(tx, key, since)) >= maxFailures) return undefined;
    }
    const ids: string[] = [];
    for (const { key } of limits) ids.push(await insertLoginAttempt(tx, { ...key, at, success: false }));
    return ids;
  });
}

/** Takes back attempts recorded by id. */
export async function deleteLoginAttemptsById(db: Executor, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('login_attempts').where('id', 'in', ids).execute();
}

/** Failed attempts for a key since a moment; kept in the database so every app process sees the same count. */
export async function countFailedLoginAttempts(db: Executor, key: LoginAttemptKey, since: string): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('key_type', '=', key.type)
    .where('key', '=', key.key)
    .where('success', '=', 0)
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Forgets failures of a key (after a successful login to that account). */
export async function deleteLoginAttempts(db: Executor, key: LoginAttemptKey): Promise<void> {
  await db.deleteFrom('login_attempts').where('key_type', '=', key.type).where('key', '=', key.key).execute();
}

export async function pruneLoginAttempts(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
