import type { TableStyle } from './layout-table.ts';
import { type LaidRow, layoutTable, lineHeight, splitRow } from './layout-table.ts';
import type { TableModel } from './pdf-model.ts';
import { COLORS, COMPACT_TABLE_STYLE, type PdfWriter, TABLE_STYLE } from './pdf-writer.ts';

/** Rows shorter than this share of a page move whole to the next page rather than split. */
const SPLIT_THRESHOLD = 0.25;

function drawRow(w: PdfWriter, row: LaidRow, style: TableStyle): void {
  const { doc } = w;
  const y = w.y;
  for (const cell of row.cells) {
    const x = w.left + cell.x;
    const fill = COLORS.fill[cell.role];
    doc.lineWidth(0.5).rect(x, y, cell.width, row.height);
    if (fill) doc.fillAndStroke(fill, COLORS.border);
    else doc.stroke(COLORS.border);
    const lh = lineHeight(style, cell.size);
    // Labels, headers and centred cells sit in the middle of the row; text cells start at the top.
    const centred = cell.role === 'label' || cell.role === 'header' || cell.align === 'center';
    const used = cell.lines.length * lh;
    const top = centred ? y + (row.height - used) / 2 : y + style.padY;
    const color = cell.role === 'rated' ? '#ffffff' : COLORS.text;
    cell.lines.forEach((line, i) => {
      const lx = x + style.padX + line.indent;
      w.line(line.text, lx, top + i * lh + (lh - cell.size * 1.45) / 2, {
        size: cell.size,
        bold: cell.bold,
        color,
        align: cell.align,
        width: cell.width - style.padX * 2 - line.indent,
      });
    });
  }
  w.y += row.height;
}

/**
 * Draws a table from the cursor. Rows that do not fit move to the next page (repeating the header rows), and
 * rows too tall for that are split at a line, so long cells continue on the next page without losing text.
 */
export function drawTable(w: PdfWriter, table: TableModel, continued: string, gapAfter = 10): void {
  const style = table.compact ? COMPACT_TABLE_STYLE : TABLE_STYLE;
  const rows = layoutTable(table, w.width, w.measure, style);
  const headerCount = table.headerRows ?? 0;
  const headers = rows.slice(0, headerCount);
  const captionHeight = table.caption ? 18 : 0;
  const pageHeight = w.bottom - w.top;
  const total = rows.reduce((s, r) => s + r.height, captionHeight);
  const firstRows = rows.slice(0, headerCount + 1).reduce((s, r) => s + r.height, captionHeight);
  if (table.keepTogether && total <= pageHeight) w.ensure(total);
  else w.ensure(Math.min(firstRows, pageHeight));
  if (table.caption) {
    w.line(table.caption, w.left, w.y + 2, { size: 10, bold: true });
    w.y += captionHeight;
  }
  const breakPage = () => {
    w.newPage();
    for (const h of headers) drawRow(w, h, style);
  };
  rows.forEach((laid, index) => {
    let row: LaidRow | undefined = laid;
    while (row) {
      if (w.y + row.height <= w.bottom) {
        drawRow(w, row, style);
        break;
      }
      const fresh = w.y <= w.top + headers.reduce((s, h) => s + h.height, 0) + 0.5;
      if (!fresh && (row.height <= pageHeight * SPLIT_THRESHOLD || index < headerCount)) {
        breakPage();
        continue;
      }
      const parts = splitRow(row, w.bottom - w.y, style, continued);
      if (!parts) {
        if (fresh) {
          drawRow(w, row, style); // cannot happen with sane styles; drawing beats looping forever
          break;
        }
        breakPage();
        continue;
      }
      drawRow(w, parts[0], style);
      breakPage();
      row = parts[1];
    }
  });
  w.y += gapAfter;
}
