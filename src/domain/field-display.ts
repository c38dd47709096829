import { choiceLabel, type FieldShape, type FieldValue, type YearAmount } from './field-shape.ts';
import { formatFiscalYear } from './fiscal-year.ts';
import { formatDecimal } from './round-percent.ts';
import { fieldLabel, type SheetField } from './sheet-fields.ts';

/** A field's value as a page or a PDF shows it: one text, a list of items, or an amount a fiscal year. */
export type FieldDisplay =
  | { kind: 'text'; text: string }
  | { kind: 'lines'; items: string[] }
  | { kind: 'years'; rows: { fy: number; year: string; text: string }[] };

/**
 * A field's title for a column or an input: its label, with the unit of a number and, for one year of an amount
 * per year, the year.
 * @example fieldTitle(settledCost, 'ja', 2022) // "令和4年度 事業費（決算額）（千円）"
 */
export function fieldTitle(field: Pick<SheetField, 'label' | 'shape'>, lang: 'ja' | 'en', fy?: number): string {
  const name = fieldLabel(field, lang);
  const unit = field.shape.kind === 'number' || field.shape.kind === 'money-per-year' ? field.shape.unit : '';
  const withUnit = unit === '' ? name : lang === 'ja' ? `${name}（${unit}）` : `${name} (${unit})`;
  return fy === undefined ? withUnit : `${formatFiscalYear(fy, { lang })} ${withUnit}`;
}

/** A number with its shape's decimals, thousands grouped, and its unit (「1,200千円」, "1.5 people"). */
export function quantityText(n: number, shape: { unit: string; decimals: number }, lang: 'ja' | 'en'): string {
  const figure = formatDecimal(n, shape.decimals, { grouping: true });
  return shape.unit === '' ? figure : lang === 'ja' ? `${figure}${shape.unit}` : `${figure} ${shape.unit}`;
}

/**
 * How a value is shown to readers; undefined when the sheet gives none.
 * @example fieldDisplay({ kind: 'money-per-year', unit: '千円', decimals: 0 }, [{ fy: 2022, amount: 1200 }], 'ja')
 * // { kind: 'years', rows: [{ fy: 2022, year: '令和4年度', text: '1,200千円' }] }
 */
export function fieldDisplay(
  shape: FieldShape,
  value: FieldValue | undefined,
  lang: 'ja' | 'en',
  options: { startMonth?: number } = {},
): FieldDisplay | undefined {
  if (value === undefined) return undefined;
  switch (shape.kind) {
    case 'lines':
      return { kind: 'lines', items: value as string[] };
    case 'number':
      return { kind: 'text', text: quantityText(value as number, shape, lang) };
    case 'money-per-year':
      return {
        kind: 'years',
        rows: (value as YearAmount[]).map((y) => ({
          fy: y.fy,
          year: formatFiscalYear(y.fy, {
            lang,
            ...(options.startMonth !== undefined && { startMonth: options.startMonth }),
          }),
          text: quantityText(y.amount, shape, lang),
        })),
      };
    case 'choice':
      return { kind: 'text', text: choiceLabel(shape, String(value), lang) };
    default:
      return { kind: 'text', text: String(value) };
  }
}
