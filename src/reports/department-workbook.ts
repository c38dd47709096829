import {
  type Actor,
  type AppContext,
  applyDepartmentUpload,
  type DepartmentSheets,
  type DepartmentUploadResult,
  type DepartmentUploadTarget,
  uploadIssue,
  uploadRejected,
} from '../app/index.ts';
import { buildDepartmentWorkbook } from './xlsx/build-department-workbook.ts';
import { parseDepartmentWorkbook } from './xlsx/parse-department-workbook.ts';
import { readWorkbook, WorkbookReadError } from './xlsx/read-workbook.ts';
import { writeWorkbook } from './xlsx/write-workbook.ts';
import { checkZipBounds } from './xlsx/zip-bounds.ts';

/** The 課 workbook (.xlsx bytes) for a reporting year; get its content with `getDepartmentSheets`. */
export function departmentWorkbook(sheets: DepartmentSheets): Promise<Buffer> {
  return writeWorkbook(buildDepartmentWorkbook(sheets));
}

/**
 * Takes a filled-in 課 workbook back into the round the channel names (`target`): reads it, checks every cell,
 * and saves all changed initiatives the uploader may still write in one transaction, or nothing. Throws an AppError whose `details.issues` name sheet, cell and reason (日本語/English).
 */
export async function importDepartmentWorkbook(
  ctx: AppContext,
  actor: Actor,
  target: DepartmentUploadTarget,
  data: Uint8Array,
): Promise<DepartmentUploadResult> {
  // Before the spreadsheet library unpacks it whole: a small upload must not unpack to gigabytes (zip bomb).
  if (checkZipBounds(data)) {
    throw uploadRejected([
      uploadIssue(
        { sheet: '', cell: 'A1' },
        'ファイルを展開すると大きすぎます（Excelファイルとして扱えません）',
        'The file unpacks to far more than any workbook (not accepted)',
      ),
    ]);
  }
  let sheets: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    sheets = await readWorkbook(data);
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    throw uploadRejected([
      uploadIssue(
        { sheet: '', cell: 'A1' },
        'Excelファイル（.xlsx）として読めません',
        'The file is not an .xlsx workbook',
      ),
    ]);
  }
  const { upload, issues } = parseDepartmentWorkbook(sheets);
  if (!upload) throw uploadRejected(issues);
  return applyDepartmentUpload(ctx, actor, target, upload, issues);
}
