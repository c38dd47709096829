/**
 * The plain model of a printed edition: what goes on which kind of page, in reading order, with no geometry.
 * `buildPdfModel` makes it from an EditionContent; `renderPdf` lays it out with pdfkit. Tables are generic
 * (rows of cells spanning columns) so any plan shape or rating scale prints with the same renderer.
 */

/** How a cell is drawn: labels and headers shaded, rated cells filled, marked ones filled and ticked. */
export type CellRole = 'label' | 'header' | 'value' | 'rated' | 'unrated' | 'emphasis';

export interface TableCell {
  /** Paragraphs, each starting on a new line; wrapped to the cell width. */
  lines: string[];
  /** Columns spanned; 1 when absent. */
  span?: number;
  role?: CellRole;
  align?: 'left' | 'center' | 'right';
  /** Print each paragraph as a list item with a hanging "・". */
  bullets?: boolean;
  small?: boolean;
  /** Wrap between phrases only: headings, titles and 課 names. */
  phrases?: boolean;
  /** Tag the cell's text as this structure type inside the cell (H2 for the initiative's name). */
  structType?: string;
}

export interface TableRow {
  cells: TableCell[];
}

export interface TableModel {
  /** Relative column widths. */
  widths: number[];
  rows: TableRow[];
  /** Rows repeated at the top of each page the table continues on. */
  headerRows?: number;
  /** Keep the whole table on one page when it fits on one. */
  keepTogether?: boolean;
  /** Printed above the table, kept with its first row. */
  caption?: string;
  /** Smaller type and padding, for long lists such as the closing summary. */
  compact?: boolean;
}

export interface TocEntry {
  /** Named destination of the block the entry points to; absent for captions such as "— 40の具体的な取組 —". */
  anchor?: string;
  label: string;
  /** 0 = top level. */
  depth: number;
}

export type PdfBlock =
  | {
      kind: 'cover';
      overline?: string;
      title: string;
      edition?: string;
      organization: string;
    }
  | { kind: 'toc'; heading: string; entries: TocEntry[] }
  | { kind: 'section'; anchor: string; heading: string; paragraphs: string[]; newPage: boolean }
  | { kind: 'divider'; anchor: string; overline: string; title: string; items: TocEntry[] }
  | {
      kind: 'sheet';
      anchor: string;
      /** Ancestors printed above the sheet, e.g. "1 市民対話・情報発信の強化". */
      breadcrumb: string[];
      /** Outline (bookmark) text. */
      outline: string;
      tables: TableModel[];
    }
  | { kind: 'summary'; anchor: string; heading: string; table: TableModel; notes: string[] }
  | { kind: 'colophon'; lines: string[] };

export interface PdfModel {
  meta: { title: string; author: string; subject: string; keywords: string; lang: 'ja' | 'en' };
  blocks: PdfBlock[];
}
