import {
  type AppContext,
  type EditionKey,
  type EditionViewRecord,
  listEditionsLacking,
  listEditionViews,
  loadEditionForViews,
  readEditionView,
  storeEditionViews,
} from '../app/index.ts';
import type { EditionContent } from '../domain/index.ts';
import { editionPdf } from './edition-pdf.ts';
import { editionWorkbook } from './edition-workbook.ts';
import { indicatorRows, initiativeRows, rollupRows, writeCsv } from './open-data-csv.ts';
import { pdfAvailable } from './pdf/pdf-fonts.ts';

/**
 * Bump when any file below is drawn differently: stored files of an older version are then rendered again on
 * their first request (and replaced) instead of being served.
 */
export const EDITION_FILES_VERSION = 5;

export const EDITION_FILE_NAMES = [
  'pdf/ja',
  'pdf/en',
  'xlsx',
  'csv/edition',
  'csv/indicators',
  'csv/rollup',
  'title',
] as const;
export type EditionFileName = (typeof EDITION_FILE_NAMES)[number];

/**
 * What the start-up step fills for editions that lack it: the cheap files. The PDF and the workbook are drawn
 * when an edition is published, and for older or imported editions on their first request (once: then stored),
 * so that a server started on thousands of imported editions does not spend its first hour drawing PDFs.
 */
export const EDITION_FILES_AT_START: readonly EditionFileName[] = [
  'csv/edition',
  'csv/indicators',
  'csv/rollup',
  'title',
];

/** What a file is drawn from: the frozen content and the edition's own identity. */
export interface EditionSource {
  edition: { name: string; fy: number; publishedAt: string };
  content: EditionContent;
}

type Maker = (s: EditionSource) => Promise<Pick<EditionViewRecord, 'encoding' | 'body' | 'bytes'>>;
const binary = async (bytes: Promise<Buffer>) => ({ encoding: 'bytes' as const, body: '', bytes: await bytes });
const utf8 = async (text: string) => ({ encoding: 'utf8' as const, body: text });

// The PDF is dated with the edition's publication time, so its bytes are the same on every rendering.
const MAKERS: Record<EditionFileName, Maker> = {
  'pdf/ja': (s) => binary(editionPdf(s.content, 'ja', { createdAt: new Date(s.edition.publishedAt) })),
  'pdf/en': (s) => binary(editionPdf(s.content, 'en', { createdAt: new Date(s.edition.publishedAt) })),
  xlsx: (s) => binary(editionWorkbook(s.content)),
  // Without BOM; the download with ?bom=1 puts the mark in front (see csvWithBom).
  'csv/edition': (s) => utf8(writeCsv(initiativeRows(s.content, s.edition))),
  'csv/indicators': (s) => utf8(writeCsv(indicatorRows(s.content))),
  'csv/rollup': (s) => utf8(writeCsv(rollupRows(s.content, s.edition))),
  // The plan's title as frozen in the edition, for the download's file name without reading the content; an
  // English plan's also says so, for the PDF asked for without ?lang= (a Japanese plan's stays as it was).
  title: (s) => {
    const { title, titleEn, language } = s.content.plan;
    return utf8(JSON.stringify({ ja: title, en: titleEn ?? null, ...(language === 'en' && { language }) }));
  },
};

/** Whether the file can be made on this installation (the PDF needs its fonts). */
const makeable = (name: EditionFileName) => !name.startsWith('pdf/') || pdfAvailable();

/** Draws one file of an edition, as it is stored. */
export async function renderEditionFile(name: EditionFileName, source: EditionSource): Promise<EditionViewRecord> {
  return { name, version: EDITION_FILES_VERSION, ...(await MAKERS[name](source)) };
}

/** The bytes of a stored file. */
export function fileBytes(view: Pick<EditionViewRecord, 'encoding' | 'body' | 'bytes'>): Uint8Array<ArrayBuffer> {
  if (view.encoding === 'bytes' && view.bytes) return view.bytes as Uint8Array<ArrayBuffer>;
  const buffer = view.encoding === 'base64' ? Buffer.from(view.body, 'base64') : Buffer.from(view.body, 'utf8');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) as Uint8Array<ArrayBuffer>;
}

/** The CSV with a byte-order mark, which lets Excel detect UTF-8 (the same as writeCsv's `bom` option). */
export const csvWithBom = (csv: string) => `\ufeff${csv}`;

// Renderings in progress, so that simultaneous first requests for one file draw it once.
const pending = new Map<string, Promise<EditionViewRecord>>();

/**
 * A file of a published edition: the stored one, or (for an edition published before files were stored, or
 * by an older release) drawn now from its content, stored and returned. Anonymous requests therefore cause
 * at most one rendering per edition, file and release, whatever they ask for.
 */
export async function editionFile(
  ctx: AppContext,
  ref: EditionKey,
  name: EditionFileName,
  source: () => Promise<EditionSource>,
): Promise<EditionViewRecord> {
  const stored = await readEditionView(ctx, ref, name, EDITION_FILES_VERSION);
  if (stored) return stored;
  const key = `${ref.editionId}:${name}`;
  let made = pending.get(key);
  if (!made) {
    made = (async () => {
      const view = await renderEditionFile(name, await source());
      await storeEditionViews(ctx, ref, [view]);
      return view;
    })().finally(() => pending.delete(key));
    pending.set(key, made);
  }
  return made;
}

/** Draws and stores the files (all unless `names` says) an edition lacks; called when an edition is published. */
export async function storeEditionFiles(
  ctx: AppContext,
  ref: EditionKey,
  source: EditionSource,
  names: readonly EditionFileName[] = EDITION_FILE_NAMES,
): Promise<void> {
  const have = new Set(await listEditionViews(ctx, ref, EDITION_FILES_VERSION));
  for (const name of names) {
    if (have.has(name) || !makeable(name)) continue;
    // One at a time, stored as each is drawn: a long publish never holds more than one file in memory.
    await storeEditionViews(ctx, ref, [await renderEditionFile(name, source)]);
  }
}

/**
 * Draws and stores every file of an edition just published, so that even its first download is a read of
 * stored bytes. Every publishing channel (staff workspace, CLI) calls it after publishEdition; an edition
 * published some other way still gets each file on its first request.
 */
export async function storePublishedFiles(ctx: AppContext, key: EditionKey): Promise<void> {
  const loaded = await loadEditionForViews(ctx, key);
  if (loaded) await storeEditionFiles(ctx, key, loaded);
}

/**
 * The idempotent start-up step: files of editions that lack them (published before they were stored, by an
 * older release, or imported), drawn one edition at a time. Returns how many editions it filled.
 */
export async function fillEditionFiles(
  ctx: AppContext,
  options: { signal?: AbortSignal; names?: readonly EditionFileName[] } = {},
): Promise<number> {
  // The title is stored last, so an edition that has it at this version went through here (or its publish);
  // files left out by `names` are drawn on their first request.
  const lacking = await listEditionsLacking(ctx, 'title', EDITION_FILES_VERSION);
  let filled = 0;
  for (const ref of lacking) {
    if (options.signal?.aborted) break;
    const loaded = await loadEditionForViews(ctx, ref);
    if (!loaded) continue;
    await storeEditionFiles(ctx, ref, loaded, options.names);
    filled++;
  }
  return filled;
}
