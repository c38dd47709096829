import type { CellRole, TableModel } from './pdf-model.ts';
import { wrapText } from './wrap-text.ts';

export interface TableStyle {
  fontSize: number;
  smallSize: number;
  /** Line height as a multiple of the font size. */
  leading: number;
  padX: number;
  padY: number;
}

export interface LaidCell {
  x: number;
  width: number;
  role: CellRole;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  size: number;
  /** Columns spanned (for the ColSpan attribute of the tagged cell). */
  span: number;
  /** Structure type the text is tagged with inside the cell, e.g. H2 for an initiative's name. */
  structType?: string;
  /** Paragraphs are list items (a tagged list). */
  bullets: boolean;
  /** Each line with its paragraph; `bullet` marks the first line of a list item (its text starts with "・"). */
  lines: LaidLine[];
  /** Indexes of lines that end a paragraph: preferred places to split a row across pages. */
  paragraphEnds: number[];
  /** A label repeated on the next page with "（続き）": drawn as an artifact, it was read once already. */
  continued?: boolean;
}

export interface LaidLine {
  text: string;
  indent: number;
  paragraph: number;
  bullet?: boolean;
}

export interface LaidRow {
  cells: LaidCell[];
  height: number;
}

/** Measures text at font size 1. */
export type Measure = (text: string, bold: boolean) => number;

export const BULLET = '・';

export function lineHeight(style: TableStyle, size: number): number {
  return size * style.leading;
}

function rowHeight(cells: LaidCell[], style: TableStyle): number {
  const inner = Math.max(
    ...cells.map((c) => c.lines.length * lineHeight(style, c.size)),
    lineHeight(style, style.fontSize),
  );
  return inner + style.padY * 2;
}

/**
 * Places a table's cells in columns and wraps their text, giving each row its height. Pure: the caller's
 * `measure` supplies glyph widths, so tests run without a PDF.
 */
export function layoutTable(
  table: TableModel,
  width: number,
  measure: Measure,
  style: TableStyle,
  segment?: (text: string) => string[],
): LaidRow[] {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const colX = [0];
  for (const w of table.widths) colX.push(colX[colX.length - 1]! + (w / total) * width);
  return table.rows.map((row) => {
    let col = 0;
    const cells = row.cells.map((cell): LaidCell => {
      const span = cell.span ?? 1;
      const x = colX[col]!;
      const cellWidth = colX[Math.min(col + span, colX.length - 1)]! - x;
      col += span;
      const role = cell.role ?? 'value';
      const bold = role === 'header' || role === 'emphasis';
      const size = cell.small ? style.smallSize : style.fontSize;
      const inner = Math.max(cellWidth - style.padX * 2, size);
      const m = (s: string) => measure(s, bold) * size;
      const lines: LaidCell['lines'] = [];
      const paragraphEnds: number[] = [];
      const bulletWidth = m(BULLET);
      const seg = cell.phrases ? segment : undefined;
      cell.lines.forEach((text, paragraph) => {
        if (cell.bullets) {
          wrapText(text, inner - bulletWidth, m, seg).forEach((part, i) => {
            lines.push(
              i === 0
                ? { text: `${BULLET}${part}`, indent: 0, paragraph, bullet: true }
                : { text: part, indent: bulletWidth, paragraph },
            );
          });
        } else {
          for (const part of wrapText(text, inner, m, seg)) lines.push({ text: part, indent: 0, paragraph });
        }
        paragraphEnds.push(lines.length - 1);
      });
      return {
        x,
        width: cellWidth,
        role,
        align: cell.align ?? 'left',
        bold,
        size,
        span,
        bullets: Boolean(cell.bullets),
        ...(cell.structType && { structType: cell.structType }),
        lines,
        paragraphEnds,
      };
    });
    return { cells, height: rowHeight(cells, style) };
  });
}

/**
 * Splits a row so its first part fits in `available` points: value cells give the lines that fit (ending at
 * a paragraph when one ends late enough), labels are repeated on the rest with `continued` added.
 * Returns undefined when not even one line fits.
 */
export function splitRow(
  row: LaidRow,
  available: number,
  style: TableStyle,
  continued: string,
): [LaidRow, LaidRow] | undefined {
  const inner = available - style.padY * 2;
  const first: LaidCell[] = [];
  const rest: LaidCell[] = [];
  let any = false;
  for (const cell of row.cells) {
    const lh = lineHeight(style, cell.size);
    const fit = Math.floor(inner / lh + 1e-6);
    if (fit < 1) return undefined;
    if (cell.role === 'label' || cell.role === 'header') {
      if (cell.lines.length > fit) return undefined;
      first.push(cell);
      rest.push({
        ...cell,
        lines: [...cell.lines, { text: continued, indent: 0, paragraph: cell.lines.at(-1)?.paragraph ?? 0 }],
        paragraphEnds: [],
        continued: true,
      });
      continue;
    }
    if (cell.lines.length <= fit) {
      first.push(cell);
      rest.push({ ...cell, lines: [], paragraphEnds: [] });
      continue;
    }
    // Prefer ending the first part at a paragraph end in the lower half of what fits, so items stay whole.
    const atParagraph = cell.paragraphEnds.filter((e) => e + 1 <= fit && e + 1 >= fit / 2).at(-1);
    const take = atParagraph !== undefined ? atParagraph + 1 : fit;
    any = true;
    first.push({
      ...cell,
      lines: cell.lines.slice(0, take),
      paragraphEnds: cell.paragraphEnds.filter((e) => e < take),
    });
    rest.push({
      ...cell,
      lines: cell.lines.slice(take),
      paragraphEnds: cell.paragraphEnds.filter((e) => e >= take).map((e) => e - take),
    });
  }
  if (!any) return undefined;
  return [
    { cells: first, height: rowHeight(first, style) },
    { cells: rest, height: rowHeight(rest, style) },
  ];
}
