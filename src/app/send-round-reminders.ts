import { formatFiscalYear, timeZoneOf } from '../domain/index.ts';
import { hasReminderBeenSent, insertAuditEvent, insertReminderSent, listUsers } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { AppError } from './errors.ts';
import { type BoardRow, boardRows } from './get-round-board.ts';
import { loadRound, type RoundRef, requireOpen } from './load-round-task.ts';
import { daysBetween, localDate } from './local-date.ts';
import type { Mailer } from './mailer.ts';
import { type ReminderKind as Kind, reminderKinds } from './reminder-kinds.ts';
import { reminderMail } from './reminder-mail.ts';

export interface ReminderResult {
  /** Addresses mailed, in order. */
  sent: string[];
}

/**
 * E-mails each editor whose 課 has initiatives not yet submitted when the due date is near or past, and each
 * 課長 with submissions waiting for approval: one message per person listing their initiatives, at most one of
 * each kind per person per day (so a retry or a second click never mails twice).
 */
export async function sendRoundReminders(
  props: RoundRef & { ctx: AppContext; actor: Actor; mailer: Mailer | null; baseUrl: string },
): Promise<ReminderResult> {
  const db = props.ctx.store.db;
  const lr = await loadRound(db, props);
  const orgId = lr.loaded.organization.id;
  authorize(props.actor, 'round.send-reminders', { organizationId: orgId });
  requireOpen(lr.round);
  if (!props.mailer) {
    throw new AppError('invalid-state', {
      ja: 'メール送信が設定されていません（SMTP_URL）',
      en: 'E-mail is not configured (SMTP_URL)',
    });
  }
  const today = localDate(props.ctx.now(), timeZoneOf(lr.loaded.organization));
  const rows = await boardRows(db, lr, today);
  const chain = lr.round.reviewChain;
  const tasksOf = new Map<string, { kind: Kind; rows: BoardRow[] }>();
  const users = (await listUsers(db, orgId)).filter((u) => !u.disabled && u.departmentCode);
  const add = (kind: Kind, role: string, row: BoardRow) => {
    for (const u of users) {
      // Every 課 of a shared initiative is reminded to enter (its part), only the lead's 課長 to approve.
      const departments = kind === 'approval' ? row.departments.slice(0, 1) : row.departments;
      if (u.role !== role || !departments.some((d) => d.code === u.departmentCode)) continue;
      const key = `${u.id}|${kind}`;
      const e = tasksOf.get(key) ?? { kind, rows: [] };
      e.rows.push(row);
      tasksOf.set(key, e);
    }
  };
  for (const row of rows) for (const { role, kind } of reminderKinds(row, chain)) add(kind, role, row);
  const byId = new Map(users.map((u) => [u.id, u]));
  const fy = formatFiscalYear(lr.round.fy);
  const days = daysBetween(today, lr.round.dueDate);
  const sent: string[] = [];
  for (const [key, { kind, rows: list }] of tasksOf) {
    const user = byId.get(key.split('|')[0]!)!;
    const reminderKey = { organizationId: orgId, roundId: lr.round.id, userId: user.id, kind, sentOn: today };
    if (await hasReminderBeenSent(db, reminderKey)) continue;
    const link = `${props.baseUrl}/staff/plans/${encodeURIComponent(props.planSlug)}/rounds/${lr.round.fy}/mine`;
    const mail = reminderMail({
      language: user.language,
      displayName: user.displayName,
      kind,
      fy: lr.round.fy,
      dueDate: lr.round.dueDate,
      daysLeft: days,
      items: list,
      link,
    });
    await props.mailer.send({ to: user.email, ...mail });
    await insertReminderSent(db, { ...reminderKey, sentAt: props.ctx.now().toISOString() });
    sent.push(user.email);
  }
  await insertAuditEvent(db, {
    organizationId: orgId,
    at: props.ctx.now().toISOString(),
    actor: actorId(props.actor),
    action: 'round.remind',
    entityType: 'round',
    entityId: lr.round.id,
    summary: `${fy} 照会のリマインダー ${sent.length}通`,
    after: { sent },
  });
  return { sent };
}
