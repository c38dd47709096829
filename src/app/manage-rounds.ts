import { formatFiscalYear, timeZoneOf } from '../domain/index.ts';
import {
  getPlanReviewSettings,
  insertAuditEvent,
  listRounds as listRoundRows,
  listRoundTasks,
  savePlanReviewSettings,
  transaction,
  updateRound,
} from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { conflict, invalidInput } from './errors.ts';
import { FIELD_MESSAGES as M } from './field-messages.ts';
import { zodFieldErrors } from './format-zod-error.ts';
import { loadPlan } from './load-plan.ts';
import { loadRound, type RoundRef } from './load-round-task.ts';
import { isIsoDate } from './local-date.ts';
import { DEFAULT_REVIEW_CHAIN, ReviewChain, type ReviewStep, TASK_STATES, type TaskState } from './review-chain.ts';
import { checkCloseConfirmed, checkDueDateNotPast, notSubmitted } from './round-guards.ts';

export interface RoundSummary {
  fy: number;
  dueDate: string;
  status: string;
  reviewChain: string[];
  version: number;
  counts: Record<TaskState, number>;
  total: number;
  /** Initiatives still with the editors, and their 課: what closing the round stops. */
  notSubmitted: { items: number; departments: number };
}

/** Rounds of a plan, newest first, with task counts (every staff member sees that rounds exist). */
export async function listRounds(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
}): Promise<RoundSummary[]> {
  const db = props.ctx.store.db;
  const loaded = await loadPlan(db, props.organizationSlug, props.planSlug);
  const orgId = loaded.organization.id;
  authorize(props.actor, 'staff.use', { organizationId: orgId });
  const out: RoundSummary[] = [];
  const ids = new Map(loaded.nodes.map((n) => [n.code, n.id]));
  for (const r of await listRoundRows(db, orgId, loaded.plan.id)) {
    const counts = Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>;
    const tasks = await listRoundTasks(db, orgId, r.id);
    for (const t of tasks) counts[t.state as TaskState]++;
    out.push({
      fy: r.fy,
      dueDate: r.dueDate,
      status: r.status,
      reviewChain: r.reviewChain,
      version: r.version,
      counts,
      total: tasks.length,
      notSubmitted: notSubmitted(loaded.document, ids, tasks),
    });
  }
  return out;
}

/** Changes a round's due date or closes/reopens it (plan office). */
export async function updateRoundSettings(
  props: RoundRef & {
    ctx: AppContext;
    actor: Actor;
    expectedVersion: number;
    dueDate?: string | undefined;
    status?: 'open' | 'closed' | undefined;
    /** A changed due date before today is kept only with this. */
    confirmPastDue?: boolean | undefined;
    /** Closing an open round: the number of initiatives not yet submitted, as shown to the person closing. */
    confirmClose?: number | undefined;
  },
): Promise<void> {
  await transaction(props.ctx.store, async (tx) => {
    const { loaded, round } = await loadRound(tx, props);
    const orgId = loaded.organization.id;
    authorize(props.actor, 'round.manage', { organizationId: orgId });
    if (props.dueDate !== undefined && !isIsoDate(props.dueDate)) {
      throw invalidInput({ dueDate: M.dueDate });
    }
    if (props.dueDate !== undefined && props.dueDate !== round.dueDate) {
      checkDueDateNotPast(props.dueDate, props.ctx.now(), props.confirmPastDue, timeZoneOf(loaded.organization));
    }
    if (props.status === 'closed' && round.status === 'open') {
      const ids = new Map(loaded.nodes.map((n) => [n.code, n.id]));
      const open = notSubmitted(loaded.document, ids, await listRoundTasks(tx, orgId, round.id));
      checkCloseConfirmed(open, props.confirmClose);
    }
    const now = props.ctx.now().toISOString();
    const status = props.status ?? round.status;
    const dueDate = props.dueDate ?? round.dueDate;
    const closedAt = status === 'closed' ? (round.closedAt ?? now) : null;
    const ok = await updateRound(tx, orgId, {
      id: round.id,
      expectedVersion: props.expectedVersion,
      status,
      dueDate,
      closedAt,
    });
    if (!ok) throw conflict({ currentVersion: round.version });
    await insertAuditEvent(tx, {
      organizationId: orgId,
      at: now,
      actor: actorId(props.actor),
      action: 'round.update',
      entityType: 'round',
      entityId: round.id,
      summary: `${formatFiscalYear(round.fy)} 照会: ${status === 'open' ? '受付中' : '締切'}、提出期限 ${dueDate}`,
      before: { status: round.status, dueDate: round.dueDate },
      after: { status, dueDate },
    });
  });
}

export interface ReviewSettings {
  reviewChain: ReviewStep[];
  reminderDays: number;
  /** Separation of duties: nobody approves a step they sent the report to. On by default. */
  separateDuties: boolean;
}

export async function getReviewSettings(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
}): Promise<ReviewSettings> {
  const db = props.ctx.store.db;
  const loaded = await loadPlan(db, props.organizationSlug, props.planSlug);
  authorize(props.actor, 'staff.use', { organizationId: loaded.organization.id });
  const s = await getPlanReviewSettings(db, loaded.organization.id, loaded.plan.id);
  return {
    reviewChain: (s?.reviewChain as ReviewStep[]) ?? DEFAULT_REVIEW_CHAIN,
    reminderDays: s?.reminderDays ?? 7,
    separateDuties: s?.separateDuties ?? true,
  };
}

/** Sets the plan's review chain (used by rounds opened afterwards) and the reminder window. */
export async function setReviewSettings(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
  /** A setting left out keeps its stored value (separation of duties: on). */
  settings: Omit<ReviewSettings, 'separateDuties'> & { separateDuties?: boolean | undefined };
}): Promise<void> {
  await transaction(props.ctx.store, async (tx) => {
    const loaded = await loadPlan(tx, props.organizationSlug, props.planSlug);
    const orgId = loaded.organization.id;
    authorize(props.actor, 'round.manage', { organizationId: orgId });
    const chain = ReviewChain.safeParse(props.settings.reviewChain);
    const days = props.settings.reminderDays;
    // Both fields are checked before refusing, so the form shows every problem at once.
    const errors = {
      ...(!chain.success && zodFieldErrors(chain.error, 'reviewChain')),
      ...((!Number.isInteger(days) || days < 0 || days > 60) && {
        reminderDays: { ja: '日数は0から60の整数で入力してください', en: 'Enter a whole number of days from 0 to 60' },
      }),
    };
    if (!chain.success || Object.keys(errors).length > 0) throw invalidInput(errors);
    const before = await getPlanReviewSettings(tx, orgId, loaded.plan.id);
    const now = props.ctx.now().toISOString();
    const separateDuties = props.settings.separateDuties ?? before?.separateDuties ?? true;
    await savePlanReviewSettings(tx, orgId, {
      planId: loaded.plan.id,
      reviewChain: chain.data,
      reminderDays: days,
      separateDuties,
      now,
    });
    await insertAuditEvent(tx, {
      organizationId: orgId,
      at: now,
      actor: actorId(props.actor),
      action: 'plan.review-settings',
      entityType: 'plan',
      entityId: loaded.plan.id,
      summary: `審査の流れ: 入力者 → ${chain.data.join(' → ')}`,
      before: before
        ? { reviewChain: before.reviewChain, reminderDays: before.reminderDays, separateDuties: before.separateDuties }
        : undefined,
      after: { reviewChain: chain.data, reminderDays: days, separateDuties },
    });
  });
}
