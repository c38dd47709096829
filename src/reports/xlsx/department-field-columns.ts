import { departmentFields, type FieldFrame, fieldInputName, fieldInputsOf, planYears } from '../../app/index.ts';
import { fieldsOn, keyedFields, type PlanNode } from '../../domain/index.ts';
import { type FieldColumn, fieldCell, fieldColumns, fieldSheetColumn } from './field-sheet-columns.ts';
import type { CellValue, SheetColumn } from './workbook-model.ts';

/** A field column of the 課 workbook: an entry column names the form input it fills. */
export interface DepartmentFieldColumn extends FieldColumn {
  /** The entry form's input name (see fieldInputName); undefined for a reference column. */
  input?: string;
}

/**
 * The sheet-field columns of the 課 workbook's 取組 sheet, from the catalogue: reference columns for the fields
 * the plan office enters that the sheets use (根拠法令 where given), and entry columns for the fields the 課
 * enters, the same inputs as the entry form (one a plan year for an amount per year).
 */
export function departmentFieldColumns(plan: FieldFrame, nodes: readonly PlanNode[]) {
  const years = planYears(plan);
  const entered = departmentFields(plan);
  const keys = new Set(entered.map((f) => f.key));
  const others = keyedFields(plan, 'department-workbook').filter((f) => !keys.has(f.key));
  const reference: DepartmentFieldColumn[] = fieldColumns(fieldsOn('department-workbook', others, nodes), years);
  const entry: DepartmentFieldColumn[] = fieldColumns(entered, years).map((c) => ({
    ...c,
    input: fieldInputName(c.field, c.fy),
  }));
  return { reference, entry };
}

/** The sheet columns of field columns (entry ones unlocked and yellow). */
export const fieldSheetColumns = (columns: readonly DepartmentFieldColumn[]): SheetColumn[] =>
  columns.map((c) => fieldSheetColumn(c, c.input !== undefined));

/**
 * A row's cells of field columns: a reference column its value; an entry column the text the form shows for the
 * input (empty for a co-department's row, whose fields are the lead 課's).
 */
export function fieldRowCells(
  columns: readonly DepartmentFieldColumn[],
  node: PlanNode,
  plan: FieldFrame,
  part: boolean,
): CellValue[] {
  const inputs = fieldInputsOf(node, plan);
  return columns.map((c) => {
    if (c.input === undefined) return fieldCell(c, c.field.read(node));
    return part ? null : inputs[c.input] || null;
  });
}
