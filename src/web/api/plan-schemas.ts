import { z } from '@hono/zod-openapi';
import {
  DistributionEntry,
  EditionSummary,
  GoalSummary,
  LocalizedText,
  Organization,
  Rollup,
  ScaleRef,
  StageRef,
} from './api-schemas.ts';
import { KpiVerdictCounts, StatusCounts } from './verdict-schemas.ts';

/* The plan resource (GET /api/v1/organizations/{org}/plans/{plan}): the portal home's numbers. */

export const ScaleRollup = Rollup.extend({
  scale: ScaleRef,
  shareBaseCount: z.number().int().openapi({ description: 'Items the shares are percentages of' }),
  distribution: z.array(DistributionEntry).openapi({ description: 'Count and share per level, highest first' }),
}).openapi('ScaleRollup');

export const PlanDetail = z
  .object({
    organization: Organization,
    slug: z.string(),
    title: z.string(),
    titleEn: z.string().nullable(),
    vision: z.string().nullable(),
    period: z.object({ startFy: z.number().int(), endFy: z.number().int(), label: LocalizedText }),
    sections: z
      .array(
        z.object({
          number: z.string().nullable(),
          title: z.string(),
          titleEn: z.string().nullable(),
          body: z.array(z.string()).openapi({ description: 'Paragraphs' }),
        }),
      )
      .openapi({
        description: "The plan's front matter in order, e.g. 策定趣旨, 計画期間, SDGsへの取組について, 計画の推進方法",
      }),
    levels: z.array(LocalizedText),
    scale: ScaleRef,
    scales: z
      .array(
        ScaleRef.extend({
          levels: z.array(
            z.object({
              key: z.string(),
              label: z.string(),
              labelEn: z.string().nullable(),
              definition: z.string().nullable(),
              definitionEn: z.string().nullable(),
              score: z.number().nullable(),
              excluded: z.boolean(),
            }),
          ),
          rule: z
            .array(z.object({ minPercent: z.number(), level: z.string() }))
            .nullable()
            .openapi({ description: 'Thresholds deriving the level from KPI achievement, highest first' }),
        }),
      )
      .openapi({ description: 'Every rating dimension, the primary one first, levels lowest first' }),
    rollup: z.object({
      method: z.enum(['mean', 'distribution', 'share-at-or-above']),
      threshold: z.string().nullable(),
      weighted: z.boolean(),
      decimals: z.number().int(),
    }),
    reportingFrequency: z.enum(['yearly', 'half-yearly', 'quarterly', 'monthly']),
    fiscalYearStartMonth: z.number().int(),
    edition: EditionSummary,
    overall: z.array(Rollup),
    distribution: z.array(DistributionEntry),
    scaleRollups: z.array(ScaleRollup).openapi({
      description:
        "Every rating dimension rolled up for the edition's year, the primary scale first (the same figure as the last of `overall`)",
    }),
    nodeTypeRollups: z.array(z.object({ type: z.enum(['action', 'indicator']), rollups: z.array(Rollup) })).openapi({
      description:
        'Indicator nodes rolled up per fiscal year apart from the actions (`overall` then counts the actions only); empty when every item is of one type',
    }),
    stageRollups: z
      .array(
        z.object({
          stage: StageRef,
          listed: z.boolean(),
          rollup: Rollup,
          distribution: z.array(DistributionEntry),
        }),
      )
      .openapi({ description: "The primary scale rolled up per evaluation stage for the edition's year" }),
    periodRollups: z
      .array(
        z.object({
          fy: z.number().int(),
          period: z.string(),
          periodLabel: z.string(),
          rollup: Rollup,
          distribution: z.array(DistributionEntry),
        }),
      )
      .openapi({
        description: "The primary scale rolled up per part of the edition's year that was rated (Q1, Q2 …); else empty",
      }),
    statedFigures: z
      .array(
        z.object({
          fy: z.number().int(),
          period: z.string().nullable(),
          scope: z.string().nullable().openapi({ description: 'Code of the node covered; null for the whole plan' }),
          scale: z.string(),
          method: z.enum(['mean', 'share-at-or-above', 'share-of-level']),
          level: z.string().nullable(),
          value: z
            .number()
            .nullable()
            .openapi({ description: 'The printed figure; null when only counts are printed' }),
          count: z.number().int().nullable(),
          of: z.number().int().nullable(),
          source: z.string().nullable(),
          what: LocalizedText,
          stated: LocalizedText.openapi({ description: 'As printed, e.g. "62.6%" or "73件中41件（56.2%）"' }),
          computed: z
            .object({ value: z.number(), formatted: z.string(), basis: LocalizedText })
            .nullable()
            .openapi({ description: "From the items' ratings; null where the plan holds none for the figure" }),
        }),
      )
      .openapi({ description: 'Aggregates the body published, beside the figure computed from the items' }),
    goals: z.array(GoalSummary),
    kpiVerdictCounts: KpiVerdictCounts,
    statusCounts: StatusCounts,
    url: z.string(),
  })
  .openapi('PlanDetail');

export type PlanDetailOut = z.output<typeof PlanDetail>;
