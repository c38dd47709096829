import type { Role } from './actor.ts';
import type { BoardRow } from './get-round-board.ts';

export type ReminderKind = 'due-soon' | 'overdue' | 'approval';

/**
 * Who is reminded of a row, and of what: the editors of its 課 while it is not submitted (overdue past the due
 * date, due-soon inside the plan's window), the 課長 while it waits for their approval. The reminder e-mail and
 * the in-app notices (when no SMTP is configured) both use this one rule.
 */
export function reminderKinds(row: BoardRow, chain: readonly string[]): { role: Role; kind: ReminderKind }[] {
  const out: { role: Role; kind: ReminderKind }[] = [];
  if (row.overdue && row.state !== 'awaiting_approval') out.push({ role: 'department-editor', kind: 'overdue' });
  else if (row.dueSoon) out.push({ role: 'department-editor', kind: 'due-soon' });
  if (row.state === 'awaiting_approval' && chain.includes('department-approver'))
    out.push({ role: 'department-approver', kind: 'approval' });
  return out;
}
