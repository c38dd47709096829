import { z } from 'zod';
import { checkReferences } from './bundle-references.ts';
import { PublishedEdition } from './edition-content.ts';
import { Department, PlanDocument, Slug } from './plan-document.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';
import { TimeZone } from './time-zone.ts';

/**
 * An organization with its departments and plans: the unit of `import`, `export` and the bundled data
 * under data/<city>/. Departments are referenced from plan nodes by code, so a plan never names a 課 the
 * organization does not have.
 */
export const OrganizationBundle = z
  .object({
    format: z.literal('shinchoku/v1'),
    organization: z.object({
      slug: Slug,
      name: z.string().trim().min(1).max(L.name),
      nameEn: z.string().max(L.name).optional(),
      /** 全国地方公共団体コード (6 digits with check digit), if known. */
      localGovernmentCode: z
        .string()
        .regex(/^\d{6}$/)
        .optional(),
      prefecture: z.string().max(L.name).optional(),
      /** The IANA zone its dates (publication days, due dates) are read in; Asia/Tokyo when absent. */
      timeZone: TimeZone.optional(),
    }),
    departments: z.array(Department).default([]),
    plans: z.array(PlanDocument).default([]),
    /** Published editions, oldest first; each holds its own frozen content. */
    editions: z.array(PublishedEdition).default([]),
  })
  .superRefine((bundle, ctx) => checkReferences(bundle, ctx));

export type OrganizationBundle = z.output<typeof OrganizationBundle>;
export type OrganizationBundleInput = z.input<typeof OrganizationBundle>;
