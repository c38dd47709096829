// The public face of the reports layer: writers and readers of the exchange formats (PDF, Excel, CSV, JSON).

export { departmentWorkbook, importDepartmentWorkbook } from './department-workbook.ts';
export {
  csvWithBom,
  EDITION_FILE_NAMES,
  EDITION_FILES_AT_START,
  EDITION_FILES_VERSION,
  type EditionFileName,
  type EditionSource,
  editionFile,
  fileBytes,
  fillEditionFiles,
  renderEditionFile,
  storeEditionFiles,
  storePublishedFiles,
} from './edition-files.ts';
export { EditionJson, type ParsedEditionJson, parseEditionJson, writeEditionJson } from './edition-json.ts';
export { editionPdf } from './edition-pdf.ts';
export { type EditionView, editionView } from './edition-view.ts';
export { editionWorkbook } from './edition-workbook.ts';
export {
  type CsvTable,
  type EditionMeta,
  indicatorRows,
  initiativeRows,
  neutralizeCell,
  rollupRows,
  writeCsv,
} from './open-data-csv.ts';
export { type OpenDataMeta, openDataJson } from './open-data-json.ts';
export { buildPdfModel } from './pdf/build-pdf-model.ts';
export { pdfAvailable } from './pdf/pdf-fonts.ts';
export type { PdfBlock, PdfModel, TableModel } from './pdf/pdf-model.ts';
export { type ReportLang, reportText } from './report-text.ts';
export { buildDepartmentWorkbook } from './xlsx/build-department-workbook.ts';
export { buildEditionWorkbook } from './xlsx/build-edition-workbook.ts';
export { importPlanWorkbook, type PlanWorkbookResult, parsePlanWorkbook } from './xlsx/import-plan-workbook.ts';
export { parseDepartmentWorkbook } from './xlsx/parse-department-workbook.ts';
export { type ReadSheet, readWorkbook, WorkbookReadError } from './xlsx/read-workbook.ts';
export type { CellValue, SheetModel, WorkbookModel } from './xlsx/workbook-model.ts';
export { writeWorkbook } from './xlsx/write-workbook.ts';
