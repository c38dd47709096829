import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { RenderedPage } from './page-cache.ts';

export type Coding = 'br' | 'gzip';

// Text is worth compressing; PDFs and workbooks are compressed already, and tiny bodies gain nothing.
const COMPRESSIBLE = /^(text\/|application\/json)/;
const MIN_BYTES = 1024;

/** Whether a response's bytes depend on Accept-Encoding (then it says Vary: Accept-Encoding). */
export const isCompressible = (page: RenderedPage) =>
  page.status === 200 && COMPRESSIBLE.test(page.type) && page.body.byteLength >= MIN_BYTES;

/** Whether an Accept-Encoding header allows `coding` (by name or `*`, with a q-value above 0). */
function accepts(header: string, coding: Coding): boolean {
  let wildcard: boolean | undefined;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name.trim() === coding) return allowed;
    if (name.trim() === '*') wildcard = allowed;
  }
  return wildcard ?? false;
}

function compress(body: Uint8Array, coding: Coding): Uint8Array<ArrayBuffer> {
  const out =
    coding === 'br'
      ? // Quality 9 of 11: within a few per cent of the best size at a fraction of its time, once per page.
        brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        })
      : gzipSync(body, { level: 9 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength) as Uint8Array<ArrayBuffer>;
}

export interface ChosenBody {
  body: Uint8Array<ArrayBuffer>;
  coding: Coding | undefined;
  /** The ETag of these bytes: a compressed variant has its own (RFC 9110 §8.8.3). */
  etag: string;
}

/**
 * The bytes to send for a request's Accept-Encoding: brotli, else gzip, else the page as rendered. A variant is
 * compressed on its first request and kept with the page, so a cached page is compressed once per coding.
 */
export function chooseBody(page: RenderedPage, acceptEncoding: string | undefined): ChosenBody {
  if (!acceptEncoding || !isCompressible(page)) return { body: page.body, coding: undefined, etag: page.etag };
  const coding: Coding | undefined = accepts(acceptEncoding, 'br')
    ? 'br'
    : accepts(acceptEncoding, 'gzip')
      ? 'gzip'
      : undefined;
  if (!coding) return { body: page.body, coding: undefined, etag: page.etag };
  page.variants ??= {};
  const body = page.variants[coding] ?? compress(page.body, coding);
  page.variants[coding] = body;
  return { body, coding, etag: variantEtag(page.etag, coding) };
}

/** A variant's ETag: derived from the page's, in the same form (a 22-character hash). */
export function variantEtag(etag: string, coding: Coding): string {
  return `"${createHash('sha256').update(`${etag}:${coding}`).digest('base64url').slice(0, 22)}"`;
}

/**
 * Whether the client already has the page: If-None-Match names its ETag (any variant's), or, without
 * If-None-Match, If-Modified-Since is not before the page's Last-Modified (RFC 9110 §13.2.2).
 */
export function isNotModified(
  page: RenderedPage,
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
): boolean {
  if (page.status !== 200) return false;
  if (ifNoneMatch !== undefined) {
    const tags = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (tags.some((v) => v === '*' || v === page.etag)) return true;
    return (
      isCompressible(page) &&
      tags.some((v) => v === variantEtag(page.etag, 'br') || v === variantEtag(page.etag, 'gzip'))
    );
  }
  if (!ifModifiedSince || !page.lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(page.lastModified) <= since;
}
