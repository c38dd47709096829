import type { PdfWriter, TextOptions } from './pdf-writer.ts';
import { wrapText } from './wrap-text.ts';

/** Height of a paragraph once wrapped to the writer's width. */
export function paragraphHeight(w: PdfWriter, text: string, o: TextOptions): number {
  const width = w.width - (o.indent ?? 0);
  const lines = wrapText(text, width, (s) => w.measure(s, Boolean(o.bold)) * o.size, o.phrases ? w.segment : undefined);
  return lines.length * o.size * (o.leading ?? 1.6);
}

/**
 * Flows a paragraph from the cursor, line by line, starting a new page whenever the next line would cross the
 * bottom margin. Returns the page index and y of its first line (for link targets).
 */
export function drawParagraph(w: PdfWriter, text: string, o: TextOptions): { page: number; y: number } {
  const indent = o.indent ?? 0;
  const width = w.width - indent;
  const lh = o.size * (o.leading ?? 1.6);
  const lines = wrapText(text, width, (s) => w.measure(s, Boolean(o.bold)) * o.size, o.phrases ? w.segment : undefined);
  let first: { page: number; y: number } | undefined;
  for (const line of lines) {
    w.ensure(lh);
    first ??= { page: w.pageIndex, y: w.y };
    w.line(line, w.left + indent, w.y + (lh - o.size * 1.45) / 2, { ...o, width });
    w.y += lh;
  }
  return first ?? { page: w.pageIndex, y: w.y };
}
