import type { PlanDocument } from '../domain/index.ts';
import {
  assemblePlanDocument,
  type Executor,
  getOrganizationBySlug,
  getPlanBySlug,
  listNodes,
  listPlans,
  type NodeRecord,
  type OrganizationRecord,
  type PlanRecord,
} from '../store/index.ts';
import { notFound } from './errors.ts';

export interface LoadedPlan {
  organization: OrganizationRecord;
  plan: PlanRecord;
  nodes: NodeRecord[];
  /** The working (draft) content, never shown publicly. */
  document: PlanDocument;
}

export async function requireOrganization(tx: Executor, slug: string): Promise<OrganizationRecord> {
  const org = await getOrganizationBySlug(tx, slug);
  if (!org) throw notFound({ ja: `団体「${slug}」`, en: `organization "${slug}"` });
  return org;
}

/** Loads a plan's working content; `planSlug` may be omitted when the organization has exactly one plan. */
export async function loadPlan(tx: Executor, organizationSlug: string, planSlug?: string): Promise<LoadedPlan> {
  const organization = await requireOrganization(tx, organizationSlug);
  let plan: PlanRecord | undefined;
  if (planSlug) plan = await getPlanBySlug(tx, organization.id, planSlug);
  else {
    const plans = await listPlans(tx, organization.id);
    if (plans.length === 1) plan = plans[0];
  }
  if (!plan) {
    throw notFound({ ja: `計画「${planSlug ?? '(未指定)'}」`, en: `plan "${planSlug ?? '(not given)'}"` });
  }
  const nodes = await listNodes(tx, organization.id, plan.id);
  return { organization, plan, nodes, document: assemblePlanDocument(plan, nodes) };
}
