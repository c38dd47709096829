import { z } from '@hono/zod-openapi';
import { LIFECYCLE_STATUS, valueKeys } from '../../domain/index.ts';
import { SheetFieldValue } from './field-schemas.ts';
import { Indicator, IndicatorValue, LocalizedText } from './indicator-schemas.ts';
import { KpiStatus, KpiVerdictCounts } from './verdict-schemas.ts';

export { KpiStatus };

/**
 * Response shapes of the read API (/api/v1). Each named schema becomes a component of the OpenAPI document.
 * Numbers are the ones the portal prints: the same app functions compute both.
 */

export const Organization = z
  .object({ slug: z.string(), name: z.string(), nameEn: z.string().nullable() })
  .openapi('Organization');

export const EditionSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    fy: z.number().int().openapi({ description: 'Western start year of the fiscal year the edition reflects' }),
    fyLabel: z.string().openapi({ example: '令和4年度' }),
    publishedAt: z.string().openapi({ description: 'ISO 8601 timestamp' }),
    publishedOn: z.string().openapi({
      example: '2023-06-30',
      description: '公表日: the day in Japan, as the portal prints it (a declared "2025-08" stays a month)',
    }),
    current: z.boolean(),
    contentSha256: z.string(),
  })
  .openapi('EditionSummary');

export const PlanListing = z
  .object({
    slug: z.string(),
    title: z.string(),
    titleEn: z.string().nullable(),
    currentEdition: EditionSummary,
    url: z.string().openapi({ description: 'Portal page of the plan' }),
  })
  .openapi('PlanListing');

export const Rollup = z
  .object({
    fy: z.number().int(),
    fyLabel: z.string(),
    method: z.enum(['mean', 'distribution', 'share-at-or-above']),
    value: z.number().nullable().openapi({ description: 'Unrounded; null when nothing could be counted' }),
    formatted: z.string().openapi({ example: '40.5%' }),
    totalCount: z.number().int(),
    assessedCount: z.number().int(),
    usedCount: z.number().int(),
    missing: z.array(z.string()).openapi({ description: 'Codes not assessed (never counted as 0)' }),
    excluded: z.array(z.string()).openapi({ description: 'Codes rated on an excluded level such as 評価不能' }),
    inactive: z.array(z.string()).openapi({ description: 'Codes no longer in the plan that year' }),
    coverage: LocalizedText,
    methodLabel: LocalizedText,
  })
  .openapi('Rollup');

export const DistributionEntry = z
  .object({ level: z.string(), label: z.string(), count: z.number().int(), share: z.number().nullable() })
  .openapi('DistributionEntry');

export const Rating = z
  .object({
    fy: z.number().int(),
    fyLabel: z.string(),
    level: z.string().nullable().openapi({ description: 'Level key; null when not assessed' }),
    label: z.string().nullable(),
    labelEn: z.string().nullable(),
    score: z.number().nullable(),
    excluded: z.boolean(),
    comment: z.string().nullable(),
  })
  .openapi('Rating');

export const DepartmentRef = z
  .object({ code: z.string(), name: z.string(), nameEn: z.string().nullable(), lead: z.boolean() })
  .openapi('DepartmentRef');

export const NodeRef = z
  .object({ code: z.string(), title: z.string(), titleEn: z.string().nullable(), url: z.string() })
  .openapi('NodeRef');

export const InitiativeSummary = z
  .object({
    code: z.string(),
    title: z.string().openapi({ description: "The item's title, as its sheet words it" }),
    listedTitle: z.string().openapi({
      example: '市長発信SNS開設',
      description: "The title as the plan's 一覧 words it, where the source differs from the sheet; else the title",
    }),
    titleEn: z.string().nullable(),
    goal: NodeRef.nullable(),
    departments: z.array(DepartmentRef),
    status: z
      .enum(valueKeys(LIFECYCLE_STATUS))
      .nullable()
      .openapi({ description: 'Lifecycle status where the plan states one; null where it states none' }),
    sdgs: z.array(z.number().int()),
    ratings: z.array(Rating),
    url: z.string(),
  })
  .openapi('InitiativeSummary');

export { Indicator, IndicatorValue, LocalizedText };

export const RuleRating = z
  .object({
    fy: z.number().int(),
    self: z.object({ level: z.string(), label: z.string() }).nullable(),
    rule: z
      .object({ level: z.string(), label: z.string(), percent: z.number(), formula: LocalizedText })
      .nullable()
      .openapi({ description: "The level the plan's rule derives from KPI achievement" }),
    reason: z
      .object({ ja: z.string(), en: z.string() })
      .nullable()
      .openapi({ description: 'Why the rule gives no rating' }),
    disagree: z.boolean().openapi({ description: 'Both exist and differ: show both' }),
  })
  .openapi('RuleRating');

export const ScaleRef = z
  .object({ key: z.string(), name: z.string(), nameEn: z.string().nullable(), kind: z.string() })
  .openapi('ScaleRef');

export const StageRef = z
  .object({ key: z.string(), name: z.string(), nameEn: z.string().nullable() })
  .openapi('StageRef');

export const StageRating = z
  .object({
    fy: z.number().int(),
    stage: StageRef,
    listed: z.boolean().openapi({ description: 'The stage the plan lists in its 一覧' }),
    scale: z.string(),
    level: z.string(),
    label: z.string(),
    labelEn: z.string().nullable(),
    comment: z.string().nullable(),
  })
  .openapi('StageRating');

export const PeriodRating = z
  .object({
    fy: z.number().int(),
    period: z.string().openapi({ description: 'Part of the fiscal year: Q1–Q4, H1/H2, M01–M12 (M01 = first month)' }),
    periodLabel: z.string().openapi({ description: "The period as the plan names it, in the plan's language" }),
    scale: z.string(),
    level: z.string(),
    label: z.string(),
    labelEn: z.string().nullable(),
    comment: z.string().nullable(),
  })
  .openapi('PeriodRating');

export const Dimension = z
  .object({
    scale: ScaleRef,
    ratings: z.array(Rating),
    ruleRatings: z.array(RuleRating).openapi({ description: 'Empty when the plan has no rule for this scale' }),
  })
  .openapi('Dimension');

const Dated = z.object({ asOfFy: z.number().int(), items: z.array(z.string()) });

export const SourceNote = z
  .object({
    kind: z.enum(['sheet-missing', 'title-variant', 'other']),
    text: z.string().openapi({ example: '原本のテキストに取組シートの内容がありません' }),
  })
  .openapi('SourceNote', { description: 'What the transcription notes about the source, e.g. a missing sheet' });

export const InitiativeDetail = InitiativeSummary.extend({
  sourceNotes: z.array(SourceNote),
  situation: Dated.nullable(),
  challenges: Dated.nullable(),
  goalText: z.string().nullable(),
  fields: z.array(SheetFieldValue).optional().openapi({ description: 'Fields the plan declares; absent if none' }),
  level: LocalizedText.openapi({ description: "Name of the node's level, e.g. 事務事業" }),
  lifecycle: z.object({
    status: z.enum(valueKeys(LIFECYCLE_STATUS)).nullable(),
    fromFy: z.number().int().nullable(),
    addedFy: z.number().int().nullable(),
    into: z.array(z.string()),
    note: z.string().nullable(),
    previousCodes: z.array(z.string()).openapi({ description: 'Codes before a renumbering, newest first' }),
    carriedFrom: z.object({ plan: z.string(), code: z.string() }).nullable(),
  }),
  dimensions: z.array(Dimension).openapi({ description: 'Every scale rated on, the primary one first' }),
  stageRatings: z.array(StageRating).openapi({
    description: 'Ratings per evaluation stage (事中 / 事後, 一次 / 二次 / 外部評価); empty for a plan without stages',
  }),
  periodRatings: z.array(PeriodRating).openapi({
    description: 'Ratings for parts of a year (quarterly RAG), in order; the whole-year rating is in `ratings`',
  }),
  kpiStatus: KpiStatus.nullable(),
  kpiVerdictCounts: KpiVerdictCounts,
  roadmap: z
    .array(z.object({ fy: z.number().int(), plan: z.array(z.string()), actual: z.array(z.string()) }))
    .openapi({ description: "実績 lists the lead department's lines, then each co-department's marked （課名）" }),
  contributions: z
    .array(
      z.object({
        fy: z.number().int(),
        department: z.object({ code: z.string(), name: z.string() }),
        actual: z.array(z.string()),
        comment: z.string().nullable(),
      }),
    )
    .openapi({ description: "Co-departments' own parts of a shared initiative, unmarked (also in roadmap, marked)" }),
  indicators: z.array(Indicator),
  previous: NodeRef.nullable(),
  next: NodeRef.nullable(),
}).openapi('InitiativeDetail');

export const GoalSummary = z
  .object({
    code: z.string(),
    title: z.string(),
    titleEn: z.string().nullable(),
    separateGroup: z.boolean().openapi({
      description:
        "A group of its own beside the plan's goals (e.g. 第1期アクションプランからの継続案件), not one of them",
    }),
    initiativeCount: z.number().int(),
    rollups: z.array(Rollup),
    url: z.string(),
  })
  .openapi('GoalSummary');

export const GoalDetail = GoalSummary.extend({
  level: LocalizedText.nullable().openapi({ description: "Name of the node's level; null for a separate group" }),
  ownRatings: z.array(Dimension).openapi({ description: "The goal's own ratings, when the plan rates its level" }),
  indicators: z.array(Indicator).openapi({ description: "The goal's own 数値目標; empty when it holds none" }),
  kpiStatus: KpiStatus.nullable().openapi({
    description: "The plan's status rule on the goal's own KPIs, only where the rule names the goal's node type",
  }),
  kpiVerdictCounts: KpiVerdictCounts,
  initiatives: z.array(InitiativeSummary),
}).openapi('GoalDetail');

export const DepartmentSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    leadCount: z.number().int(),
    sharedCount: z.number().int(),
    rollups: z.array(Rollup),
    url: z.string(),
  })
  .openapi('DepartmentSummary');

export const DepartmentDetail = DepartmentSummary.extend({ initiatives: z.array(InitiativeSummary) }).openapi(
  'DepartmentDetail',
);

export type InitiativeSummaryOut = z.output<typeof InitiativeSummary>;
export type InitiativeDetailOut = z.output<typeof InitiativeDetail>;
export type RollupOut = z.output<typeof Rollup>;
