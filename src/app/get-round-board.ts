import { leafNodes, timeZoneOf, walkNodes } from '../domain/index.ts';
import {
  type Executor,
  getPlanReviewSettings,
  listDepartments,
  listRoundTasks,
  listTaskParts,
  type TaskPartRecord,
} from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { type Action, authorize } from './authorize.ts';
import { type DepartmentName, departmentNamer } from './department-name.ts';
import { type LoadedRound, loadRound, type RoundRef } from './load-round-task.ts';
import { daysBetween, localDate } from './local-date.ts';
import { reachedPlanOffice, TASK_STATES, type TaskState } from './review-chain.ts';
import { notSubmitted } from './round-guards.ts';
import { sharedModeOf } from './shared-part.ts';
import { combinedState } from './task-parts.ts';

export interface BoardRow {
  code: string;
  title: string;
  goal: { code: string; title: string };
  departments: DepartmentName[];
  state: TaskState;
  returned: boolean;
  /** Past the due date and not yet with the plan office. */
  overdue: boolean;
  /** Due within the plan's reminder window and not yet submitted from the 課. */
  dueSoon: boolean;
  updatedAt: string;
  submittedAt: string | null;
  /** Under each-submits, where each co-department's own part stands (a part never saved is not started). */
  parts?: { code: string; state: TaskState }[];
}

export type StateCounts = Record<TaskState, number>;

export interface RoundBoard {
  planTitle: string;
  /** Name of the top level (e.g. 基本目標), Japanese and English. */
  goalLevel: { ja: string; en?: string | undefined };
  version: number;
  fy: number;
  dueDate: string;
  status: string;
  today: string;
  daysLeft: number;
  reviewChain: string[];
  rows: BoardRow[];
  /** Initiatives still with the editors, and their 課: what closing the round stops (see updateRoundSettings). */
  notSubmitted: { items: number; departments: number };
  totals: StateCounts & { overdue: number; dueSoon: number };
  byDepartment: (DepartmentName & { counts: StateCounts; overdue: number; codes: string[] })[];
  byGoal: { code: string; title: string; counts: StateCounts; overdue: number; codes: string[] }[];
}

const zero = (): StateCounts => Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as StateCounts;

/** Rows of a round in plan order; shared by the board, "my initiatives" and the executive view. */
export async function boardRows(db: Executor, lr: LoadedRound, today: string): Promise<BoardRow[]> {
  const orgId = lr.loaded.organization.id;
  const named = departmentNamer(await listDepartments(db, orgId));
  const settings = await getPlanReviewSettings(db, orgId, lr.loaded.plan.id);
  const reminderDays = settings?.reminderDays ?? 7;
  const tasks = new Map((await listRoundTasks(db, orgId, lr.round.id)).map((t) => [t.nodeId, t]));
  // Under each-submits an initiative is where the least advanced of its parts is (approved when all are).
  const eachSubmits = sharedModeOf(lr.loaded.document) === 'each-submits';
  const partsByTask = new Map<string, Map<string, TaskPartRecord>>();
  if (eachSubmits) {
    for (const p of await listTaskParts(
      db,
      orgId,
      [...tasks.values()].map((t) => t.id),
    )) {
      partsByTask.set(p.taskId, (partsByTask.get(p.taskId) ?? new Map()).set(p.departmentCode, p));
    }
  }
  const ids = new Map(lr.loaded.nodes.map((n) => [n.code, n.id]));
  const goals = new Map<string, { code: string; title: string }>();
  for (const { node, ancestors } of walkNodes(lr.loaded.document)) {
    const g = ancestors[0] ?? node;
    goals.set(node.code, { code: g.code, title: g.title });
  }
  const daysLeft = daysBetween(today, lr.round.dueDate);
  const open = lr.round.status === 'open';
  const rows: BoardRow[] = [];
  for (const node of leafNodes(lr.loaded.document)) {
    const task = tasks.get(ids.get(node.code)!);
    if (!task) continue;
    const late = open && !reachedPlanOffice(lr.round.reviewChain, task.step);
    rows.push({
      code: node.code,
      title: node.title,
      goal: goals.get(node.code)!,
      departments: node.departments.map(named),
      state:
        eachSubmits && node.departments.length > 1
          ? combinedState(node, task, partsByTask.get(task.id) ?? new Map())
          : (task.state as TaskState),
      returned: task.returned,
      overdue: late && daysLeft < 0,
      dueSoon: late && task.step === 0 && daysLeft >= 0 && daysLeft <= reminderDays,
      updatedAt: task.updatedAt,
      submittedAt: task.submittedAt,
      ...(eachSubmits &&
        node.departments.length > 1 && {
          parts: node.departments.slice(1).map((code) => ({
            code,
            state: (partsByTask.get(task.id)?.get(code)?.state ?? 'not_started') as TaskState,
          })),
        }),
    });
  }
  return rows;
}

async function loadBoard(ctx: AppContext, actor: Actor, ref: RoundRef, action: Action) {
  const db = ctx.store.db;
  const lr = await loadRound(db, ref);
  authorize(actor, action, { organizationId: lr.loaded.organization.id });
  const today = localDate(ctx.now(), timeZoneOf(lr.loaded.organization));
  return { lr, today, rows: await boardRows(db, lr, today) };
}

/** The plan office's status board: every task by 課 (a shared initiative under each of its 課) and by goal. */
export async function getRoundBoard(props: RoundRef & { ctx: AppContext; actor: Actor }): Promise<RoundBoard> {
  const { lr, today, rows } = await loadBoard(props.ctx, props.actor, props, 'round.view-board');
  const totals = { ...zero(), overdue: 0, dueSoon: 0 };
  const depts = new Map<string, RoundBoard['byDepartment'][number]>();
  const goals = new Map<string, RoundBoard['byGoal'][number]>();
  for (const r of rows) {
    totals[r.state]++;
    if (r.overdue) totals.overdue++;
    if (r.dueSoon) totals.dueSoon++;
    for (const d of r.departments) {
      const e = depts.get(d.code) ?? { ...d, counts: zero(), overdue: 0, codes: [] };
      depts.set(d.code, e);
      e.counts[r.state]++;
      if (r.overdue) e.overdue++;
      e.codes.push(r.code);
    }
    const g = goals.get(r.goal.code) ?? { ...r.goal, counts: zero(), overdue: 0, codes: [] };
    goals.set(r.goal.code, g);
    g.counts[r.state]++;
    if (r.overdue) g.overdue++;
    g.codes.push(r.code);
  }
  const order = new Map(
    (await listDepartments(props.ctx.store.db, lr.loaded.organization.id)).map((d, i) => [d.code, i]),
  );
  return {
    planTitle: lr.loaded.document.title,
    goalLevel: lr.loaded.document.levels[0]!,
    version: lr.round.version,
    fy: lr.round.fy,
    dueDate: lr.round.dueDate,
    status: lr.round.status,
    today,
    daysLeft: daysBetween(today, lr.round.dueDate),
    reviewChain: lr.round.reviewChain,
    rows,
    notSubmitted: notSubmitted(
      lr.loaded.document,
      new Map(lr.loaded.nodes.map((n) => [n.code, n.id])),
      await listRoundTasks(props.ctx.store.db, lr.loaded.organization.id, lr.round.id),
    ),
    totals,
    byDepartment: [...depts.values()].sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0)),
    byGoal: [...goals.values()],
  };
}

/** "My initiatives": the tasks of the actor's 課 in a round. */
export async function listMyTasks(
  props: RoundRef & { ctx: AppContext; actor: Actor },
): Promise<{ fy: number; dueDate: string; status: string; daysLeft: number; rows: BoardRow[] }> {
  const { lr, today, rows } = await loadBoard(props.ctx, props.actor, props, 'round.view-mine');
  const dept = props.actor.kind === 'user' ? props.actor.departmentCode : null;
  return {
    fy: lr.round.fy,
    dueDate: lr.round.dueDate,
    status: lr.round.status,
    daysLeft: daysBetween(today, lr.round.dueDate),
    rows: rows.filter((r) => dept !== null && r.departments.some((d) => d.code === dept)),
  };
}
