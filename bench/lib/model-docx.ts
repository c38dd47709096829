import { createRequire } from 'node:module';
import type { PdfModel, TableModel } from '../../src/reports/index.ts';

/**
 * An equivalent Word document of a printed edition, made from the same PdfModel the PDF renderer draws (cover,
 * contents, sections, dividers, every sheet's tables, the summary), so LibreOffice converts the same content.
 * Minimal OOXML: content types, package relationships and one document part, zipped with jszip (exceljs's own
 * zip library); undefined when it is not installed.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const FONT = '<w:rFonts w:ascii="IPAexGothic" w:hAnsi="IPAexGothic" w:eastAsia="IPAexGothic"/>';

function para(text: string, o: { size?: number; bold?: boolean; pageBreak?: boolean; center?: boolean } = {}) {
  const ppr = `<w:pPr>${o.pageBreak ? '<w:pageBreakBefore/>' : ''}${o.center ? '<w:jc w:val="center"/>' : ''}</w:pPr>`;
  const rpr = `<w:rPr>${FONT}${o.bold ? '<w:b/>' : ''}<w:sz w:val="${Math.round((o.size ?? 10) * 2)}"/></w:rPr>`;
  return `<w:p>${ppr}<w:r>${rpr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

function table(t: TableModel): string {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const twips = t.widths.map((w) => Math.round((w / total) * 9600));
  const rows = t.rows.map((row) => {
    let col = 0;
    const cells = row.cells.map((cell) => {
      const span = cell.span ?? 1;
      const width = twips.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const shade =
        cell.role === 'label' || cell.role === 'header'
          ? '<w:shd w:val="clear" w:fill="E8F1FE"/>'
          : cell.role === 'rated'
            ? '<w:shd w:val="clear" w:fill="3460FB"/>'
            : '';
      const body = (cell.lines.length > 0 ? cell.lines : [''])
        .map((l) => para(cell.bullets ? `・${l}` : l, { size: 9, bold: cell.role === 'header' }))
        .join('');
      return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${shade}</w:tcPr>${body}</w:tc>`;
    });
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((b) => `<w:${b} w:val="single" w:sz="4" w:color="949497"/>`)
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="9600" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${twips.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>${para('')}`;
}

function body(model: PdfModel): string {
  const out: string[] = [];
  for (const b of model.blocks) {
    if (b.kind === 'cover') {
      out.push(
        para(b.overline ?? '', { center: true, size: 14 }),
        para(b.title, { center: true, bold: true, size: 24 }),
      );
      out.push(
        para(b.edition ?? '', { center: true, size: 18 }),
        para(b.organization, { center: true, bold: true, size: 18 }),
      );
    } else if (b.kind === 'toc') {
      out.push(
        para(b.heading, { pageBreak: true, bold: true, size: 16 }),
        ...b.entries.map((e) => para(`${'　'.repeat(e.depth)}${e.label}`)),
      );
    } else if (b.kind === 'section') {
      out.push(
        para(b.heading, { pageBreak: b.newPage, bold: true, size: 14 }),
        ...b.paragraphs.map((p) => para(`　${p}`, { size: 10.5 })),
      );
    } else if (b.kind === 'divider') {
      out.push(
        para(b.overline, { pageBreak: true, bold: true, size: 16 }),
        para(b.title, { bold: true, size: 22 }),
        ...b.items.map((i) => para(i.label, { size: 11 })),
      );
    } else if (b.kind === 'sheet') {
      out.push(para(b.breadcrumb.join(' ＞ '), { pageBreak: true, size: 8.5 }));
      for (const t of b.tables) out.push(...(t.caption ? [para(t.caption, { bold: true })] : []), table(t));
    } else if (b.kind === 'summary') {
      out.push(
        para(b.heading, { pageBreak: true, bold: true, size: 14 }),
        table(b.table),
        ...b.notes.map((n) => para(n, { size: 8.5 })),
      );
    } else if (b.kind === 'colophon') out.push(...b.lines.map((l) => para(l)));
  }
  const sect =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1276" w:left="1134" w:header="0" w:footer="600" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${out.join('')}${sect}</w:body></w:document>`;
}

export async function modelDocx(model: PdfModel): Promise<Buffer | undefined> {
  let JSZip: typeof import('jszip');
  try {
    JSZip = createRequire(import.meta.url)('jszip');
  } catch {
    return undefined;
  }
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', body(model));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
