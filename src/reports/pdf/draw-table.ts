import type { TableStyle } from './layout-table.ts';
import { BULLET, type LaidCell, type LaidRow, layoutTable, lineHeight, splitRow } from './layout-table.ts';
import type { TableModel } from './pdf-model.ts';
import { COLORS, COMPACT_TABLE_STYLE, type PdfWriter, type StructElement, TABLE_STYLE } from './pdf-writer.ts';

/** Rows shorter than this share of a page move whole to the next page rather than split. */
const SPLIT_THRESHOLD = 0.25;

/**
 * The structure elements of one cell: its TH/TD and, made when first needed, the element its text is tagged
 * with (H2), or its list (L) with an LI, Lbl and LBody per item. A row split across pages keeps its elements.
 */
class CellTags {
  private inner: StructElement | undefined;
  private readonly items = new Map<number, { label: StructElement; body: StructElement }>();
  constructor(
    private readonly w: PdfWriter,
    readonly cell: StructElement,
    private readonly laid: LaidCell,
  ) {}

  text(): StructElement {
    if (!this.laid.structType) return this.cell;
    this.inner ??= this.w.struct(this.laid.structType, this.cell);
    return this.inner;
  }

  item(paragraph: number): { label: StructElement; body: StructElement } {
    let item = this.items.get(paragraph);
    if (!item) {
      this.inner ??= this.w.struct('L', this.cell);
      const li = this.w.struct('LI', this.inner);
      item = { label: this.w.struct('Lbl', li), body: this.w.struct('LBody', li) };
      this.items.set(paragraph, item);
    }
    return item;
  }
}

/** A TR with a TH (labels and headers, with their scope) or TD per cell, ColSpan where a cell spans columns. */
function rowTags(w: PdfWriter, table: StructElement, row: LaidRow): CellTags[] {
  const tr = w.struct('TR', table);
  return row.cells.map((cell) => {
    const header = cell.role === 'label' || cell.role === 'header';
    const attributes: Record<string, unknown> = {};
    if (header) attributes.Scope = cell.role === 'label' ? 'Row' : 'Column';
    if (cell.span > 1) attributes.ColSpan = cell.span;
    const element = w.struct(header ? 'TH' : 'TD', tr, Object.keys(attributes).length > 0 ? attributes : undefined);
    return new CellTags(w, element, cell);
  });
}

/** Draws a row; without `tags` (a header repeated on a new page) all of it is an artifact. */
function drawRow(w: PdfWriter, row: LaidRow, style: TableStyle, tags?: CellTags[]): void {
  const { doc } = w;
  const y = w.y;
  w.marked(undefined, () => {
    for (const cell of row.cells) {
      const fill = COLORS.fill[cell.role];
      doc.lineWidth(0.5).rect(w.left + cell.x, y, cell.width, row.height);
      if (fill) doc.fillAndStroke(fill, COLORS.border);
      else doc.stroke(COLORS.border);
    }
  });
  row.cells.forEach((cell, c) => {
    const x = w.left + cell.x;
    const cellTags = cell.continued ? undefined : tags?.[c];
    const lh = lineHeight(style, cell.size);
    // Labels, headers and centred cells sit in the middle of the row; text cells start at the top.
    const centred = cell.role === 'label' || cell.role === 'header' || cell.align === 'center';
    const used = cell.lines.length * lh;
    const top = centred ? y + (row.height - used) / 2 : y + style.padY;
    const color = cell.role === 'rated' ? '#ffffff' : COLORS.text;
    cell.lines.forEach((line, i) => {
      const lx = x + style.padX + line.indent;
      const o = {
        size: cell.size,
        bold: cell.bold,
        color,
        align: cell.align,
        width: cell.width - style.padX * 2 - line.indent,
      };
      const ly = top + i * lh + (lh - cell.size * 1.45) / 2;
      if (!cellTags || !cell.bullets) {
        w.line(line.text, lx, ly, { ...o, ...(cellTags && { tag: cellTags.text() }) });
        return;
      }
      // A list item: "・" is its label, the text its body, so a reader announces a list of separate points.
      const item = cellTags.item(line.paragraph);
      if (!line.bullet) {
        w.line(line.text, lx, ly, { ...o, tag: item.body });
        return;
      }
      const labelWidth = w.measure(BULLET, cell.bold) * cell.size;
      w.line(BULLET, lx, ly, { ...o, tag: item.label });
      w.line(line.text.slice(BULLET.length), lx + labelWidth, ly, {
        ...o,
        width: o.width - labelWidth,
        tag: item.body,
      });
    });
  });
  w.y += row.height;
}

/**
 * Draws a table from the cursor. Rows that do not fit move to the next page (repeating the header rows), and
 * rows too tall for that are split at a line, so long cells continue on the next page without losing text.
 */
export function drawTable(w: PdfWriter, table: TableModel, continued: string, parent: StructElement = w.root): void {
  const gapAfter = 10;
  const element = w.struct('Table', parent);
  const style = table.compact ? COMPACT_TABLE_STYLE : TABLE_STYLE;
  const rows = layoutTable(table, w.width, w.measure, style, w.segment);
  const headerCount = table.headerRows ?? 0;
  const headers = rows.slice(0, headerCount);
  const captionHeight = table.caption ? 18 : 0;
  const pageHeight = w.bottom - w.top;
  const total = rows.reduce((s, r) => s + r.height, captionHeight);
  const firstRows = rows.slice(0, headerCount + 1).reduce((s, r) => s + r.height, captionHeight);
  if (table.keepTogether && total <= pageHeight) w.ensure(total);
  else w.ensure(Math.min(firstRows, pageHeight));
  if (table.caption) {
    w.line(table.caption, w.left, w.y + 2, { size: 10, bold: true, tag: w.struct('Caption', element) });
    w.y += captionHeight;
  }
  const breakPage = () => {
    w.newPage();
    for (const h of headers) drawRow(w, h, style);
  };
  rows.forEach((laid, index) => {
    const tags = rowTags(w, element, laid);
    let row: LaidRow | undefined = laid;
    while (row) {
      if (w.y + row.height <= w.bottom) {
        drawRow(w, row, style, tags);
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
          drawRow(w, row, style, tags); // cannot happen with sane styles; drawing beats looping forever
          break;
        }
        breakPage();
        continue;
      }
      drawRow(w, parts[0], style, tags);
      breakPage();
      row = parts[1];
    }
  });
  w.y += gapAfter;
}
