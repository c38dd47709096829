import type { Executor } from './executor.ts';
import { newId } from './new-id.ts';

/**
 * Events counted for throttling other than failed logins: workbook uploads per user. They share the
 * login_attempts table (key_type "upload"), so every app process behind a load balancer counts alike.
 */
export type RateEventKey = { type: 'upload'; key: string };

export async function insertRateEvent(db: Executor, event: RateEventKey & { at: string }): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ id: newId(), key_type: event.type, key: event.key, at: event.at, success: 1 })
    .execute();
}

/** Events of a key since a moment. */
export async function countRateEvents(db: Executor, key: RateEventKey, since: string): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('key_type', '=', key.type)
    .where('key', '=', key.key)
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
