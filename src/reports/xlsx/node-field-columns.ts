import {
  fieldsOn,
  keyedFields,
  type PlanDocument,
  type PlanNode,
  parseFiscalYear,
  type SheetField,
  type YearAmount,
} from '../../domain/index.ts';
import { type FieldColumn, fieldColumns } from './field-sheet-columns.ts';

/**
 * The columns of the sheet fields kept by key (根拠法令 where used, and the plan's own fields) in an edition's
 * 取組一覧: an amount per year gets a column for each plan year and each year a sheet gives an amount for.
 */
export function editionFieldColumns(plan: PlanDocument, nodes: readonly PlanNode[]): FieldColumn[] {
  const fields = fieldsOn('edition-workbook', keyedFields(plan, 'edition-workbook'), nodes);
  return fields.flatMap((f) => fieldColumns([f], f.shape.kind === 'money-per-year' ? yearsOf(plan, f, nodes) : []));
}

function yearsOf(plan: PlanDocument, field: SheetField, nodes: readonly PlanNode[]): number[] {
  const years = new Set<number>();
  for (let y = plan.period.startFy; y <= plan.period.endFy; y++) years.add(y);
  for (const node of nodes) for (const a of (field.read(node) as YearAmount[] | undefined) ?? []) years.add(a.fy);
  return [...years].sort((a, b) => a - b);
}

/**
 * The field columns a 取組一覧 header row holds, for the fields kept by key: a field's title, or a fiscal year and
 * its title ("令和6年度 事業費（決算額）（千円）") for an amount per year.
 */
export function headerFieldColumns(fields: readonly SheetField[], header: readonly string[]): FieldColumn[] {
  return header.flatMap((h): FieldColumn[] => {
    for (const field of fields) {
      if (field.shape.kind !== 'money-per-year') {
        if (fieldColumns([field], [])[0]!.header === h) return [{ header: h, field }];
        continue;
      }
      const m = /^(\S+)\s+(.+)$/.exec(h);
      const fy = m ? parseFiscalYear(m[1]!) : undefined;
      if (fy?.ok && fieldColumns([field], [fy.value])[0]!.header === h) return [{ header: h, field, fy: fy.value }];
    }
    return [];
  });
}
