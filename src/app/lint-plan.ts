import { type LintFinding, lintPlan } from '../domain/index.ts';
import { listDepartments } from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { loadPlan } from './load-plan.ts';

export interface PlanLintReport {
  organization: string;
  plan: string;
  fy: number;
  findings: LintFinding[];
}

/** Data-quality findings on a plan's working content for one fiscal year (defaults to the edition's year). */
export async function lintStoredPlan(
  ctx: AppContext,
  query: { organizationSlug: string; planSlug?: string | undefined; fy?: number | undefined },
): Promise<PlanLintReport> {
  const loaded = await loadPlan(ctx.store.db, query.organizationSlug, query.planSlug);
  const departments = await listDepartments(ctx.store.db, loaded.organization.id);
  const doc = loaded.document;
  const fy = query.fy ?? doc.edition?.fy ?? doc.period.startFy;
  return {
    organization: loaded.organization.slug,
    plan: loaded.plan.slug,
    fy,
    findings: lintPlan(doc, departments, { fy }),
  };
}
