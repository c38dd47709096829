import { z } from 'zod';
import { OrganizationBundle } from './organization-bundle.ts';
import { Department, PlanDocument } from './plan-document.ts';

/**
 * The frozen content of a published Edition: the plan as it stood, with the organization and department
 * names of that moment, so later renames never rewrite what was published.
 */
export const EditionContent = z.object({
  organization: z.object({ slug: z.string(), name: z.string(), nameEn: z.string().optional() }),
  departments: z.array(Department),
  plan: PlanDocument,
});
export type EditionContent = z.output<typeof EditionContent>;

/** Picks one plan of a bundle as edition content. */
export function editionContentFromBundle(bundle: OrganizationBundle, planSlug: string): EditionContent | undefined {
  const plan = bundle.plans.find((p) => p.slug === planSlug);
  if (!plan) return undefined;
  return { organization: bundle.organization, departments: bundle.departments, plan };
}

export { OrganizationBundle };
