import type { CellValue, SheetColumn } from './workbook-model.ts';

/** Points per line of 11 pt text, with the cell's padding; Excel's own default row is 15 pt for one line. */
const LINE_POINTS = 15;
const PADDING_POINTS = 3;
/** Excel's largest row height. */
const MAX_POINTS = 409;

/** Columns a text takes: a full-width character (Japanese, full-width digits) counts 2, others 1. */
export function textColumns(text: string): number {
  let n = 0;
  for (const ch of text)
    n +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 2
        : 1;
  return n;
}

/**
 * The height in points a row needs so that no wrapped cell is cut off or overlaps the next row: the most lines
 * any of its wrapped cells takes at its column's width (each line of the text wraps on its own). A written
 * height is kept as is by both LibreOffice and Excel, so it must be computed, not left to the viewer.
 * @example rowHeight(['あ'.repeat(9)], [{ header: '', width: 10, wrap: true }]) // 18 columns in 9 → 2 lines → 33
 */
export function rowHeight(row: CellValue[], columns: SheetColumn[]): number {
  let most = 1;
  row.forEach((value, i) => {
    const col = columns[i];
    if (!col || col.hidden || value === null) return;
    const text = String(value);
    // A column width counts characters of the default font; keep one for the cell's margins.
    const fits = Math.max(1, col.wrap ? col.width - 1 : Number.POSITIVE_INFINITY);
    const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textColumns(line) / fits)), 0);
    most = Math.max(most, lines);
  });
  return Math.min(MAX_POINTS, most * LINE_POINTS + PADDING_POINTS);
}
