import { timeZoneOf } from '../domain/index.ts';
import { listPlans, listRounds, listRoundTasks, listUploadConflicts } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { type BoardRow, boardRows } from './get-round-board.ts';
import { requireOrganization } from './load-plan.ts';
import { loadRound } from './load-round-task.ts';
import { daysBetween, localDate } from './local-date.ts';
import { type ReminderKind, reminderKinds } from './reminder-kinds.ts';

export const WORK_LISTS = ['toEnter', 'returned', 'toApprove', 'overdue'] as const;
export type WorkList = (typeof WORK_LISTS)[number];

export interface RoundWork {
  planSlug: string;
  planTitle: string;
  fy: number;
  dueDate: string;
  daysLeft: number;
  /** Only the lists that apply to the actor's role, in WORK_LISTS order. */
  lists: Partial<Record<WorkList, BoardRow[]>>;
  /** What a reminder e-mail would tell this person today (shown in the app when e-mail is off). */
  notices: { kind: ReminderKind; rows: BoardRow[] }[];
  /** Initiatives where this person's uploaded workbook left fields for them to decide (and how many). */
  conflicts: { row: BoardRow; fields: number }[];
}

/**
 * Whether the initiative (or, under each-submits, this 課's own part of it) is still with its editors, so that a
 * kept conflict can be decided: once submitted it is not, until it is returned, when the conflicts show again.
 */
function withEditors(row: BoardRow, dept: string | null): boolean {
  const state = row.parts?.find((p) => p.code === dept)?.state ?? row.state;
  return state === 'not_started' || state === 'in_progress' || state === 'returned';
}

/**
 * What waits for the signed-in person in every open round: for a 課's editors and 課長 the initiatives of their
 * 課 to enter, returned to them, waiting for their approval and overdue; for the plan office (and the
 * administrator, who may act for it) what waits at its step and everything overdue; for viewers what is overdue.
 * For anyone, the initiatives where their uploaded workbook left conflicting fields for them to decide.
 */
export async function listWaitingWork(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
}): Promise<RoundWork[]> {
  const db = props.ctx.store.db;
  const org = await requireOrganization(db, props.organizationSlug);
  authorize(props.actor, 'staff.use', { organizationId: org.id });
  const actor = props.actor;
  const role = actor.kind === 'user' ? actor.role : 'plan-office';
  const dept = actor.kind === 'user' ? actor.departmentCode : null;
  const departmental = role === 'department-editor' || role === 'department-approver';
  const today = localDate(props.ctx.now(), timeZoneOf(org));
  const kept =
    actor.kind === 'user' ? await listUploadConflicts(db, { organizationId: org.id, userId: actor.userId }) : [];
  const out: RoundWork[] = [];
  for (const plan of await listPlans(db, org.id)) {
    for (const round of await listRounds(db, org.id, plan.id)) {
      if (round.status !== 'open') continue;
      const lr = await loadRound(db, { organizationSlug: props.organizationSlug, planSlug: plan.slug, fy: round.fy });
      const all = await boardRows(db, lr, today);
      const rows = departmental ? all.filter((r) => dept !== null && r.departments.some((d) => d.code === dept)) : all;
      // A shared initiative returns to, and waits for the approval of, its lead 課 only; its co-departments see
      // it to enter their part.
      const led = rows.filter((r) => !departmental || r.departments[0]?.code === dept);
      const backToApprover = (r: BoardRow) => r.state === 'awaiting_approval' && r.returned;
      const lists: RoundWork['lists'] = {};
      if (departmental) {
        lists.toEnter = rows.filter((r) => r.state === 'not_started' || r.state === 'in_progress');
        lists.returned = led.filter(
          (r) => r.state === 'returned' || (role === 'department-approver' && backToApprover(r)),
        );
      }
      // Under each-submits a co-department's 課長 approves its own part of a shared initiative.
      const ownPart = (r: BoardRow) => r.parts?.find((p) => p.code === dept)?.state;
      if (role === 'department-approver')
        lists.toApprove = rows.filter(
          (r) =>
            (led.includes(r) && r.state === 'awaiting_approval' && !r.returned) || ownPart(r) === 'awaiting_approval',
        );
      if (role === 'plan-office' || role === 'admin') lists.toApprove = rows.filter((r) => r.state === 'submitted');
      lists.overdue = rows.filter((r) => r.overdue);
      const notices = new Map<ReminderKind, BoardRow[]>();
      if (departmental)
        for (const r of rows)
          for (const k of reminderKinds(r, lr.round.reviewChain))
            if (k.role === role && (k.kind !== 'approval' || led.includes(r)))
              notices.set(k.kind, [...(notices.get(k.kind) ?? []), r]);
      const conflicts: RoundWork['conflicts'] = [];
      if (kept.length > 0) {
        for (const task of await listRoundTasks(db, org.id, round.id)) {
          const fields = kept.filter((k) => k.taskId === task.id).length;
          const code = lr.loaded.nodes.find((n) => n.id === task.nodeId)?.code;
          const row = all.find((r) => r.code === code);
          if (fields > 0 && row && withEditors(row, dept)) conflicts.push({ row, fields });
        }
      }
      out.push({
        planSlug: plan.slug,
        planTitle: lr.loaded.document.title,
        fy: round.fy,
        dueDate: round.dueDate,
        daysLeft: daysBetween(today, round.dueDate),
        lists,
        notices: [...notices].map(([kind, list]) => ({ kind, rows: list })),
        conflicts,
      });
    }
  }
  return out;
}
