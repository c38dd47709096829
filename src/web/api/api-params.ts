import { z } from '@hono/zod-openapi';

/** Path and query parameters of the read API, one schema each, validated by the routes and shown in the document. */
const slug = (name: string, example: string) =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .openapi({ param: { name, in: 'path' }, example });
export const code = (name: string, example: string) =>
  z
    .string()
    .regex(/^[^\s/?#%\\]{1,40}$/)
    .openapi({ param: { name, in: 'path' }, example });
export const OrgParams = z.object({ org: slug('org', 'ogori') });
export const PlanParams = OrgParams.extend({ plan: slug('plan', 'action-plan-2') });
export const DepartmentParams = PlanParams.extend({ dept: slug('dept', 'sports-shinko') });
export const EditionQuery = z.object({
  edition: z
    .string()
    .regex(/^[0-9A-Za-z-]{1,64}$/)
    .optional()
    .openapi({ description: 'A published edition id; the current edition when absent' }),
});
const pct = z.coerce.number().min(0).max(100).optional();
export const InitiativesQuery = EditionQuery.extend({
  sort: z.enum(['code', 'rating-desc', 'rating-asc', 'department']).default('code'),
  q: z.string().max(200).optional().openapi({ description: 'Words that must all occur (Japanese partial match)' }),
  goal: z
    .string()
    .regex(/^[^\s/?#%\\]{1,40}$/)
    .optional(),
  dept: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .optional(),
  min: pct,
  max: pct,
  sdg: z.coerce.number().int().min(1).max(17).optional(),
  status: z.enum(['active', 'completed', 'abolished', 'merged', 'split']).optional(),
});
