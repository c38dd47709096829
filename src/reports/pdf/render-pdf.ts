import { loadPhrases } from '../phrases.ts';
import { reportText } from '../report-text.ts';
import { drawTable } from './draw-table.ts';
import { drawParagraph } from './draw-text.ts';
import { loadPdfFonts } from './pdf-fonts.ts';
import type { PdfBlock, PdfModel, TocEntry } from './pdf-model.ts';
import { COLORS, loadPdfKit, PdfWriter, type StructElement } from './pdf-writer.ts';
import { wrapText } from './wrap-text.ts';

const TOC = { size: 10, leading: 1.7, indent: 14, numberWidth: 40, headingSpace: 40 };

/** Contents lines per page, laid out before the body so its pages can be reserved and filled in at the end. */
function paginateToc(w: PdfWriter, entries: TocEntry[]) {
  const lh = TOC.size * TOC.leading;
  const pages: { entry: TocEntry; lines: string[]; y: number }[][] = [[]];
  let y = w.top + TOC.headingSpace;
  for (const entry of entries) {
    const width = w.width - TOC.numberWidth - entry.depth * TOC.indent;
    const lines = wrapText(entry.label, width, (s) => w.measure(s, entry.depth === 0) * TOC.size, w.segment);
    const height = lines.length * lh + (entry.depth === 0 ? 4 : 0);
    if (y + height > w.bottom) {
      pages.push([]);
      y = w.top;
    }
    pages[pages.length - 1]!.push({ entry, lines, y });
    y += height;
  }
  return pages;
}

/** The contents' structure elements, made where the contents stand in reading order and filled in last. */
interface TocTags {
  heading: StructElement;
  toc: StructElement;
}

function drawToc(
  w: PdfWriter,
  heading: string,
  pages: ReturnType<typeof paginateToc>,
  firstPage: number,
  numbers: Map<string, number>,
  tags: TocTags,
) {
  const lh = TOC.size * TOC.leading;
  pages.forEach((items, p) => {
    w.switchToPage(firstPage + p);
    if (p === 0) w.line(heading, w.left, w.top, { size: 16, bold: true, tag: tags.heading });
    for (const { entry, lines, y } of items) {
      const x = w.left + entry.depth * TOC.indent;
      const bold = entry.depth === 0;
      const n = entry.anchor ? numbers.get(entry.anchor) : undefined;
      const item = w.struct('TOCI', tags.toc);
      // An entry with a page is a link to its block (Link holds its text and the annotation, as PDF/UA asks).
      const text = w.struct(n === undefined ? 'P' : 'Link', item);
      lines.forEach((line, i) => {
        w.line(line, x, y + i * lh, {
          size: TOC.size,
          bold,
          color: entry.anchor ? COLORS.text : COLORS.muted,
          tag: text,
        });
      });
      if (n !== undefined && entry.anchor) {
        const lastY = y + (lines.length - 1) * lh;
        w.line(String(n), w.left, lastY, { size: TOC.size, bold, align: 'right', width: w.width, tag: text });
        w.doc.goTo(x, y, w.left + w.width - x, lines.length * lh, entry.anchor, {
          structParent: text,
          Contents: new String(`${entry.label} ${n}`),
        } as never);
      }
      // Ended on its own page, so the link's object reference names this page.
      item.end();
    }
  });
}

interface BlockContext {
  model: PdfModel;
  /** The Sect of the section or goal being drawn: its sheets go in it. */
  sect: StructElement;
  /** Last bookmark per depth, so sheets nest under their goal. */
  outline: PDFKit.PDFOutline[];
  /** Page index where each anchor starts. */
  anchors: Map<string, number>;
  /** Page index of the colophon's back page, which has no page number. */
  backPage?: number;
}

function drawBlock(w: PdfWriter, block: PdfBlock, context: BlockContext) {
  const { model, outline, anchors } = context;
  const newSect = () => {
    context.sect = w.struct('Sect');
    return context.sect;
  };
  const t = reportText(model.meta.lang);
  const mark = (anchor: string) => {
    w.doc.addNamedDestination(anchor, 'XYZ', null, null, null);
    anchors.set(anchor, w.pageIndex);
  };
  switch (block.kind) {
    case 'cover': {
      const center = { align: 'center' as const, width: w.width };
      if (block.overline) {
        w.line(block.overline, w.left, 250, { size: 14, color: COLORS.muted, ...center, tag: w.struct('P') });
      }
      w.marked(undefined, () => w.doc.rect(w.left, 280, w.width, 2).fill(COLORS.accent));
      w.y = 300;
      // Shrink a long title to one line down to 18 pt rather than leave one character on a line of its own.
      const size = Math.max(18, Math.min(26, (w.width - 2) / w.measure(block.title, true)));
      drawParagraph(w, block.title, {
        size,
        bold: true,
        align: 'center',
        leading: 1.5,
        phrases: true,
        tag: w.struct('H1'),
      });
      w.marked(undefined, () => w.doc.rect(w.left, w.y + 10, w.width, 2).fill(COLORS.accent));
      if (block.edition) w.line(block.edition, w.left, w.y + 40, { size: 18, ...center, tag: w.struct('P') });
      w.line(block.organization, w.left, 640, { size: 18, bold: true, ...center, tag: w.struct('P') });
      return;
    }
    case 'section': {
      if (block.newPage) w.newPage();
      else w.ensure(60);
      mark(block.anchor);
      outline[0] = w.doc.outline.addItem(block.heading);
      const sect = newSect();
      w.y += 4;
      drawParagraph(w, block.heading, { size: 14, bold: true, phrases: true, tag: w.struct('H1', sect) });
      w.y += 6;
      for (const p of block.paragraphs) {
        drawParagraph(w, `\u3000${p}`, { size: 10.5, leading: 1.8, tag: w.struct('P', sect) });
        w.y += 6;
      }
      w.y += 14;
      return;
    }
    case 'divider': {
      w.newPage();
      mark(block.anchor);
      outline[0] = w.doc.outline.addItem(block.overline ? `${block.overline} ${block.title}` : block.title);
      const sect = newSect();
      // Overline and title are one heading: "基本目標 1 市民対話・情報発信の強化".
      const heading = w.struct('H1', sect);
      w.y = 230;
      if (block.overline) {
        drawParagraph(w, block.overline, { size: 16, bold: true, color: COLORS.accent, tag: heading });
        w.y += 6;
      }
      drawParagraph(w, block.title, { size: 22, bold: true, leading: 1.4, phrases: true, tag: heading });
      w.marked(undefined, () => w.doc.rect(w.left, w.y + 8, w.width, 2).fill(COLORS.accent));
      w.y += 36;
      const list = block.items.length > 0 ? w.struct('L', sect) : undefined;
      for (const item of block.items) {
        const body = w.struct('LBody', w.struct('LI', list));
        drawParagraph(w, item.label, { size: 11, indent: item.depth * 16, leading: 1.8, phrases: true, tag: body });
      }
      return;
    }
    case 'sheet': {
      w.newPage();
      mark(block.anchor);
      const parent = outline[block.breadcrumb.length - 1];
      outline[block.breadcrumb.length] = (parent ?? w.doc.outline).addItem(block.outline);
      const sect = w.struct('Sect', context.sect);
      if (block.breadcrumb.length > 0) {
        drawParagraph(w, block.breadcrumb.join(' ＞ '), {
          size: 8.5,
          color: COLORS.muted,
          phrases: true,
          tag: w.struct('P', sect),
        });
        w.y += 4;
      }
      for (const table of block.tables) drawTable(w, table, t.continued, sect);
      return;
    }
    case 'summary': {
      w.newPage();
      mark(block.anchor);
      outline[0] = w.doc.outline.addItem(block.heading);
      const sect = newSect();
      drawParagraph(w, block.heading, { size: 14, bold: true, phrases: true, tag: w.struct('H1', sect) });
      w.y += 6;
      drawTable(w, block.table, t.continued, sect);
      for (const note of block.notes) {
        drawParagraph(w, note, { size: 8.5, color: COLORS.muted, tag: w.struct('P', sect) });
      }
      return;
    }
    case 'colophon': {
      // The back page, as in the printed plan: the colophon at its foot and no page number.
      const lh = 10 * 1.8;
      w.newPage();
      context.backPage = w.pageIndex;
      w.y = w.bottom - lh * block.lines.length;
      for (const line of block.lines) drawParagraph(w, line, { size: 10, align: 'right', tag: w.struct('P') });
      return;
    }
    case 'toc':
      return;
  }
}

export interface RenderPdfOptions {
  /**
   * The document's creation date; pass the edition's publication time so the same edition always gives the same
   * bytes (the file id derives from it). Defaults to now.
   */
  createdAt?: Date;
}

/**
 * Draws a PdfModel to a PDF: A4, Noto Sans JP embedded as a subset, real page numbers in the contents (its
 * pages are reserved first and filled in last), bookmarks, document metadata, and page numbers in the footer.
 */
export async function renderPdf(model: PdfModel, options: RenderPdfOptions = {}): Promise<Buffer> {
  const { meta } = model;
  const w = new PdfWriter({
    PDFDocument: await loadPdfKit(),
    segment: await loadPhrases(),
    fonts: loadPdfFonts(),
    lang: meta.lang === 'en' ? 'en' : 'ja-JP',
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: 'Shinchoku',
      ...(options.createdAt && { CreationDate: options.createdAt }),
    },
  });
  const chunks: Buffer[] = [];
  w.doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    w.doc.on('end', () => resolve());
    w.doc.on('error', reject);
  });
  const context: BlockContext = { model, sect: w.root, outline: [], anchors: new Map() };
  let toc:
    | {
        block: Extract<PdfBlock, { kind: 'toc' }>;
        pages: ReturnType<typeof paginateToc>;
        first: number;
        tags: TocTags;
      }
    | undefined;
  for (const block of model.blocks) {
    if (block.kind === 'toc') {
      const pages = paginateToc(w, block.entries);
      const sect = w.struct('Sect');
      const tags = { heading: w.struct('H1', sect), toc: w.struct('TOC', sect) };
      toc = { block, pages, first: w.pageIndex + 1, tags };
      for (let i = 0; i < pages.length; i++) w.newPage();
      continue;
    }
    drawBlock(w, block, context);
  }
  // Body pages are numbered from 1 after the cover and contents, as the printed plan is.
  const bodyStart = toc ? toc.first + toc.pages.length : 1;
  const numbers = new Map([...context.anchors].map(([a, p]) => [a, p - bodyStart + 1]));
  if (toc) drawToc(w, toc.block.heading, toc.pages, toc.first, numbers, toc.tags);
  const t = reportText(meta.lang);
  const range = w.doc.bufferedPageRange();
  for (let p = bodyStart; p < range.start + range.count; p++) {
    if (p === context.backPage) continue;
    w.switchToPage(p);
    // Text below the bottom margin would make pdfkit add a page; footers live there.
    w.doc.page.margins.bottom = 0;
    // Page numbers are pagination artifacts: a reader does not read them as text of the plan.
    w.line(t.page(p - bodyStart + 1), w.left, w.doc.page.height - 40, {
      size: 9,
      color: COLORS.muted,
      align: 'center',
      width: w.width,
      artifact: 'Pagination',
    });
  }
  w.closeMarked();
  w.doc.end();
  await ended;
  return Buffer.concat(chunks);
}
