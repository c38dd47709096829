import { z } from 'zod';
import { Department, FiscalYear, PlanDocument, Slug } from './plan-document.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';
import { TimeZone } from './time-zone.ts';

/**
 * The frozen content of a published Edition: the plan as it stood, with the organization and department
 * names of that moment, so later renames never rewrite what was published.
 */
export const EditionContent = z.object({
  organization: z.object({
    slug: Slug,
    name: z.string().min(1).max(L.name),
    nameEn: z.string().max(L.name).optional(),
    /** Where the organization names one: the zone the edition's dates are printed in. */
    timeZone: TimeZone.optional(),
  }),
  departments: z.array(Department),
  plan: PlanDocument,
});
export type EditionContent = z.output<typeof EditionContent>;

/** A published edition as carried in exports and backups of content. */
export const PublishedEdition = z.object({
  /** The edition's id, kept on import so pinned links (?edition=…) still work; a new one when absent. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" and "_" only')
    .optional(),
  plan: Slug,
  name: z.string().trim().min(1).max(L.name),
  fy: FiscalYear,
  /**
   * ISO timestamp of publication, or the date as precise as it is known ("2025-08" from a plan's `publishedOn`),
   * so a loaded edition shows its real 公表日 rather than the time it was loaded.
   */
  publishedAt: z.string().regex(/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?)?)?$/, 'an ISO date or timestamp'),
  publishedBy: z.string().max(L.name).optional(),
  /**
   * Set when the plan office withdrew the edition (取り下げ): it travels so that a moved or restored installation
   * keeps it out of every public output, with the reason, instead of publishing it again.
   */
  withdrawn: z
    .object({
      at: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/, 'an ISO timestamp'),
      by: z.string().max(L.name).optional(),
      reason: z.string().trim().min(1).max(L.note),
    })
    .optional(),
  /** The id of the edition of the same plan in this bundle that this one corrects (訂正版). */
  corrects: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" and "_" only')
    .optional(),
  content: EditionContent,
});
export type PublishedEdition = z.output<typeof PublishedEdition>;
