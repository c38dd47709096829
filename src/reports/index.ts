// The public face of the reports layer: writers and readers of the exchange formats (PDF, Excel, CSV, JSON).

export { editionPdf } from './edition-pdf.ts';
export { type EditionView, editionView } from './edition-view.ts';
export { type CsvTable, type EditionMeta, indicatorRows, initiativeRows, neutralizeCell, writeCsv } from './open-data-csv.ts';
export { buildPdfModel } from './pdf/build-pdf-model.ts';
export { pdfAvailable } from './pdf/pdf-fonts.ts';
export type { PdfBlock, PdfModel, TableModel } from './pdf/pdf-model.ts';
export { type ReportLang, reportText } from './report-text.ts';
