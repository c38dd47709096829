import type ExcelJS from 'exceljs';

let exceljs: typeof ExcelJS | undefined;

/** exceljs is loaded on the first workbook, so starting the server does not pay for it (≈0.6 s, 30 MB). */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  exceljs ??= (await import('exceljs')).default;
  return exceljs;
}
