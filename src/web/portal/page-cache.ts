import { createHash } from 'node:crypto';

export interface RenderedPage {
  status: number;
  body: Uint8Array<ArrayBuffer>;
  /** Content-Type; HTML unless a download. */
  type: string;
  /** Content-Disposition of downloads. */
  disposition?: string;
  /** Strong validator: a hash of the bytes. */
  etag: string;
  /** HTTP date the content last changed (the edition's publication), for Last-Modified and If-Modified-Since. */
  lastModified?: string;
  /** Compressed copies of `body`, made on the first request that asks for each (see content-coding.ts). */
  variants?: { br?: Uint8Array<ArrayBuffer>; gzip?: Uint8Array<ArrayBuffer> };
}

const encoder = new TextEncoder();

/** Encodes a rendered page (or a download) once, with its ETag, so cache hits only copy bytes. */
export function renderedPage(
  content: string | Uint8Array<ArrayBuffer>,
  status = 200,
  type = 'text/html; charset=utf-8',
  disposition?: string,
): RenderedPage {
  const body = typeof content === 'string' ? encoder.encode(content) : content;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { status, body, type, etag, ...(disposition && { disposition }) };
}

/** What a page holds in memory: its bytes and the compressed copies made of them so far. */
export function pageBytes(page: RenderedPage): number {
  return page.body.byteLength + (page.variants?.br?.byteLength ?? 0) + (page.variants?.gzip?.byteLength ?? 0);
}

/** How much a cache may hold unless told: pages of a few plans, well inside the server's memory budget. */
export const PAGE_CACHE_ENTRIES = 2000;
export const PAGE_CACHE_BYTES = 24 * 1024 * 1024;

/**
 * Least recently used entries first, bounded by count and by bytes: a few large downloads (an edition's PDF and
 * its compressed copies) cannot push memory up the way 2,000 of them would. An entry is measured again each time
 * it is read, since its compressed copies are made after it went in; one larger than the whole budget is not kept.
 */
export class LruByBytes<V> {
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #sizeOf: (value: V) => number;
  #bytes = 0;

  constructor(sizeOf: (value: V) => number, limits: { entries?: number; bytes?: number } = {}) {
    this.#sizeOf = sizeOf;
    this.#maxEntries = limits.entries ?? PAGE_CACHE_ENTRIES;
    this.#maxBytes = limits.bytes ?? PAGE_CACHE_BYTES;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Re-insert so the Map's order stays least-recently-used first; re-measure what it holds now.
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
    this.#put(key, entry.value);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    this.#put(key, value);
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  #put(key: string, value: V): void {
    const bytes = this.#sizeOf(value);
    if (bytes > this.#maxBytes) return;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    while (this.#entries.size > this.#maxEntries || this.#bytes > this.#maxBytes) {
      const [oldest, entry] = this.#entries.entries().next().value!;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Bytes held, as last measured. */
  get bytes(): number {
    return this.#bytes;
  }
}

/**
 * Rendered pages of published editions, which never change: the key names the edition, the language, the path
 * and the page's own parameters, so each page is rendered once. Least recently used entries go first, bounded by
 * count and by bytes.
 */
export class PageCache extends LruByBytes<RenderedPage> {
  constructor(entries = PAGE_CACHE_ENTRIES, bytes = PAGE_CACHE_BYTES) {
    super(pageBytes, { entries, bytes });
  }
}
