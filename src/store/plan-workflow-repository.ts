import type { Executor } from './executor.ts';

export interface PlanReviewSettingsRecord {
  planId: string;
  reviewChain: string[];
  /** Days before the due date when a task counts as "due soon" and reminders start. */
  reminderDays: number;
  /** Nobody approves a step they sent the report to (on unless the plan turns it off). */
  separateDuties: boolean;
  version: number;
}

export async function getPlanReviewSettings(
  db: Executor,
  organizationId: string,
  planId: string,
): Promise<PlanReviewSettingsRecord | undefined> {
  const r = await db
    .selectFrom('plan_review_settings')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (
    r && {
      planId: r.plan_id,
      reviewChain: JSON.parse(r.review_chain) as string[],
      reminderDays: r.reminder_days,
      separateDuties: r.separate_duties !== 0,
      version: r.version,
    }
  );
}

export async function savePlanReviewSettings(
  db: Executor,
  organizationId: string,
  s: { planId: string; reviewChain: string[]; reminderDays: number; separateDuties: boolean; now: string },
): Promise<void> {
  const existing = await getPlanReviewSettings(db, organizationId, s.planId);
  if (existing) {
    await db
      .updateTable('plan_review_settings')
      .set((eb) => ({
        review_chain: JSON.stringify(s.reviewChain),
        reminder_days: s.reminderDays,
        separate_duties: s.separateDuties ? 1 : 0,
        updated_at: s.now,
        version: eb('version', '+', 1),
      }))
      .where('organization_id', '=', organizationId)
      .where('plan_id', '=', s.planId)
      .execute();
    return;
  }
  await db
    .insertInto('plan_review_settings')
    .values({
      organization_id: organizationId,
      plan_id: s.planId,
      review_chain: JSON.stringify(s.reviewChain),
      reminder_days: s.reminderDays,
      separate_duties: s.separateDuties ? 1 : 0,
      updated_at: s.now,
    })
    .execute();
}

/** Removes a plan's rounds, tasks, notes, reminders and settings (before the plan itself is deleted). */
export async function deletePlanWorkflow(db: Executor, organizationId: string, planId: string): Promise<void> {
  const rounds = db
    .selectFrom('reporting_rounds')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId);
  const tasks = db
    .selectFrom('round_tasks')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('round_id', 'in', rounds);
  await db
    .deleteFrom('review_notes')
    .where('organization_id', '=', organizationId)
    .where('task_id', 'in', tasks)
    .execute();
  await db
    .deleteFrom('upload_conflicts')
    .where('organization_id', '=', organizationId)
    .where('task_id', 'in', tasks)
    .execute();
  // A shared initiative's co-department parts point at their task (under each-submits): before the tasks.
  await db
    .deleteFrom('round_task_parts')
    .where('organization_id', '=', organizationId)
    .where('task_id', 'in', tasks)
    .execute();
  await db
    .deleteFrom('round_tasks')
    .where('organization_id', '=', organizationId)
    .where('round_id', 'in', rounds)
    .execute();
  await db
    .deleteFrom('reminders_sent')
    .where('organization_id', '=', organizationId)
    .where('round_id', 'in', rounds)
    .execute();
  await db
    .deleteFrom('reporting_rounds')
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .execute();
  await db
    .deleteFrom('plan_review_settings')
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .execute();
}
