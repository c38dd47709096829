import {
  type FieldValue,
  fieldTitle,
  type ParsedField,
  parseFieldText,
  type SheetField,
  valueText,
  yearText,
} from '../../domain/index.ts';
import type { CellValue, SheetColumn, Validation } from './workbook-model.ts';

/**
 * One workbook column of a sheet field, as the catalogue defines it: its header (the field's title, with the year
 * for an amount per year) and the year it holds. Writers and readers of both workbooks list these, so a field's
 * columns are stated once.
 */
export interface FieldColumn {
  header: string;
  field: SheetField;
  /** The fiscal year of one column of an amount per year. */
  fy?: number;
}

/** The columns of fields: one a field, and one a year of `years` for an amount per year. */
export function fieldColumns(fields: readonly SheetField[], years: readonly number[]): FieldColumn[] {
  return fields.flatMap((field): FieldColumn[] =>
    field.shape.kind === 'money-per-year'
      ? years.map((fy) => ({ header: fieldTitle(field, 'ja', fy), field, fy }))
      : [{ header: fieldTitle(field, 'ja'), field }],
  );
}

/** A column's cell for a value: numbers as numbers (so a sheet can sum them), everything else as its text. */
export function fieldCell(column: FieldColumn, value: FieldValue | undefined): CellValue {
  const { shape } = column.field;
  if (shape.kind === 'money-per-year') {
    const text = yearText(value, column.fy!);
    return text === '' ? null : Number(text);
  }
  if (shape.kind === 'number') return typeof value === 'number' ? value : null;
  const text = valueText(shape, value);
  return text === '' ? null : text;
}

const wide = new Set(['text', 'lines']);

/** The sheet column of a field column; an entry column offers a choice's options as a list. */
export function fieldSheetColumn(column: FieldColumn, entry: boolean): SheetColumn {
  const { shape } = column.field;
  const validation: Validation | undefined =
    entry && shape.kind === 'choice'
      ? {
          kind: 'list',
          options: shape.options.map((o) => o.label.ja),
          message: { ja: '一覧から選んでください', en: 'Choose from the list' },
        }
      : undefined;
  return {
    header: column.header,
    width: wide.has(shape.kind) ? 36 : 14,
    ...(wide.has(shape.kind) && { wrap: true }),
    ...(entry && { entry: true, numFmt: '@' }),
    ...(validation && { validation }),
  };
}

/** A cell as the text a clerk sees in it ('' when empty): what the field's shape reads, as the form does. */
export const cellText = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

/**
 * Reads one field from the texts of its columns (an amount per year: one text a year), checked as the bundle and
 * the form check it. On a refusal, `header` names the column whose cell holds the value refused.
 */
export function readFieldColumns(
  field: SheetField,
  texts: readonly { column: FieldColumn; text: string }[],
): ParsedField & { header?: string } {
  if (field.shape.kind !== 'money-per-year') return parseFieldText(field.shape, texts[0]?.text ?? '');
  const parsed = parseFieldText(field.shape, new Map(texts.map((t) => [t.column.fy!, t.text] as const)));
  if (parsed.ok) return parsed;
  const bad = texts.find((t) => !parseFieldText(field.shape, new Map([[t.column.fy!, t.text]])).ok);
  return { ...parsed, ...(bad && { header: bad.column.header }) };
}
