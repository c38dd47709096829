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
import { DEPT_SHEETS } from './xlsx/department-workbook-layout.ts';
import { parseDepartmentWorkbook } from './xlsx/parse-department-workbook.ts';
import { readWorkbook, WorkbookReadError } from './xlsx/read-workbook.ts';
import { workbookReadMessage } from './xlsx/workbook-read-message.ts';
import { writeWorkbook } from './xlsx/write-workbook.ts';
import { ZIP_LIMITS } from './xlsx/zip-entries.ts';

/**
 * A 課 workbook holds one 課's initiatives: its parts unpack to well under 1 MB even for a large city, so 8 MB
 * leaves room for a messy file while keeping the time one upload takes to read small.
 */
export const UPLOAD_ZIP_LIMITS = { ...ZIP_LIMITS, maxUnpackedBytes: 8 * 1024 * 1024 };

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
  let sheets: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    // Only the sheets the layout reads (the guide sheet is not even unpacked).
    sheets = await readWorkbook(data, {
      sheets: [
        DEPT_SHEETS.meta,
        DEPT_SHEETS.items,
        DEPT_SHEETS.indicators,
        DEPT_SHEETS.itemsBase,
        DEPT_SHEETS.indicatorsBase,
      ],
      zipLimits: UPLOAD_ZIP_LIMITS,
    });
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    const message = workbookReadMessage(e);
    throw uploadRejected([uploadIssue(e.at, message.ja, message.en)]);
  }
  const { upload, issues } = parseDepartmentWorkbook(sheets, { fy: target.fy });
  if (!upload) throw uploadRejected(issues);
  return applyDepartmentUpload(ctx, actor, target, upload, issues);
}
