import { z } from 'zod';
import { Indicator } from './indicator-schema.ts';
import { NodeType } from './node-type.ts';
import { FiscalYear, Period } from './reporting-period.ts';
import { NodeCode, nonEmpty, Slug, text } from './schema-text.ts';
import { NodeFieldValues } from './sheet-field-def.ts';
import { StatusOverride } from './status-override.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';
import { LIFECYCLE_STATUS, valueKeys } from './value-sets.ts';

/* A node of the plan tree (goal, measure, initiative) with everything recorded on it. */

export const RoadmapEntry = z.object({
  fy: FiscalYear,
  /** 計画 items for the year; kept when the year's 実績 is entered. */
  plan: z.array(nonEmpty(L.line)).default([]),
  /** 実績 items for the year. */
  actual: z.array(nonEmpty(L.line)).default([]),
});

export const Assessment = z.object({
  fy: FiscalYear,
  period: Period.default('FY'),
  /** Key of the plan's rating scale (dimension); defaults to the plan's first scale. */
  scale: Slug.optional(),
  /**
   * Key of the plan's evaluation stage (事中 / 事後, 一次 / 二次 / 外部評価) the rating was given in. Absent: the
   * stage the plan lists (`listedStage`), or simply the rating when the plan declares no stages.
   */
  stage: Slug.optional(),
  level: nonEmpty(L.key),
  comment: text(L.text).optional(),
});

/**
 * A co-department's part of a shared initiative's sheet for one year (共同担当課の記入): its own 実績 lines and
 * comment, kept apart from the lead 課's so each stays marked with the 課 that wrote it. The lead 課 owns the
 * sheet (rating, KPIs, 計画); published pages show these lines after the lead's, each with the 課 name.
 */
export const Contribution = z.object({
  fy: FiscalYear,
  /** Code of the co-department (one of the initiative's departments after the lead). */
  department: Slug,
  actual: z.array(nonEmpty(L.line)).default([]),
  comment: text(L.text).optional(),
});

export const Lifecycle = z.object({
  status: z.enum(valueKeys(LIFECYCLE_STATUS)).default('active'),
  /** Fiscal year from which the status applies. */
  fromFy: FiscalYear.optional(),
  /** Fiscal year the node joined the plan, when it was added after the plan began; earlier years skip it. */
  addedFy: FiscalYear.optional(),
  /** Codes of the node(s) this one was merged into or split into. */
  into: z.array(NodeCode).default([]),
  note: text(L.note).optional(),
});

/** Text described "as of" a fiscal year, e.g. 現状 (令和3年度時点). */
export const DatedItems = z.object({ asOfFy: FiscalYear, items: z.array(nonEmpty(L.line)) });

/** Where the source document itself is defective; reported by lint, shown to staff. */
export const SourceNote = z.object({
  kind: z.enum(['sheet-missing', 'title-variant', 'other']),
  text: nonEmpty(L.note),
});

/** The node of an earlier plan this one continues (a 継続案件, e.g. 継1 from the 第1期 plan). */
export const CarriedFrom = z.object({ plan: Slug, code: NodeCode, note: text(L.note).optional() });

export interface PlanNodeInput {
  code: string;
  type?: z.input<typeof NodeType> | undefined;
  title: string;
  titleEn?: string | undefined;
  titleVariants?: { source: string; title: string }[] | undefined;
  previousCodes?: string[] | undefined;
  carriedFrom?: z.input<typeof CarriedFrom> | undefined;
  departments?: string[] | undefined;
  weight?: number | undefined;
  situation?: z.input<typeof DatedItems> | undefined;
  challenges?: z.input<typeof DatedItems> | undefined;
  goal?: string | undefined;
  sdgs?: number[] | undefined;
  lifecycle?: z.input<typeof Lifecycle> | undefined;
  roadmap?: z.input<typeof RoadmapEntry>[] | undefined;
  indicators?: z.input<typeof Indicator>[] | undefined;
  assessments?: z.input<typeof Assessment>[] | undefined;
  statusOverrides?: z.input<typeof StatusOverride>[] | undefined;
  contributions?: z.input<typeof Contribution>[] | undefined;
  sourceNotes?: z.input<typeof SourceNote>[] | undefined;
  separateGroup?: boolean | undefined;
  fields?: z.input<typeof NodeFieldValues> | undefined;
  children?: PlanNodeInput[] | undefined;
}

const planNodeFields = {
  code: NodeCode,
  title: nonEmpty(L.title),
  titleEn: text(L.title).optional(),
  /** Other wordings of the title in the source (e.g. the 目標達成率一覧 says 「市長発信SNS開設」). */
  titleVariants: z.array(z.object({ source: nonEmpty(L.title), title: nonEmpty(L.title) })).default([]),
  /** Codes this node had in earlier revisions, newest first, so history stays linked after renumbering. */
  previousCodes: z.array(NodeCode).default([]),
  carriedFrom: CarriedFrom.optional(),
  /** Department codes, lead first. */
  departments: z.array(Slug).default([]),
  /** Weight in weighted roll-ups; 1 when absent. */
  weight: z.number().positive().optional(),
  /** 現状 */
  situation: DatedItems.optional(),
  /** 課題 */
  challenges: DatedItems.optional(),
  /** 計画期間内の目標 */
  goal: text(L.text).optional(),
  /** SDG goal numbers 1–17; empty when not known. */
  sdgs: z
    .array(z.number().int().min(1).max(17))
    .default([])
    .refine((a) => new Set(a).size === a.length, 'duplicate SDG goal'),
  lifecycle: Lifecycle.default({ status: 'active', into: [] }),
  roadmap: z.array(RoadmapEntry).default([]),
  indicators: z.array(Indicator).default([]),
  assessments: z.array(Assessment).default([]),
  /** Verdicts set by hand over the computed ones, where the plan's status rule declares an override. */
  statusOverrides: z.array(StatusOverride).optional(),
  /** Co-departments' parts by year (shared initiatives only); absent when there are none. */
  contributions: z.array(Contribution).optional(),
  sourceNotes: z.array(SourceNote).default([]),
  /**
   * A top-level group of its own beside the items of the first level, e.g. 第1期アクションプランからの継続案件
   * beside the 15 基本目標: listed apart from them and never named or counted as one (no 「基本目標 継」).
   */
  separateGroup: z.boolean().optional(),
  /** objective / action / indicator; absent: by its place in the tree (see nodeTypeOf). */
  type: NodeType.optional(),
  /** Values of the fields kept by key (see sheet-fields.ts): the plan's own and newer built-in ones. */
  fields: NodeFieldValues.optional(),
};

export type PlanNode = z.output<z.ZodObject<typeof planNodeFields>> & { children: PlanNode[] };

export const PlanNode: z.ZodType<PlanNode, PlanNodeInput> = z.lazy(() =>
  z.object({ ...planNodeFields, children: z.array(PlanNode).default([]) }),
);

export type RoadmapEntry = z.output<typeof RoadmapEntry>;
export type Assessment = z.output<typeof Assessment>;
export type Lifecycle = z.output<typeof Lifecycle>;
export type Contribution = z.output<typeof Contribution>;
export type CarriedFrom = z.output<typeof CarriedFrom>;
