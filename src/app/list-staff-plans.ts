import { getCurrentEdition, listPlans, listRounds } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { requireOrganization } from './load-plan.ts';

export interface StaffPlanEntry {
  slug: string;
  title: string;
  period: { startFy: number; endFy: number };
  levels: string[];
  currentEdition: { id: string; name: string; fy: number } | null;
  rounds: { fy: number; dueDate: string; status: string }[];
}

/** The plans of the signed-in user's organization, with their rounds and current edition (the staff home). */
export async function listStaffPlans(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
}): Promise<StaffPlanEntry[]> {
  const db = props.ctx.store.db;
  const org = await requireOrganization(db, props.organizationSlug);
  authorize(props.actor, 'staff.use', { organizationId: org.id });
  const out: StaffPlanEntry[] = [];
  for (const plan of await listPlans(db, org.id)) {
    const edition = await getCurrentEdition(db, org.id, plan.id);
    const rounds = await listRounds(db, org.id, plan.id);
    out.push({
      slug: plan.slug,
      title: plan.title,
      period: plan.settings.period,
      levels: plan.settings.levels.map((l) => l.ja),
      currentEdition: edition ? { id: edition.id, name: edition.name, fy: edition.fy } : null,
      rounds: rounds.map((r) => ({ fy: r.fy, dueDate: r.dueDate, status: r.status })),
    });
  }
  return out;
}
