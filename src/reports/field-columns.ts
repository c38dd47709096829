import { type FieldValue, fieldTitle, type PlanNode, type SheetField, valueText, yearText } from '../domain/index.ts';

/** One column of a table: its header and how a row fills it, side by side so they cannot drift apart. */
export interface Column<Row, Cell = string> {
  header: string;
  cell(row: Row): Cell;
}

/**
 * A table of a header row and one row per item, from (header, cell) columns.
 * @example tableOf([{ header: '番号', cell: (n) => n.code }], nodes)[0] // ["番号"]
 */
export function tableOf<Row, Cell>(columns: readonly Column<Row, Cell>[], rows: Iterable<Row>): (string | Cell)[][] {
  const out: (string | Cell)[][] = [columns.map((c) => c.header)];
  for (const row of rows) out.push(columns.map((c) => c.cell(row)));
  return out;
}

/**
 * The text columns of sheet fields, as CSV and workbooks write them: one column a field, and one a plan year for
 * an amount per year. `read` picks the value (a row may be a node or something holding one).
 */
export function fieldTextColumns<Row>(
  fields: readonly SheetField[],
  years: readonly number[],
  read: (row: Row, field: SheetField) => FieldValue | undefined,
  lang: 'ja' | 'en' = 'ja',
): Column<Row>[] {
  return fields.flatMap((f): Column<Row>[] =>
    f.shape.kind === 'money-per-year'
      ? years.map((fy) => ({ header: fieldTitle(f, lang, fy), cell: (row) => yearText(read(row, f), fy) }))
      : [{ header: fieldTitle(f, lang), cell: (row) => valueText(f.shape, read(row, f), lang) }],
  );
}

/** Reads a field from a node row. */
export const fromNode = (node: PlanNode, field: SheetField) => field.read(node);
