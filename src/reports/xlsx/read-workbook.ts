import type ExcelJS from 'exceljs';
import { loadExcelJs } from './load-exceljs.ts';
import type { CellValue } from './workbook-model.ts';

export interface ReadSheet {
  name: string;
  /** Row 1 first; each row as long as the sheet's widest row. Empty cells are null. */
  rows: CellValue[][];
}

/** A cell's value as people see it: rich text joined, formulas replaced by their result, dates as ISO days. */
function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

export class WorkbookReadError extends Error {}

/** Reads every sheet of an .xlsx file as rows of plain values. Throws WorkbookReadError when it is no workbook. */
export async function readWorkbook(data: Uint8Array): Promise<ReadSheet[]> {
  const wb = new (await loadExcelJs()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(`not an .xlsx workbook (${(e as Error).message})`);
  }
  return wb.worksheets.map((ws) => {
    const width = ws.columnCount;
    const rows: CellValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values: CellValue[] = [];
      for (let c = 1; c <= width; c++) values.push(plain(row.getCell(c).value));
      rows.push(values);
    }
    return { name: ws.name, rows };
  });
}
