import type { Executor } from './executor.ts';
import { newId } from './new-id.ts';

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
