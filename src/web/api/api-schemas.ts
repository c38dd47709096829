import { z } from '@hono/zod-openapi';

/**
 * Response shapes of the read API (/api/v1). Each named schema becomes a component of the OpenAPI document.
 * Numbers are the ones the portal prints: the same app functions compute both.
 */

export const LocalizedText = z.object({ ja: z.string(), en: z.string() }).openapi('LocalizedText');

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not-found' }),
      message: z.string().openapi({ example: '取組「99-9」が見つかりません' }),
      messageEn: z.string().openapi({ example: 'initiative "99-9" not found' }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

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
    missing: z.array(z.string()),
    excluded: z.array(z.string()),
    coverage: LocalizedText,
    methodLabel: LocalizedText,
  })
  .openapi('Rollup');

export const DistributionEntry = z
  .object({ level: z.string(), label: z.string(), count: z.number().int(), share: z.number() })
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
    title: z.string(),
    titleEn: z.string().nullable(),
    goal: NodeRef.nullable(),
    departments: z.array(DepartmentRef),
    status: z.enum(['active', 'completed', 'abolished', 'merged', 'split']),
    sdgs: z.array(z.number().int()),
    ratings: z.array(Rating),
    url: z.string(),
  })
  .openapi('InitiativeSummary');

export const IndicatorValue = z
  .object({
    fy: z.number().int(),
    target: z.number().nullable(),
    actual: z.number().nullable(),
    provisional: z.boolean(),
    targetNote: z.string().nullable(),
    actualNote: z.string().nullable(),
  })
  .openapi('IndicatorValue');

export const Indicator = z
  .object({
    key: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    unit: z.string(),
    kind: z.enum(['cumulative', 'level', 'milestone', 'text']),
    direction: z.enum(['higher', 'lower']),
    baseline: z.object({ fy: z.number().int(), value: z.number(), note: z.string().nullable() }).nullable(),
    target: z
      .object({
        fy: z.number().int(),
        fromFy: z.number().int().nullable(),
        value: z.number().nullable(),
        note: z.string().nullable(),
      })
      .nullable(),
    values: z.array(IndicatorValue),
    progress: z.object({
      asOfFy: z.number().int(),
      status: z.enum(['computed', 'missing-actual', 'no-target', 'not-numeric']),
      percent: z.number().nullable().openapi({ description: 'Unrounded achievement in percent' }),
      formatted: z.string().openapi({ example: '81.0%' }),
      actualUsed: z.number().nullable(),
      targetUsed: z.number().nullable(),
      formula: LocalizedText,
    }),
  })
  .openapi('Indicator');

const Dated = z.object({ asOfFy: z.number().int(), items: z.array(z.string()) });

export const InitiativeDetail = InitiativeSummary.extend({
  situation: Dated.nullable(),
  challenges: Dated.nullable(),
  goalText: z.string().nullable(),
  lifecycle: z.object({
    status: z.enum(['active', 'completed', 'abolished', 'merged', 'split']),
    fromFy: z.number().int().nullable(),
    into: z.array(z.string()),
  }),
  roadmap: z.array(z.object({ fy: z.number().int(), plan: z.array(z.string()), actual: z.array(z.string()) })),
  indicators: z.array(Indicator),
  previous: NodeRef.nullable(),
  next: NodeRef.nullable(),
}).openapi('InitiativeDetail');

export const GoalSummary = z
  .object({
    code: z.string(),
    title: z.string(),
    titleEn: z.string().nullable(),
    initiativeCount: z.number().int(),
    rollups: z.array(Rollup),
    url: z.string(),
  })
  .openapi('GoalSummary');

export const GoalDetail = GoalSummary.extend({ initiatives: z.array(InitiativeSummary) }).openapi('GoalDetail');

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

export const PlanDetail = z
  .object({
    organization: Organization,
    slug: z.string(),
    title: z.string(),
    titleEn: z.string().nullable(),
    vision: z.string().nullable(),
    period: z.object({ startFy: z.number().int(), endFy: z.number().int(), label: LocalizedText }),
    levels: z.array(LocalizedText),
    scale: z.object({ key: z.string(), name: z.string(), nameEn: z.string().nullable(), kind: z.string() }),
    edition: EditionSummary,
    overall: z.array(Rollup),
    distribution: z.array(DistributionEntry),
    goals: z.array(GoalSummary),
    url: z.string(),
  })
  .openapi('PlanDetail');

export type PlanDetailOut = z.output<typeof PlanDetail>;
export type InitiativeSummaryOut = z.output<typeof InitiativeSummary>;
export type InitiativeDetailOut = z.output<typeof InitiativeDetail>;
export type RollupOut = z.output<typeof Rollup>;
