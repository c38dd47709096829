import type PDFKitDocument from 'pdfkit';

type PdfDocumentClass = typeof PDFKitDocument;
let pdfDocumentClass: PdfDocumentClass | undefined;

/** pdfkit is loaded on the first PDF, so starting the server does not pay for it. */
export async function loadPdfKit(): Promise<PdfDocumentClass> {
  pdfDocumentClass ??= (await import('pdfkit')).default;
  return pdfDocumentClass;
}

import type { Measure, TableStyle } from './layout-table.ts';
import type { PdfFonts } from './pdf-fonts.ts';
import type { CellRole } from './pdf-model.ts';

/** Colours from the デジタル庁 design tokens (Blue 50/100/600, neutral greys). */
export const COLORS = {
  text: '#1a1a1c',
  muted: '#626264',
  accent: '#3460fb',
  border: '#949497',
  fill: { label: '#e8f1fe', header: '#d9e6ff', rated: '#3460fb' } as Partial<Record<CellRole, string>>,
};

export const TABLE_STYLE: TableStyle = { fontSize: 9, smallSize: 7.5, leading: 1.5, padX: 4, padY: 3 };
export const COMPACT_TABLE_STYLE: TableStyle = { fontSize: 8, smallSize: 7, leading: 1.3, padX: 3, padY: 2 };

export interface TextOptions {
  size: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  /** Extra indent of every line. */
  indent?: number;
  leading?: number;
}

/**
 * A pdfkit document with a cursor: flowing text and tables that break across pages at whole lines. All text is
 * placed line by line from our own wrapping, so nothing is ever dropped or silently pushed onto a new page.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left = 56;
  readonly top = 56;
  readonly width: number;
  readonly bottom: number;
  y = this.top;
  private readonly widths = new Map<string, number>();

  constructor(options: { PDFDocument: PdfDocumentClass; fonts: PdfFonts; info: PDFKit.DocumentInfo; lang: string }) {
    this.doc = new options.PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 56, right: 56 },
      bufferPages: true,
      autoFirstPage: true,
      info: options.info,
      lang: options.lang,
      displayTitle: true,
      pdfVersion: '1.7',
    });
    // pdfkit accepts a parsed fontkit font where its types only name paths and buffers.
    this.doc.registerFont('regular', options.fonts.regular as never);
    this.doc.registerFont('bold', options.fonts.bold as never);
    this.width = this.doc.page.width - this.left * 2;
    this.bottom = this.doc.page.height - 64;
  }

  /** Width of text at font size 1; glyph widths are cached per character. */
  readonly measure: Measure = (text, bold) => {
    let w = 0;
    for (const ch of text) {
      const key = bold ? `b${ch}` : ch;
      let cw = this.widths.get(key);
      if (cw === undefined) {
        cw =
          this.doc
            .font(bold ? 'bold' : 'regular')
            .fontSize(100)
            .widthOfString(ch) / 100;
        this.widths.set(key, cw);
      }
      w += cw;
    }
    return w;
  };

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  get pageIndex(): number {
    return this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1;
  }

  /** Moves to a new page unless `height` still fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  /** Draws one already-wrapped line at the cursor's page position without moving the cursor. */
  line(text: string, x: number, y: number, o: TextOptions & { width?: number }): void {
    if (!text) return;
    let dx = 0;
    if (o.align && o.align !== 'left' && o.width !== undefined) {
      const w = this.measure(text, Boolean(o.bold)) * o.size;
      dx = o.align === 'center' ? (o.width - w) / 2 : o.width - w;
    }
    this.doc
      .font(o.bold ? 'bold' : 'regular')
      .fontSize(o.size)
      .fillColor(o.color ?? COLORS.text)
      .text(text, x + dx, y, { lineBreak: false });
  }
}
