import { z } from 'zod';
import { checkPlanDocument } from './check-plan-document.ts';
import { Evaluation } from './evaluation-method.ts';
import { EvaluationStage } from './evaluation-stage.ts';
import { PlanNode } from './plan-node.ts';
import { RatingRule, RatingScale } from './rating-scale-schema.ts';
import { FiscalYear } from './reporting-period.ts';
import { RollupSettings } from './rollup-settings.ts';
import { LocalizedText, nonEmpty, Slug, text } from './schema-text.ts';
import { SheetFieldDef } from './sheet-field-def.ts';
import { StatedFigure } from './stated-figure.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';

/**
 * The plan document: the human-diffable, full-fidelity form of one plan's content.
 * Bundled data files (data/<city>/plan.json), `export`/`import`, and the frozen content of a published
 * Edition all use this one schema, so whatever a city can load it can also get back out unchanged.
 *
 * Fiscal years are always the Western start year (2022 = 令和4年度); never "R4" strings.
 */

export * from './evaluation-stage.ts';
export * from './indicator-schema.ts';
export * from './plan-node.ts';
export * from './rating-scale-schema.ts';
export { FiscalYear, Period } from './reporting-period.ts';
export * from './rollup-settings.ts';
export * from './schema-text.ts';
export * from './stated-figure.ts';

export const ReportingFrequency = z.enum(['yearly', 'half-yearly', 'quarterly', 'monthly']);

export const Department = z.object({
  code: Slug,
  name: nonEmpty(L.name),
  nameEn: text(L.name).optional(),
  /** Code of the parent 部, if any. */
  parent: Slug.optional(),
});

/**
 * Who submits a shared initiative (several 担当課): the lead 課 alone, with the co-departments' parts in its
 * sheet (lead-submits, the default), or each 課 its own part through its own review steps (each-submits).
 */
export const SharedInitiatives = z.enum(['lead-submits', 'each-submits']);

export const PlanSection = z.object({
  number: text(L.short).optional(),
  title: nonEmpty(L.title),
  titleEn: text(L.title).optional(),
  /** Paragraphs. */
  body: z.array(nonEmpty(L.text)).default([]),
});

export const EditionInfo = z.object({
  /** e.g. 令和4年度実績反映版 */
  name: nonEmpty(L.name),
  nameEn: text(L.name).optional(),
  /** The fiscal year whose results the edition reflects. */
  fy: FiscalYear,
  /** Date of publication as precise as known: "2025", "2025-08" or "2025-08-29"; becomes the edition's 公表日. */
  publishedOn: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date such as "2025-08-29" or "2025-08"')
    .optional(),
  note: text(L.note).optional(),
});

export const PlanDocument = z
  .object({
    slug: Slug,
    title: nonEmpty(L.title),
    titleEn: text(L.title).optional(),
    /**
     * The language the plan is written in: its titles, names and labels are in it, and readers get its pages,
     * year labels and files in it by default. Absent: Japanese.
     */
    language: z.enum(['ja', 'en']).optional(),
    /** Short title, e.g. 第2期アクションプラン. */
    shortTitle: text(L.name).optional(),
    vision: text(L.text).optional(),
    visionEn: text(L.text).optional(),
    period: z.object({ startFy: FiscalYear, endFy: FiscalYear }),
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(4),
    reportingFrequency: ReportingFrequency.default('yearly'),
    /** Names of the tree levels, top first, e.g. ["基本目標", "具体的な取組"]. */
    levels: z.array(LocalizedText).min(1).max(6),
    /** Rating dimensions; the first is the primary one shown everywhere. */
    ratingScales: z.array(RatingScale).min(1),
    ratingRules: z.array(RatingRule).default([]),
    /** Who submits shared initiatives; absent: lead-submits. */
    sharedInitiatives: SharedInitiatives.optional(),
    rollup: RollupSettings.default({ method: 'mean', weighted: false, decimals: 1 }),
    /**
     * The stages items are rated in each year (事中 / 事後, 一次 / 二次 / 外部評価), in the order they happen; absent:
     * one rating per item and year.
     */
    evaluationStages: z.array(EvaluationStage).optional(),
    /**
     * The stage whose ratings the 一覧, the headline figures and the roll-ups use; ratings without a stage belong
     * to it. Required with `evaluationStages`.
     */
    listedStage: Slug.optional(),
    /** How progress is judged; absent: no computed verdict at all (values and arithmetic only). */
    evaluation: Evaluation.optional(),
    status: z.enum(['draft', 'active', 'closed']).default('active'),
    publisher: text(L.name).optional(),
    editor: text(L.name).optional(),
    /** Year-month the plan was first issued, e.g. "2022-02". */
    issuedOn: text(L.short).optional(),
    predecessor: z
      .object({ title: nonEmpty(L.title), issuedOn: text(L.short).optional(), slug: Slug.optional() })
      .optional(),
    sections: z.array(PlanSection).default([]),
    /** The edition this document represents when loaded as published content. */
    edition: EditionInfo.optional(),
    /** Figures printed in the source, checked by lint (`source-rounding`). */
    statedFigures: z.array(StatedFigure).optional(),
    /** Sheet fields the plan declares beyond the built-in ones (e.g. 事業費), entered and shown like them. */
    sheetFields: z.array(SheetFieldDef).optional(),
    /** The tree; empty only for a plan just created from a template, before its first node is added. */
    nodes: z.array(PlanNode),
  })
  .superRefine(checkPlanDocument);

export type PlanDocument = z.output<typeof PlanDocument>;
export type PlanDocumentInput = z.input<typeof PlanDocument>;
export type SharedInitiatives = z.output<typeof SharedInitiatives>;
export type Department = z.output<typeof Department>;
export type EditionInfo = z.output<typeof EditionInfo>;
