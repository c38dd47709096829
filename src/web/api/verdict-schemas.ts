import { z } from '@hono/zod-openapi';
import { LocalizedText } from './indicator-schemas.ts';

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

const Level = z.object({ key: z.string(), label: z.string(), labelEn: z.string().nullable() });

export const KpiStatus = z
  .object({
    fy: z.number().int(),
    rule: z.object({ key: z.string(), name: z.string(), nameEn: z.string().nullable() }),
    level: Level.nullable().openapi({ description: 'The computed verdict; null when there is no figure to judge' }),
    override: z.object({ level: Level, reason: z.string() }).nullable().openapi({
      description:
        'The verdict set by hand (by the department or the plan office, with its reason) where the plan declares an override; `level` stays the computed one',
    }),
    rollupLevel: Level.nullable().openapi({
      description: 'The level the plan counts in roll-ups: the hand-set one where the plan says so, else `level`',
    }),
    raisedByImprovement: z.boolean(),
    direction: z.enum(['up', 'down', 'same', 'unknown']),
    arrow: z.string().openapi({ example: '↑' }),
    percent: z.number().nullable(),
    measure: z.number().nullable().openapi({ description: 'What the rule judged, after its declared rounding' }),
    previousPercent: z.number().nullable(),
    expected: z.number().nullable().openapi({ description: 'Share of the plan period elapsed, for a pro-rata rule' }),
    formula: LocalizedText,
    explanation: LocalizedText.openapi({ description: 'The rule in words' }),
  })
  .openapi({ description: "Verdict of the plan's declared status rule; the field is null when the plan declares none" })
  .openapi('KpiStatus');

/** Items per verdict of the plan's status rule for the edition's year. */
export const StatusCounts = z
  .object({
    fy: z.number().int(),
    levels: z.array(z.object({ key: z.string(), label: LocalizedText, count: z.number().int() })),
    none: z.number().int().openapi({ description: 'Items with no verdict' }),
    byOverride: z
      .boolean()
      .openapi({ description: 'True when verdicts set by hand are counted in place of the computed ones' }),
  })
  .nullable()
  .openapi('StatusCounts', {
    description: "Null unless the plan's status rule declares an override (`override.rollup`)",
  });
