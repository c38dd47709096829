import { z } from 'zod';
import { itemsToText, textToItems } from './item-lines.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';

/**
 * The shapes a sheet field takes, one definition for every field the catalogue lists and every field a plan
 * declares itself: what a value is, how it is validated, and how it is written as text (a CSV or workbook cell,
 * a form input) and read back.
 */

const label = z.object({
  ja: z.string().trim().min(1).max(L.name),
  en: z.string().trim().min(1).max(L.name).optional(),
});

/** One option of a choice field, e.g. 直営 / 委託 / 指定管理 / 補助. */
export const ChoiceOption = z.object({ key: z.string().trim().min(1).max(L.key), label });

const decimals = z.number().int().min(0).max(6).default(0);

export const FIELD_SHAPE_KINDS = ['text', 'lines', 'number', 'money-per-year', 'choice', 'date', 'link'] as const;
export type FieldShapeKind = (typeof FIELD_SHAPE_KINDS)[number];

const shapes = z.discriminatedUnion('kind', [
  /** One text, possibly of several lines. */
  z.object({ kind: z.literal('text'), maxLength: z.number().int().min(1).max(L.text).default(L.text) }),
  /** A list of items, one a line (as 現状 and 実績 are written). */
  z.object({ kind: z.literal('lines'), maxLength: z.number().int().min(1).max(L.line).default(L.line) }),
  /** A number with its unit, e.g. 従事人員 1.5 人. */
  z.object({
    kind: z.literal('number'),
    unit: z.string().max(L.short).default(''),
    decimals,
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  /** An amount for each fiscal year of the plan, e.g. 事業費 (決算額) in 円 or 千円. */
  z.object({
    kind: z.literal('money-per-year'),
    unit: z.string().trim().min(1).max(L.short).default('円'),
    decimals,
  }),
  /** One of the options the field lists. */
  z.object({ kind: z.literal('choice'), options: z.array(ChoiceOption).min(2) }),
  /** A calendar date, YYYY-MM-DD. */
  z.object({ kind: z.literal('date') }),
  /** An http(s) address, e.g. the 例規 page of a 根拠法令. */
  z.object({ kind: z.literal('link') }),
]);
// The kind is checked first, so an unknown one is refused naming the valid kinds.
export const FieldShape = z.looseObject({ kind: z.enum(FIELD_SHAPE_KINDS) }).pipe(shapes);
export type FieldShape = z.output<typeof FieldShape>;
export type FieldShapeInput = z.input<typeof FieldShape>;

/** One fiscal year's amount of a money-per-year field. */
export interface YearAmount {
  fy: number;
  amount: number;
}

/** A field's value as stored in the plan document (JSON): by shape, text, lines, a number, amounts, a key. */
export type FieldValue = string | string[] | number | YearAmount[];

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const hasDecimals = (n: number, places: number) => Number(n.toFixed(places)) === n;

/** The zod schema of a value of this shape. */
export function fieldValueSchema(shape: FieldShape): z.ZodType<FieldValue> {
  switch (shape.kind) {
    case 'text':
      return z.string().trim().min(1).max(shape.maxLength);
    case 'lines':
      return z.array(z.string().trim().min(1).max(shape.maxLength)).min(1);
    case 'number': {
      let n = z.number().refine((v) => hasDecimals(v, shape.decimals), `at most ${shape.decimals} decimals`);
      if (shape.min !== undefined) n = n.refine((v) => v >= shape.min!, `at least ${shape.min}`);
      if (shape.max !== undefined) n = n.refine((v) => v <= shape.max!, `at most ${shape.max}`);
      return n;
    }
    case 'money-per-year':
      return z
        .array(
          z.object({
            fy: z.number().int().min(1900).max(2200),
            amount: z.number().refine((v) => hasDecimals(v, shape.decimals), `at most ${shape.decimals} decimals`),
          }),
        )
        .min(1)
        .refine((a) => a.every((x, i) => i === 0 || a[i - 1]!.fy < x.fy), 'one amount a year, oldest first');
    case 'choice':
      return z.enum(shape.options.map((o) => o.key) as [string, ...string[]]);
    case 'date':
      return z.string().regex(ISO_DATE, 'a date such as "2025-04-01"');
    case 'link':
      return z.url({ protocol: /^https?$/, error: 'an address starting with http:// or https://' }).max(L.line);
  }
}

/**
 * The value as the text of one form input or sheet cell (money per year: one cell per year, see `yearText`).
 * @example valueText({ kind: 'lines', maxLength: 500 }, ['地方自治法', '条例']) // "地方自治法\n条例"
 */
export function valueText(shape: FieldShape, value: FieldValue | undefined, lang: 'ja' | 'en' = 'ja'): string {
  if (value === undefined) return '';
  switch (shape.kind) {
    case 'lines':
      return itemsToText(value as string[]);
    case 'number':
      return String(value);
    case 'choice':
      return choiceLabel(shape, String(value), lang);
    case 'money-per-year':
      return (value as YearAmount[]).map((y) => `${y.fy}: ${y.amount}`).join('\n');
    default:
      return String(value);
  }
}

/** The label of a choice's option in a language (English falls back to Japanese); the key if it is none. */
export function choiceLabel(shape: Extract<FieldShape, { kind: 'choice' }>, key: string, lang: 'ja' | 'en'): string {
  const o = shape.options.find((x) => x.key === key);
  return o ? (lang === 'en' ? (o.label.en ?? o.label.ja) : o.label.ja) : key;
}

/** A money-per-year value's amount for one year as cell text ('' when none). */
export function yearText(value: FieldValue | undefined, fy: number): string {
  const a = Array.isArray(value) ? (value as YearAmount[]).find((y) => y.fy === fy) : undefined;
  return a ? String(a.amount) : '';
}

/** What reading a cell or input gives: a value, nothing (empty), or an error in both languages. */
export type ParsedField = { ok: true; value: FieldValue | undefined } | { ok: false; ja: string; en: string };

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Reads a number typed in a cell or input: half- or full-width digits, thousands commas allowed. */
function readNumber(text: string): number | undefined {
  const plain = text.normalize('NFKC').replace(/[,\s]/g, '');
  return NUMBER_TEXT.test(plain) ? Number(plain) : undefined;
}

/**
 * Reads the text of one input or cell (for money per year: the texts by fiscal year) into a value of the shape,
 * checked as the bundle checks it. Empty text is no value.
 * @example parseFieldText({ kind: 'number', unit: '人', decimals: 1 }, '1.5') // { ok: true, value: 1.5 }
 */
export function parseFieldText(shape: FieldShape, text: string | ReadonlyMap<number, string>): ParsedField {
  let value: FieldValue | undefined;
  if (typeof text !== 'string') {
    const years: YearAmount[] = [];
    for (const [fy, t] of [...text].sort((a, b) => a[0] - b[0])) {
      if (t.trim() === '') continue;
      const amount = readNumber(t);
      if (amount === undefined) return notNumber(t);
      years.push({ fy, amount });
    }
    value = years.length > 0 ? years : undefined;
  } else if (text.trim() === '') {
    return { ok: true, value: undefined };
  } else if (shape.kind === 'lines') {
    value = textToItems(text);
  } else if (shape.kind === 'number') {
    value = readNumber(text);
    if (value === undefined) return notNumber(text);
  } else if (shape.kind === 'choice') {
    const t = text.trim();
    const o = shape.options.find((x) => x.key === t || x.label.ja === t || x.label.en === t);
    if (!o) {
      const ja = shape.options.map((x) => x.label.ja).join('、');
      const en = shape.options.map((x) => x.label.en ?? x.label.ja).join(', ');
      return { ok: false, ja: `「${t}」は選択肢にありません（${ja}）`, en: `"${t}" is not one of: ${en}` };
    }
    value = o.key;
  } else {
    value = shape.kind === 'text' ? text : text.trim();
  }
  if (value === undefined) return { ok: true, value };
  const checked = fieldValueSchema(shape).safeParse(value);
  if (checked.success) return { ok: true, value: checked.data };
  const message = checked.error.issues[0]?.message ?? 'invalid';
  return { ok: false, ja: `値が正しくありません（${message}）`, en: `invalid value (${message})` };
}

const notNumber = (text: string): ParsedField => ({
  ok: false,
  ja: `「${text}」は数値ではありません`,
  en: `"${text}" is not a number`,
});
