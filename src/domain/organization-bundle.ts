import { z } from 'zod';
import { PublishedEdition } from './edition-content.ts';
import { Department, PlanDocument, Slug } from './plan-document.ts';

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
      name: z.string().trim().min(1),
      nameEn: z.string().optional(),
      /** 全国地方公共団体コード (6 digits with check digit), if known. */
      localGovernmentCode: z
        .string()
        .regex(/^\d{6}$/)
        .optional(),
      prefecture: z.string().optional(),
    }),
    departments: z.array(Department).default([]),
    plans: z.array(PlanDocument).default([]),
    /** Published editions, oldest first; each holds its own frozen content. */
    editions: z.array(PublishedEdition).default([]),
  })
  .superRefine((bundle, ctx) => {
    const codes = new Set<string>();
    bundle.departments.forEach((d, i) => {
      if (codes.has(d.code)) ctx.addIssue({ code: 'custom', path: ['departments', i, 'code'], message: 'duplicate' });
      codes.add(d.code);
    });
    bundle.departments.forEach((d, i) => {
      if (d.parent && !codes.has(d.parent)) {
        ctx.addIssue({
          code: 'custom',
          path: ['departments', i, 'parent'],
          message: `unknown department "${d.parent}"`,
        });
      }
    });
    const slugs = new Set<string>();
    bundle.plans.forEach((plan, p) => {
      if (slugs.has(plan.slug)) ctx.addIssue({ code: 'custom', path: ['plans', p, 'slug'], message: 'duplicate' });
      slugs.add(plan.slug);
      const walk = (nodes: PlanDocument['nodes'], path: (string | number)[]) => {
        nodes.forEach((node, i) => {
          node.departments.forEach((code, j) => {
            if (!codes.has(code)) {
              ctx.addIssue({
                code: 'custom',
                path: [...path, i, 'departments', j],
                message: `unknown department "${code}"`,
              });
            }
          });
          walk(node.children, [...path, i, 'children']);
        });
      };
      walk(plan.nodes, ['plans', p, 'nodes']);
    });
    bundle.editions.forEach((e, i) => {
      if (!slugs.has(e.plan)) {
        ctx.addIssue({ code: 'custom', path: ['editions', i, 'plan'], message: `unknown plan "${e.plan}"` });
      }
    });
  });

export type OrganizationBundle = z.output<typeof OrganizationBundle>;
export type OrganizationBundleInput = z.input<typeof OrganizationBundle>;
