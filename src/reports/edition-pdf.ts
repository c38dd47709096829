import type { EditionContent } from '../domain/index.ts';
import { buildPdfModel } from './pdf/build-pdf-model.ts';
import { type RenderPdfOptions, renderPdf } from './pdf/render-pdf.ts';
import type { ReportLang } from './report-text.ts';

/**
 * The printed edition as a PDF file, from the frozen published content. With `createdAt` fixed (the edition's
 * publication time) the bytes are the same on every call.
 * @example await editionPdf(content, 'ja', { createdAt: new Date(edition.publishedAt) }) // Buffer "%PDF-1.7…"
 */
export function editionPdf(
  content: EditionContent,
  lang: ReportLang = 'ja',
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  return renderPdf(buildPdfModel(content, lang), options);
}
