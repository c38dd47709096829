import { z } from 'zod';
import {
  type Assessment,
  finerThanDeclared,
  type Indicator,
  type IndicatorValue,
  inStage,
  itemsToText,
  type PlanDocument,
  type PlanNode,
  parseQuantity,
  quantityInputText,
  type RoadmapEntry,
  TEXT_LIMITS,
  textToItems,
} from '../domain/index.ts';
import type { FieldErrors } from './errors.ts';
import { FIELD_MESSAGES as M } from './field-messages.ts';
import { overrideValuesOf, parseOverride } from './override-form.ts';
import { departmentFields, fieldInputsOf, parseFieldInputs } from './report-fields.ts';
import type { NodeChanges } from './update-node.ts';

/** Sizes every channel accepts for one report (the form, the 課 workbook), from the one table TEXT_LIMITS. */
export const REPORT_LIMITS = {
  line: TEXT_LIMITS.line,
  field: TEXT_LIMITS.text,
  indicatorNote: TEXT_LIMITS.line,
  value: TEXT_LIMITS.value,
  rating: TEXT_LIMITS.key,
} as const;

/**
 * What the entry form shows and posts for one initiative and year, as text exactly as typed, so a refused
 * save (invalid input or a conflict) can show the user's input again unchanged.
 */
export const ReportValues = z.object({
  /** The year's 実績 items, one per line. */
  actual: z.string().max(REPORT_LIMITS.field).default(''),
  /** Next years' 計画 items, one per line, by fiscal year. */
  plans: z.record(z.string(), z.string().max(REPORT_LIMITS.field)).default({}),
  indicators: z
    .record(
      z.string(),
      z.object({
        actual: z.string().max(REPORT_LIMITS.value).default(''),
        provisional: z.boolean().default(false),
        note: z.string().max(REPORT_LIMITS.indicatorNote).default(''),
      }),
    )
    .default({}),
  /** Level key of the plan's primary rating scale; empty = not rated yet. */
  rating: z.string().max(REPORT_LIMITS.rating).default(''),
  comment: z.string().max(REPORT_LIMITS.field).default(''),
  /**
   * Level key of the status rule set by hand over the computed verdict, and why; only where the plan declares
   * an override. Absent: kept as saved (empty: cleared).
   */
  override: z.string().max(REPORT_LIMITS.rating).optional(),
  overrideReason: z.string().max(REPORT_LIMITS.field).optional(),
  /** The plan's own fields the 課 enters, as typed, by input name (see fieldInputName). */
  fields: z.record(z.string(), z.string().max(REPORT_LIMITS.field)).default({}),
});
export type ReportValues = z.output<typeof ReportValues>;
export type ReportValuesInput = z.input<typeof ReportValues>;

/** What the form needs of the plan: its period and rating scales, not its tree. */
export type PlanFrame = Pick<PlanDocument, 'period' | 'ratingScales' | 'evaluation' | 'sheetFields' | 'listedStage'>;

/** The scale's English name for messages; plans without one read "Rating". */
const scaleNameEn = (scale: { nameEn?: string | undefined }) => scale.nameEn ?? 'Rating';

// One item per line; an indented line continues the item above it (a note under its point).
const lines = textToItems;

export const nextYears = (plan: PlanFrame, fy: number) => {
  const out: number[] = [];
  for (let y = fy + 1; y <= plan.period.endFy; y++) out.push(y);
  return out;
};

const yearValue = (ind: Indicator, fy: number) => ind.values.find((v) => v.fy === fy && v.period === 'FY');
const primaryAssessment = (node: PlanNode, plan: PlanFrame, fy: number) => {
  const primary = plan.ratingScales[0]!.key;
  // The form edits the listed stage's rating; ratings of other stages (事中, 外部評価) are kept as they are.
  return node.assessments.find(
    (a) =>
      a.fy === fy && a.period === 'FY' && (a.scale ?? primary) === primary && inStage(a, undefined, plan.listedStage),
  );
};

/** The form as loaded: saved values, or for an empty 実績 the year's 計画 items to edit into results. */
export function reportValuesOf(node: PlanNode, plan: PlanFrame, fy: number): ReportValues {
  const entry = node.roadmap.find((r) => r.fy === fy);
  const actual = entry?.actual.length ? entry.actual : (entry?.plan ?? []);
  const plans: Record<string, string> = {};
  for (const y of nextYears(plan, fy)) plans[y] = itemsToText(node.roadmap.find((r) => r.fy === y)?.plan ?? []);
  const indicators: ReportValues['indicators'] = {};
  for (const ind of node.indicators) {
    const v = yearValue(ind, fy);
    indicators[ind.key] = {
      actual: v?.actual == null ? '' : quantityInputText(v.actual),
      provisional: v?.provisional ?? false,
      note: v?.actualNote ?? '',
    };
  }
  const a = primaryAssessment(node, plan, fy);
  return {
    actual: itemsToText(actual),
    plans,
    indicators,
    rating: a?.level ?? '',
    comment: a?.comment ?? '',
    ...overrideValuesOf(node, plan, fy),
    fields: fieldInputsOf(node, plan),
  };
}

/** "１，２３４" and "1,234" are 1234; empty is missing (never 0); see parseQuantity for what else is read. */
export function parseNumber(text: string, unit = ''): number | null | 'invalid' {
  const r = parseQuantity(text, unit);
  return r.ok ? r.value : 'invalid';
}

export interface ParsedReport {
  changes: Pick<NodeChanges, 'roadmap' | 'indicators' | 'assessments' | 'statusOverrides' | 'fields'>;
  errors: FieldErrors;
}

/**
 * Turns the form into changes to the initiative's sheet for that year only: its 実績, the next years' 計画, the
 * year's KPI actuals, its rating, (where the plan declares one) its verdict set by hand and the plan's own
 * fields the 課 enters. Nothing else on the sheet can change through this form.
 */
export function parseReport(values: ReportValues, node: PlanNode, plan: PlanFrame, fy: number): ParsedReport {
  const errors: FieldErrors = {};
  const roadmap: RoadmapEntry[] = node.roadmap.map((r) => ({ ...r }));
  const entryFor = (y: number) => {
    let e = roadmap.find((r) => r.fy === y);
    if (!e) {
      e = { fy: y, plan: [], actual: [] };
      roadmap.push(e);
    }
    return e;
  };
  const actual = lines(values.actual);
  if (actual.some((l) => l.length > REPORT_LIMITS.line)) errors.actual = M.lineTooLong;
  entryFor(fy).actual = actual;
  for (const y of nextYears(plan, fy)) {
    const items = lines(values.plans[String(y)] ?? '');
    if (items.some((l) => l.length > REPORT_LIMITS.line)) errors[`plans.${y}`] = M.lineTooLong;
    if (items.length > 0 || roadmap.some((r) => r.fy === y)) entryFor(y).plan = items;
  }
  roadmap.sort((a, b) => a.fy - b.fy);

  const indicators = node.indicators.map((ind) => {
    const input = values.indicators[ind.key];
    if (!input) return ind;
    const parsed = ind.kind === 'text' ? null : parseQuantity(input.actual, ind.unit);
    if (parsed && !parsed.ok) {
      errors[`indicators.${ind.key}.actual`] = { ja: parsed.error.message, en: parsed.error.messageEn };
      return ind;
    }
    const n = parsed?.value ?? null;
    const finer = n === null ? null : finerThanDeclared(ind, n);
    if (finer) {
      errors[`indicators.${ind.key}.actual`] = finer;
      return ind;
    }
    if (input.provisional && n === null && !input.note.trim()) {
      errors[`indicators.${ind.key}.provisional`] = {
        ja: '未確定とする実績値を入力してください',
        en: 'Enter the provisional value',
      };
    }
    const others = ind.values.filter((v) => !(v.fy === fy && v.period === 'FY'));
    const before = yearValue(ind, fy);
    const { actual: _a, actualNote: _n, ...kept } = before ?? { fy, period: 'FY' as const, provisional: false };
    const value: IndicatorValue = {
      ...kept,
      ...(n !== null && { actual: n }),
      provisional: n !== null && input.provisional,
      ...(input.note.trim() && { actualNote: input.note.trim() }),
    };
    const empty = value.target == null && value.actual == null && !value.actualNote && !value.targetNote;
    const values2 = empty ? others : [...others, value].sort((a, b) => a.fy - b.fy);
    return { ...ind, values: values2 };
  });

  const scale = plan.ratingScales[0]!;
  const rating = values.rating.trim();
  if (rating && !scale.levels.some((l) => l.key === rating)) {
    errors.rating = {
      ja: `${scale.name}は一覧から選んでください`,
      en: `${scaleNameEn(scale)}: choose one from the list`,
    };
  }
  const existing = primaryAssessment(node, plan, fy);
  const assessments: Assessment[] = node.assessments.filter((a) => a !== existing);
  if (rating) {
    const comment = values.comment.trim();
    assessments.push({
      fy,
      period: 'FY',
      ...(existing?.scale && { scale: existing.scale }),
      level: rating,
      ...(comment && { comment }),
    });
    assessments.sort((a, b) => a.fy - b.fy);
  } else if (values.comment.trim()) {
    errors.rating = {
      ja: `コメントを残すには${scale.name}を選んでください`,
      en: `${scaleNameEn(scale)}: choose one to leave a comment`,
    };
  }
  const override = parseOverride(values, node, plan, fy);
  Object.assign(errors, override.errors);
  const typedFields = parseFieldInputs(values.fields, node, plan);
  Object.assign(errors, typedFields.errors);
  const changes: ParsedReport['changes'] = { roadmap, indicators, assessments };
  if ('statusOverrides' in override) changes.statusOverrides = override.statusOverrides;
  if (departmentFields(plan).length > 0) changes.fields = typedFields.fields;
  return { changes, errors };
}

/** What must be filled before a report goes to the 課長. */
export function submissionErrors(values: ReportValues, plan: PlanFrame): FieldErrors {
  const errors: FieldErrors = {};
  if (lines(values.actual).length === 0) {
    errors.actual = { ja: '実績を1行以上入力してください', en: 'Enter at least one line of results' };
  }
  const scale = plan.ratingScales[0]!;
  if (!values.rating.trim())
    errors.rating = { ja: `${scale.name}を選んでください`, en: `${scaleNameEn(scale)}: choose one` };
  return errors;
}
