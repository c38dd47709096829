import { formatPlanYear, type LintFinding, lintPlan } from '../domain/index.ts';
import { listDepartments } from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { loadPlan } from './load-plan.ts';

export interface PlanLintReport {
  organization: string;
  plan: string;
  fy: number;
  /** The language the plan is written in: its report reads in it. */
  language: 'ja' | 'en';
  /** The year as the plan names it in its language (FY2022 beside Japanese text, 2025/26 for an English plan). */
  fyLabel: string;
  findings: LintFinding[];
}

/** The report of one plan's findings, labelled in the plan's language. */
export function planLintReport(
  where: { organization: string; plan: string },
  doc: Parameters<typeof lintPlan>[0],
  departments: Parameters<typeof lintPlan>[1],
  fy: number,
): PlanLintReport {
  const language = doc.language ?? 'ja';
  // FY2022 for a Japanese fiscal-year plan (the heading has always been in Latin letters), 2025/26 or 2025 else.
  const fyLabel = formatPlanYear(fy, doc, 'en');
  return { ...where, fy, language, fyLabel, findings: lintPlan(doc, departments, { fy }) };
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
  return planLintReport({ organization: loaded.organization.slug, plan: loaded.plan.slug }, doc, departments, fy);
}
