import { z } from 'zod';
import { Department, FiscalYear, PlanDocument, Slug } from './plan-document.ts';

/**
 * The frozen content of a published Edition: the plan as it stood, with the organization and department
 * names of that moment, so later renames never rewrite what was published.
 */
export const EditionContent = z.object({
  organization: z.object({ slug: Slug, name: z.string().min(1), nameEn: z.string().optional() }),
  departments: z.array(Department),
  plan: PlanDocument,
});
export type EditionContent = z.output<typeof EditionContent>;

/** A published edition as carried in exports and backups of content. */
export const PublishedEdition = z.object({
  plan: Slug,
  name: z.string().trim().min(1),
  fy: FiscalYear,
  /** ISO timestamp of publication. */
  publishedAt: z.string().min(1),
  publishedBy: z.string().optional(),
  content: EditionContent,
});
export type PublishedEdition = z.output<typeof PublishedEdition>;
