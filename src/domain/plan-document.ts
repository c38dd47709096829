import { z } from 'zod';
import { Evaluation, IndicatorMethod, MissingReason, Tolerance } from './evaluation-method.ts';
import { FiscalYear, Period, PeriodBasis, ReportedIn } from './reporting-period.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';
import { INDICATOR_KIND, LIFECYCLE_STATUS, valueKeys } from './value-sets.ts';

/**
 * The plan document: the human-diffable, full-fidelity form of one plan's content.
 * Bundled data files (data/<city>/plan.json), `export`/`import`, and the frozen content of a published
 * Edition all use this one schema, so whatever a city can load it can also get back out unchanged.
 *
 * Fiscal years are always the Western start year (2022 = 令和4年度); never "R4" strings.
 */

/** Text that must not be empty, of a kind in TEXT_LIMITS. */
const nonEmpty = (max: number) => z.string().trim().min(1).max(max);
/** Optional text of a kind in TEXT_LIMITS. */
const text = (max: number) => z.string().max(max);

export { FiscalYear, Period } from './reporting-period.ts';
/** A slug used in URLs and as a stable key inside one document. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and "-" only (e.g. "keiei-senryaku")');
/** A node code as printed in the plan, e.g. "1", "1-1", "継1", "2.3.1". */
export const NodeCode = z
  .string()
  .trim()
  .min(1)
  .max(L.code)
  .regex(/^[^\s/?#%\\]+$/u, 'no spaces, slashes, "?", "#", "%" or backslashes')
  // A code is a path segment of the portal and of the exported site: "." and ".." would name another page.
  .regex(/^(?!\.+$)/, 'not only dots ("." and ".." are not codes)');

/**
 * A name in the plan's language with an optional English one. An English plan may give only `en`; `ja` then
 * holds the same text, as `ja` is the primary text every reader of the document falls back to.
 */
export const LocalizedText = z
  .object({ ja: nonEmpty(L.name).optional(), en: nonEmpty(L.name).optional() })
  .refine((t) => t.ja !== undefined || t.en !== undefined, {
    message: 'give ja or en',
    params: { ja: 'ja か en のどちらかを指定してください' },
  })
  .transform((t) => ({ ja: (t.ja ?? t.en)!, ...(t.en !== undefined && { en: t.en }) }));

/** One level of a rating scale. `score` null means the level is not a number (shown, never averaged). */
export const RatingLevel = z.object({
  key: nonEmpty(L.key),
  label: nonEmpty(L.name),
  labelEn: text(L.name).optional(),
  definition: text(L.text).optional(),
  definitionEn: text(L.text).optional(),
  score: z.number().nullable(),
  /** Excluded levels (e.g. 評価不能) are skipped by averages and listed separately. */
  excluded: z.boolean().default(false),
  /**
   * false: the level is counted and shown but left out of the denominator of shares, so a "not rated" (未評価,
   * 評価対象外) level does not dilute the others' shares. Absent: counted in shares like any other level.
   */
  countsInShares: z.boolean().optional(),
  /** A design-token colour name; never the only carrier of meaning. */
  color: text(L.short).optional(),
});

export const RatingScaleKind = z.enum(['percentage', 'ordinal', 'text', 'traffic-light', 'numeric']);

export const RatingScale = z
  .object({
    key: Slug,
    name: nonEmpty(L.name),
    nameEn: text(L.name).optional(),
    kind: RatingScaleKind,
    /** Ordered from lowest to highest. Empty only for kind "numeric" (free entry between min and max). */
    levels: z.array(RatingLevel),
    min: z.number().optional(),
    max: z.number().optional(),
    /** Unit printed after numeric scores, e.g. "%". */
    unit: text(L.short).optional(),
  })
  .superRefine((scale, ctx) => {
    if (scale.kind === 'numeric') {
      if (scale.min === undefined || scale.max === undefined || scale.min >= scale.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['min'],
          message: 'a numeric scale needs min < max',
          params: { ja: '数値の尺度には min < max が必要です' },
        });
      }
      return;
    }
    if (scale.levels.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['levels'],
        message: 'a scale needs at least two levels',
        params: { ja: '尺度には2つ以上の段階が必要です' },
      });
    }
    const seen = new Set<string>();
    scale.levels.forEach((level, i) => {
      if (seen.has(level.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'key'],
          message: `duplicate level key "${level.key}"`,
          params: { ja: `段階のキー「${level.key}」が重複しています` },
        });
      }
      seen.add(level.key);
    });
  });

/** Rule that derives a rating from KPI achievement: the first threshold whose `min` is reached wins. */
export const RatingRule = z.object({
  scale: Slug,
  basis: z.literal('indicator-progress'),
  /** How several indicators of one item combine before thresholds apply. */
  combine: z.enum(['mean', 'min']).default('mean'),
  thresholds: z.array(z.object({ minPercent: z.number(), level: nonEmpty(L.key) })).min(1),
});

export const RollupMethod = z.enum(['mean', 'distribution', 'share-at-or-above']);
export const RollupSettings = z.object({
  method: RollupMethod.default('mean'),
  /** Level key for "share-at-or-above". */
  threshold: text(L.key).optional(),
  /** Use node weights (PlanNode.weight) in the mean. */
  weighted: z.boolean().default(false),
  /** Decimal places for printed percentages; half-up rounding. */
  decimals: z.number().int().min(0).max(3).default(1),
  /**
   * How shares of a distribution are rounded, for the portal and lint alike: largest remainder so they add up to
   * 100 (when absent), half-up per item (may print 99.9 or 100.1), or truncated.
   */
  shareRounding: z.enum(['largest-remainder', 'half-up', 'truncate']).optional(),
});

export const ReportingFrequency = z.enum(['yearly', 'half-yearly', 'quarterly', 'monthly']);

export const Department = z.object({
  code: Slug,
  name: nonEmpty(L.name),
  nameEn: text(L.name).optional(),
  /** Code of the parent 部, if any. */
  parent: Slug.optional(),
});

export const IndicatorValue = z.object({
  fy: FiscalYear,
  period: Period.default('FY'),
  /** The target for this year (for cumulative indicators, per `valueBasis`). */
  target: z.number().nullable().optional(),
  /** The actual value; absent or null means missing (never 0). */
  actual: z.number().nullable().optional(),
  /**
   * Why the actual is missing, as the source says (a "−" in a table): 未公表 not-published, 測定不能 unmeasurable,
   * 該当なし not-applicable, 未入力 not-entered. Shown as such; the plan's KPI verdict rule says how it counts.
   */
  missingReason: MissingReason.optional(),
  /** 速報値 / 未確定: shown marked until confirmed. */
  provisional: z.boolean().default(false),
  /** Source wording kept verbatim where it carries 約, a range or a breakdown (e.g. "約200", "車座0件＋出前6件"). */
  targetNote: text(L.line).optional(),
  actualNote: text(L.line).optional(),
  /** When the value was reported, if not in the year and period it measures (e.g. statistics published late). */
  reportedIn: ReportedIn.optional(),
});

export const TargetRevision = z.object({
  /** First fiscal year in which this target is in force. */
  fromFy: FiscalYear,
  value: z.number(),
  note: text(L.note).optional(),
  /** When the revision was decided (ISO date), if known. */
  decidedOn: text(L.short).optional(),
});

export const Indicator = z
  .object({
    key: Slug,
    name: nonEmpty(L.title),
    nameEn: text(L.title).optional(),
    unit: text(L.short).default(''),
    /**
     * cumulative: the target is a total over the period (e.g. 「R4～R6年度累計81件」).
     * level: a level to reach (e.g. フォロワー数10,000).
     * milestone: a yes/no deliverable (target 1 = done).
     * text: no numeric target; progress is described in words only.
     */
    kind: z.enum(valueKeys(INDICATOR_KIND)),
    /** Which way is better; `unknown`: values are shown but never judged. */
    direction: z.enum(['higher', 'lower', 'unknown']).default('higher'),
    /** For cumulative indicators: whether yearly values are per-year increments or running totals (累計). */
    valueBasis: z.enum(['increment', 'running-total']).default('increment'),
    /** 年度 (fiscal) or 年 (calendar) values. */
    yearBasis: z.enum(['fiscal', 'calendar']).default('fiscal'),
    baseline: z
      .object({ fy: FiscalYear, value: z.number(), note: text(L.note).optional(), asOf: text(L.short).optional() })
      .optional(),
    target: z
      .object({
        fy: FiscalYear,
        /** First fiscal year counted by a cumulative target. */
        fromFy: FiscalYear.optional(),
        /**
         * First fiscal year in which this target is in force, when it replaced the ones in `targetHistory`.
         * Absent: in force from the year after the newest history entry began (or always, with no history).
         */
        inForceFromFy: FiscalYear.optional(),
        value: z.number().nullable(),
        /** A range to stay within (min–max), for the `level` basis. */
        range: z
          .object({ min: z.number(), max: z.number() })
          .refine((r) => r.min <= r.max, 'min is above max')
          .optional(),
        note: text(L.note).optional(),
      })
      .optional(),
    /** Earlier targets, oldest first, when the target was revised mid-plan. `target` is the one in force now. */
    targetHistory: z.array(TargetRevision).default([]),
    /**
     * How values for a part of the year (M01–M12, Q1–Q4, H1/H2) are reported (see PeriodBasis): increments,
     * year to date, snapshots or rolling 12 months. Absent: increments for cumulative-increment indicators,
     * year-to-date otherwise.
     */
    periodBasis: PeriodBasis.optional(),
    values: z.array(IndicatorValue).default([]),
    /** This indicator's progress method, overriding the plan's `evaluation.progress`. */
    method: IndicatorMethod.optional(),
    /** This indicator's tolerance, overriding the status rule's (same levels). */
    tolerance: Tolerance.optional(),
    note: text(L.note).optional(),
  })
  .superRefine((ind, ctx) => {
    const seen = new Set<string>();
    ind.values.forEach((v, i) => {
      const k = `${v.fy}/${v.period}`;
      if (seen.has(k))
        ctx.addIssue({
          code: 'custom',
          path: ['values', i],
          message: `duplicate value for ${k}`,
          params: { ja: `${k} の値が重複しています` },
        });
      seen.add(k);
    });
  });

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

/**
 * Who submits a shared initiative (several 担当課): the lead 課 alone, with the co-departments' parts in its
 * sheet (lead-submits, the default), or each 課 its own part through its own review steps (each-submits).
 */
export const SharedInitiatives = z.enum(['lead-submits', 'each-submits']);

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

/**
 * A figure the source document prints (e.g. 「B以上の割合 62.6%」), kept so lint can compare it with the one we
 * compute from the ratings and flag the source's own rounding or counting errors instead of copying them.
 */
export const StatedFigure = z
  .object({
    fy: FiscalYear,
    /** Code of the node whose items the figure covers; absent for the whole plan. */
    scope: NodeCode.optional(),
    /** Rating scale; the plan's primary scale when absent. */
    scale: Slug.optional(),
    /** mean: mean score; share-at-or-above / share-of-level: percent of counted items. */
    method: z.enum(['mean', 'share-at-or-above', 'share-of-level']),
    /** Level key for the share methods. */
    level: nonEmpty(L.key).optional(),
    /** The printed figure (62.6 for 「62.6%」); absent when the body prints only counts (「73件中41件」). */
    value: z.number().optional(),
    /** Share methods: how many items the body counts on (or at or above) the level, as printed. */
    count: z.number().int().min(0).optional(),
    /** Share methods: how many items the body counts among, as printed. */
    of: z.number().int().min(1).optional(),
    /** The period inside the fiscal year the figure is for; absent for the whole year. */
    period: Period.optional(),
    /** Where the figure is printed, e.g. 「令和6年度行政評価結果報告書 p.3」. */
    source: text(L.title).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.value === undefined && (f.count === undefined || f.of === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'give the printed value, or count and of',
        params: { ja: '原本の数値（value）か、件数（count と of）を指定してください' },
      });
    }
    if ((f.count !== undefined || f.of !== undefined) && f.method === 'mean') {
      ctx.addIssue({
        code: 'custom',
        path: [f.count !== undefined ? 'count' : 'of'],
        message: 'count and of belong to a share (share-at-or-above, share-of-level), not a mean',
        params: { ja: 'count と of は割合（share-at-or-above, share-of-level）に指定します。平均には指定できません' },
      });
    }
    if (f.count !== undefined && f.of !== undefined && f.count > f.of) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: `count (${f.count}) is more than of (${f.of})`,
        params: { ja: `count（${f.count}）が of（${f.of}）を超えています` },
      });
    }
  });

export interface PlanNodeInput {
  code: string;
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
  contributions?: z.input<typeof Contribution>[] | undefined;
  sourceNotes?: z.input<typeof SourceNote>[] | undefined;
  separateGroup?: boolean | undefined;
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
  /** Co-departments' parts by year (shared initiatives only); absent when there are none. */
  contributions: z.array(Contribution).optional(),
  sourceNotes: z.array(SourceNote).default([]),
  /**
   * A top-level group of its own beside the items of the first level, e.g. 第1期アクションプランからの継続案件
   * beside the 15 基本目標: listed apart from them and never named or counted as one (no 「基本目標 継」).
   */
  separateGroup: z.boolean().optional(),
};

export type PlanNode = z.output<z.ZodObject<typeof planNodeFields>> & { children: PlanNode[] };

export const PlanNode: z.ZodType<PlanNode, PlanNodeInput> = z.lazy(() =>
  z.object({ ...planNodeFields, children: z.array(PlanNode).default([]) }),
);

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
    /** The tree; empty only for a plan just created from a template, before its first node is added. */
    nodes: z.array(PlanNode),
  })
  .superRefine((plan, ctx) => {
    if (plan.period.endFy < plan.period.startFy) {
      ctx.addIssue({
        code: 'custom',
        path: ['period', 'endFy'],
        message: 'endFy is before startFy',
        params: { ja: '終了年度（endFy）が開始年度（startFy）より前です' },
      });
    }
    const scaleKeys = new Set(plan.ratingScales.map((s) => s.key));
    const listed = (keys: Iterable<string>) => [...keys].join(', ');
    plan.ratingRules.forEach((rule, i) => {
      const scale = plan.ratingScales.find((s) => s.key === rule.scale);
      if (!scale) {
        ctx.addIssue({
          code: 'custom',
          path: ['ratingRules', i, 'scale'],
          message: `unknown scale "${rule.scale}"; valid scales: ${listed(scaleKeys)}`,
        });
        return;
      }
      const levels = scale.levels.map((l) => l.key);
      rule.thresholds.forEach((t, j) => {
        if (!levels.includes(t.level)) {
          ctx.addIssue({
            code: 'custom',
            path: ['ratingRules', i, 'thresholds', j, 'level'],
            message: `unknown level "${t.level}" of scale "${scale.key}"; valid levels: ${listed(levels)}`,
          });
        }
      });
    });
    const levelKeys = new Map(plan.ratingScales.map((s) => [s.key, new Set(s.levels.map((l) => l.key))]));
    const primary = plan.ratingScales[0]?.key;
    const codes = new Set<string>();
    const walk = (nodes: PlanNode[], path: (string | number)[], depth: number) => {
      nodes.forEach((node, i) => {
        const here = [...path, i];
        if (codes.has(node.code)) {
          ctx.addIssue({
            code: 'custom',
            path: [...here, 'code'],
            message: `duplicate code "${node.code}"`,
            params: { ja: `番号「${node.code}」が重複しています` },
          });
        }
        codes.add(node.code);
        if (depth >= plan.levels.length && node.children.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: [...here, 'children'],
            message: `deeper than the ${plan.levels.length} levels the plan names`,
            params: { ja: `計画が定める${plan.levels.length}階層より深くなっています` },
          });
        }
        node.assessments.forEach((a, j) => {
          const scale = a.scale ?? primary;
          if (!scale || !scaleKeys.has(scale)) {
            const known = [...scaleKeys].join(', ');
            ctx.addIssue({
              code: 'custom',
              path: [...here, 'assessments', j, 'scale'],
              message: `unknown scale "${scale}" (scales: ${known})`,
              params: { ja: `尺度「${scale}」はありません（尺度: ${known}）` },
            });
            return;
          }
          const scaleDef = plan.ratingScales.find((s) => s.key === scale);
          if (scaleDef?.kind === 'numeric') {
            const n = Number(a.level);
            if (!Number.isFinite(n) || n < (scaleDef.min ?? 0) || n > (scaleDef.max ?? 100)) {
              ctx.addIssue({
                code: 'custom',
                path: [...here, 'assessments', j, 'level'],
                message: `"${a.level}" is not a number between ${scaleDef.min} and ${scaleDef.max}`,
                params: { ja: `「${a.level}」は ${scaleDef.min}～${scaleDef.max} の数値ではありません` },
              });
            }
          } else if (!levelKeys.get(scale)?.has(a.level)) {
            ctx.addIssue({
              code: 'custom',
              path: [...here, 'assessments', j, 'level'],
              message: `"${a.level}" is not a level of scale "${scale}" (levels: ${[...levelKeys.get(scale)!].join(', ')})`,
              params: {
                ja: `「${a.level}」は尺度「${scale}」の段階ではありません（段階: ${[...levelKeys.get(scale)!].join(', ')}）`,
              },
            });
          }
        });
        const parts = new Set<string>();
        node.contributions?.forEach((c, j) => {
          const key = `${c.fy}:${c.department}`;
          if (parts.has(key)) {
            ctx.addIssue({
              code: 'custom',
              path: [...here, 'contributions', j],
              message: `a second part of "${c.department}" for FY${c.fy}`,
              params: { ja: `${c.fy}年度の「${c.department}」の記入が重複しています` },
            });
          }
          parts.add(key);
        });
        walk(node.children, [...here, 'children'], depth + 1);
      });
    };
    walk(plan.nodes, ['nodes'], 1);
  });

export type PlanDocument = z.output<typeof PlanDocument>;
export type PlanDocumentInput = z.input<typeof PlanDocument>;
export type RatingScale = z.output<typeof RatingScale>;
export type RatingLevel = z.output<typeof RatingLevel>;
export type RatingRule = z.output<typeof RatingRule>;
export type RollupSettings = z.output<typeof RollupSettings>;
export type Indicator = z.output<typeof Indicator>;
export type IndicatorValue = z.output<typeof IndicatorValue>;
export type RoadmapEntry = z.output<typeof RoadmapEntry>;
export type Assessment = z.output<typeof Assessment>;
export type Lifecycle = z.output<typeof Lifecycle>;
export type Contribution = z.output<typeof Contribution>;
export type SharedInitiatives = z.output<typeof SharedInitiatives>;
export type Department = z.output<typeof Department>;
export type EditionInfo = z.output<typeof EditionInfo>;
export type CarriedFrom = z.output<typeof CarriedFrom>;
export type StatedFigure = z.output<typeof StatedFigure>;
