import type PDFKitDocument from 'pdfkit';

type PdfDocumentClass = typeof PDFKitDocument;
let pdfDocumentClass: PdfDocumentClass | undefined;

/** pdfkit is loaded on the first PDF, so starting the server does not pay for it. */
export async function loadPdfKit(): Promise<PdfDocumentClass> {
  pdfDocumentClass ??= (await import('pdfkit')).default;
  return pdfDocumentClass;
}

import type { Segmenter } from '../phrases.ts';
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

/** A node of the PDF's structure tree (tagged PDF), e.g. H1, P, Table, TD, L. */
export type StructElement = PDFKit.PDFStructureElement;

export interface TextOptions {
  /** The structure element the text belongs to; text without one is marked as an artifact. */
  tag?: StructElement;
  /** Break lines only between phrases (headings, names), not anywhere. */
  phrases?: boolean;
  /** The kind of artifact text without a tag is (page numbers are Pagination). */
  artifact?: 'Pagination' | 'Layout';
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
 * The document is tagged: every line is marked content of a structure element (in reading order under
 * `root`), and what is not content (rules, cell fills, page numbers, repeated table headers) is an artifact, so
 * a screen reader reads the plan and nothing else.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left = 56;
  readonly top = 56;
  readonly width: number;
  readonly bottom: number;
  y = this.top;
  /** The Document element: every structure element hangs below it in reading order. */
  readonly root: StructElement;
  private readonly widths = new Map<string, number>();
  private open: { key: StructElement | string; page: PDFKit.PDFPage } | undefined;

  /** Phrase boundaries for text wrapped by phrase (see TextOptions.phrases). */
  readonly segment: Segmenter | undefined;

  constructor(options: {
    PDFDocument: PdfDocumentClass;
    fonts: PdfFonts;
    info: PDFKit.DocumentInfo;
    lang: string;
    segment?: Segmenter;
  }) {
    this.segment = options.segment;
    this.doc = new options.PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 56, right: 56 },
      bufferPages: true,
      autoFirstPage: true,
      info: options.info,
      lang: options.lang,
      displayTitle: true,
      pdfVersion: '1.7',
      tagged: true,
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
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

  /**
   * A new structure element appended to `parent` (the document when absent). `attributes` go into its /A
   * dictionary as PDF table attributes (Scope, ColSpan).
   */
  struct(type: string, parent: StructElement = this.root, attributes?: Record<string, unknown>): StructElement {
    const element = this.doc.struct(type);
    if (attributes) {
      // pdfkit's options know Scope only; ColSpan goes into the same Table attribute object.
      (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
        O: 'Table',
        ...attributes,
      };
    }
    parent.add(element);
    return element;
  }

  /**
   * Draws as marked content of `element` (tagged), or as an artifact when there is none. Consecutive drawings
   * of the same element (the lines of a paragraph or cell) on one page share one marked-content sequence: fewer
   * MCIDs and objects keep the file small and fast to write.
   */
  marked(element: StructElement | undefined, draw: () => void, artifactType?: 'Pagination' | 'Layout'): void {
    const key = element ?? artifactType ?? 'Artifact';
    if (this.open?.key !== key || this.open.page !== this.doc.page) {
      this.closeMarked();
      if (element) {
        const type = (element as unknown as { dictionary: { data: { S: string } } }).dictionary.data.S;
        element.add(this.doc.markStructureContent(type));
      } else {
        this.doc.markContent('Artifact', artifactType ? { type: artifactType } : undefined);
      }
      this.open = { key, page: this.doc.page };
    }
    draw();
  }

  /** Ends the open marked-content sequence; before changing pages and at the end of the document. */
  closeMarked(): void {
    if (!this.open) return;
    this.doc.endMarkedContent();
    this.open = undefined;
  }

  switchToPage(index: number): void {
    this.closeMarked();
    this.doc.switchToPage(index);
  }

  newPage(): void {
    this.closeMarked();
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
    this.marked(
      o.tag,
      () => {
        this.doc
          .font(o.bold ? 'bold' : 'regular')
          .fontSize(o.size)
          .fillColor(o.color ?? COLORS.text)
          .text(text, x + dx, y, { lineBreak: false });
      },
      o.artifact,
    );
  }
}
