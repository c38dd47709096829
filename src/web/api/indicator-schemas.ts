import { z } from '@hono/zod-openapi';
import { PERIODS } from '../../domain/index.ts';

/** The KPI shapes of the read API: an indicator with its values, targets and computed progress. */

export const LocalizedText = z.object({ ja: z.string(), en: z.string() }).openapi('LocalizedText');

export const IndicatorValue = z
  .object({
    fy: z.number().int(),
    yearLabel: z.string().openapi({ example: '令和4年度', description: '年度, or 年 for calendar-year indicators' }),
    target: z.number().nullable(),
    actual: z.number().nullable(),
    missingReason: z.enum(['not-published', 'unmeasurable', 'not-applicable', 'not-entered']).nullable().openapi({
      description: 'Why the actual is missing, as the source says (未公表 / 測定不能 / 該当なし / 未入力)',
    }),
    provisional: z.boolean(),
    targetNote: z.string().nullable(),
    actualNote: z.string().nullable(),
    reportedIn: z
      .object({ fy: z.number().int(), period: z.enum(PERIODS), label: z.string() })
      .nullable()
      .openapi({ description: 'When the value was reported, when not in the year it measures (e.g. published late)' }),
  })
  .openapi('IndicatorValue');

export const Indicator = z
  .object({
    key: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    unit: z.string(),
    kind: z.enum(['cumulative', 'level', 'milestone', 'text']),
    direction: z.enum(['higher', 'lower', 'unknown']),
    baseline: z.object({ fy: z.number().int(), value: z.number(), note: z.string().nullable() }).nullable(),
    target: z
      .object({
        fy: z.number().int(),
        fromFy: z.number().int().nullable(),
        value: z.number().nullable(),
        note: z.string().nullable(),
      })
      .nullable(),
    yearBasis: z.enum(['fiscal', 'calendar']),
    targetInForce: z
      .object({ value: z.number().nullable(), inForceFromFy: z.number().int().nullable(), note: z.string().nullable() })
      .nullable()
      .openapi({ description: "The target progress is judged against in the edition's year" }),
    targetHistory: z
      .array(z.object({ fromFy: z.number().int(), value: z.number(), note: z.string().nullable() }))
      .openapi({ description: 'Earlier targets the one in force replaced, oldest first' }),
    values: z.array(IndicatorValue),
    partYears: z
      .array(
        z.object({
          fy: z.number().int(),
          period: z
            .enum(PERIODS)
            .exclude(['FY'])
            .openapi({ description: 'Part of the fiscal year: H1–H2, Q1–Q4 or M01–M12 (M01 = its first month)' }),
          periodLabel: z.string().openapi({ example: '令和6年度 第3四半期（10～12月）' }),
          target: z.number().nullable().openapi({ description: "This period's own target, where the plan gives one" }),
          actual: z.number().nullable(),
          provisional: z.boolean(),
          yearToDate: z.number().nullable().openapi({ description: 'From the start of the fiscal year' }),
          yearToDateFormula: LocalizedText,
          travel: z
            .object({
              against: z.enum(['previous-period', 'same-period-last-year']),
              comparedWith: z
                .object({ fy: z.number().int(), period: z.enum(PERIODS).exclude(['FY']), actual: z.number() })
                .nullable(),
              change: z.enum(['up', 'down', 'same', 'unknown']),
              assessment: z.enum(['better', 'worse', 'same']).nullable().openapi({
                description: "By the indicator's direction; null when it is unknown (the change is still given)",
              }),
              arrow: z.enum(['↑', '↓', '→', '']),
              text: LocalizedText,
            })
            .nullable()
            .openapi({
              description:
                'Direction of travel against the period the plan declares (evaluation.periodTravel); null when it declares none',
            }),
        }),
      )
      .openapi({ description: 'Monthly, quarterly or half-yearly values; empty for yearly reporting' }),
    verdict: z
      .object({
        fy: z.number().int(),
        verdict: z.enum(['achieved', 'not-achieved', 'unmeasurable', 'excluded']),
        percent: z.number().nullable(),
        reason: z.string().nullable(),
        label: LocalizedText,
      })
      .nullable()
      .openapi({ description: "The plan's KPI verdict (達成 / 未達成 / 測定不能); null when the plan declares none" }),
    progress: z.object({
      asOfFy: z.number().int(),
      status: z.enum([
        'computed',
        'missing-actual',
        'no-target',
        'not-numeric',
        'no-method',
        'no-baseline',
        'no-direction',
        'no-expected',
        'context',
      ]),
      basis: z.string().nullable().openapi({
        description: 'The progress basis the plan declares; null: percent is plain arithmetic (actual ÷ target)',
      }),
      percent: z.number().nullable().openapi({ description: 'Unrounded actual ÷ target in percent, or by the basis' }),
      formatted: z.string().openapi({ example: '81.0%' }),
      actualUsed: z.number().nullable(),
      targetUsed: z.number().nullable(),
      formula: LocalizedText,
      provisional: z.boolean(),
    }),
  })
  .openapi('Indicator');
