/**
 * A plain description of a workbook (sheets, columns, rows of values) that `writeWorkbook` turns into .xlsx with
 * exceljs. Builders stay pure and testable; only the writer knows the library.
 */
export type CellValue = string | number | null;

export type Validation =
  | { kind: 'list'; options: string[]; message: { ja: string; en: string } }
  | { kind: 'decimal'; min?: number; max?: number; message: { ja: string; en: string } };

export interface SheetColumn {
  header: string;
  /** Width in characters (a full-width character counts about 2). */
  width: number;
  hidden?: boolean;
  /** Wrap long text; multi-line cells (one item per line) need it. */
  wrap?: boolean;
  /** Cells below the header that a protected sheet still lets people type into. */
  entry?: boolean;
  validation?: Validation;
  /** Number format, e.g. "0.0". */
  numFmt?: string;
}

export interface SheetModel {
  /** ≤31 characters, none of * ? : \ / [ ] (Excel's rules); see `safeSheetName`. */
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
  freezeHeader?: boolean;
  autoFilter?: boolean;
  /** Lock every cell except `entry` columns (no password: it guards against slips, the server checks all). */
  protect?: boolean;
  hidden?: boolean;
  /** Cells outside the entry columns painted like entry cells (a colour legend), e.g. "A5". */
  entryCells?: string[];
  /**
   * Print on A4 landscape, as wide as one page, repeating the first `titleRows` rows on every page; rows are
   * made as tall as their wrapped text (LibreOffice and Excel do not grow a row written with a height).
   */
  print?: { titleRows: number };
}

export interface WorkbookModel {
  title: string;
  creator: string;
  sheets: SheetModel[];
}

const FORBIDDEN = /[*?:\\/[\]]/g;

/**
 * A sheet name Excel accepts: forbidden characters become full-width look-alikes and the name is cut to 31
 * characters (by code point, so a Japanese name is never split inside a surrogate pair).
 * @example safeSheetName('評価: 令和4年度/当初') // "評価： 令和4年度／当初"
 */
export function safeSheetName(name: string): string {
  const map: Record<string, string> = { '*': '＊', '?': '？', ':': '：', '\\': '＼', '/': '／', '[': '［', ']': '］' };
  const cleaned = name
    .replace(FORBIDDEN, (c) => map[c] ?? '_')
    .replace(/^'|'$/g, '’')
    .trim();
  return [...(cleaned || 'Sheet')].slice(0, 31).join('');
}

/** Spreadsheet column letters: 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
