import type { Executor } from './executor.ts';
import { newId } from './new-id.ts';

export interface ReminderKey {
  organizationId: string;
  roundId: string;
  userId: string;
  kind: string;
  /** YYYY-MM-DD: at most one reminder of a kind per person per day. */
  sentOn: string;
}

export async function hasReminderBeenSent(db: Executor, key: ReminderKey): Promise<boolean> {
  const row = await db
    .selectFrom('reminders_sent')
    .select('id')
    .where('organization_id', '=', key.organizationId)
    .where('round_id', '=', key.roundId)
    .where('user_id', '=', key.userId)
    .where('kind', '=', key.kind)
    .where('sent_on', '=', key.sentOn)
    .executeTakeFirst();
  return Boolean(row);
}

export async function insertReminderSent(db: Executor, key: ReminderKey & { sentAt: string }): Promise<void> {
  await db
    .insertInto('reminders_sent')
    .values({
      id: newId(),
      organization_id: key.organizationId,
      round_id: key.roundId,
      user_id: key.userId,
      kind: key.kind,
      sent_on: key.sentOn,
      sent_at: key.sentAt,
    })
    .execute();
}
