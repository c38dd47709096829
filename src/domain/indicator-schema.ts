import { z } from 'zod';
import { IndicatorMethod, MissingReason, Tolerance } from './evaluation-method.ts';
import { decimalPlacesOf } from './indicator-quantity.ts';
import { FiscalYear, Period, PeriodBasis, ReportedIn } from './reporting-period.ts';
import { nonEmpty, Slug, text } from './schema-text.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';
import { INDICATOR_KIND, valueKeys } from './value-sets.ts';

/* A KPI of an initiative with its yearly and in-year values (the plan document's `indicators`). */

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
     * Decimal places every value of the indicator is printed with, where the source prints them so (7.0‰, 2.0
     * 件): a value is then never shown shorter (7‰) or rounded. Absent: as many as each value has.
     */
    decimals: z.number().int().min(0).max(6).optional(),
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
    if (ind.decimals !== undefined) checkDeclaredDecimals(ind, ind.decimals, ctx);
  });

/** No figure of an indicator with declared decimals has more of them: it would be printed rounded, not as given. */
function checkDeclaredDecimals(
  ind: {
    baseline?: { value: number } | undefined;
    target?: { value: number | null } | undefined;
    targetHistory: { value: number }[];
    values: { actual?: number | null | undefined; target?: number | null | undefined }[];
  },
  decimals: number,
  ctx: z.RefinementCtx,
): void {
  const figures: [(string | number)[], number | null | undefined][] = [
    [['baseline', 'value'], ind.baseline?.value],
    [['target', 'value'], ind.target?.value],
    ...ind.targetHistory.map((h, i): [(string | number)[], number] => [['targetHistory', i, 'value'], h.value]),
    ...ind.values.flatMap((v, i): [(string | number)[], number | null | undefined][] => [
      [['values', i, 'actual'], v.actual],
      [['values', i, 'target'], v.target],
    ]),
  ];
  for (const [path, x] of figures) {
    if (typeof x !== 'number' || decimalPlacesOf(x) <= decimals) continue;
    ctx.addIssue({
      code: 'custom',
      path,
      message: `${x} has more decimal places than the indicator's declared ${decimals}`,
      params: { ja: `${x} は指標の小数桁数（${decimals}桁）より細かい値です` },
    });
  }
}

export type Indicator = z.output<typeof Indicator>;
export type IndicatorValue = z.output<typeof IndicatorValue>;
