import { z } from '@hono/zod-openapi';

/** KPI verdicts counted over an item or a whole plan for the edition's year, as the portal and the PDF print them. */
export const KpiVerdictCounts = z
  .object({
    fy: z.number().int(),
    achieved: z.number().int(),
    notAchieved: z.number().int(),
    unmeasurable: z.number().int(),
    excluded: z.number().int().openapi({ description: 'Missing values whose reason the plan leaves out of the count' }),
    denominator: z.number().int().openapi({ description: 'Achieved + not achieved + unmeasurable' }),
  })
  .nullable()
  .openapi('KpiVerdictCounts', { description: 'Null when the plan declares no KPI verdict' });
