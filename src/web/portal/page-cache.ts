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

/**
 * Rendered pages of published editions, which never change: the key names the edition, the language, the path
 * and the page's own parameters, so each page is rendered once. Least recently used entries go first.
 */
export class PageCache {
  readonly #pages = new Map<string, RenderedPage>();
  readonly #limit: number;

  constructor(limit = 2000) {
    this.#limit = limit;
  }

  get(key: string): RenderedPage | undefined {
    const page = this.#pages.get(key);
    if (page) {
      // Re-insert so the Map's order stays least-recently-used first.
      this.#pages.delete(key);
      this.#pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: RenderedPage): void {
    this.#pages.delete(key);
    this.#pages.set(key, page);
    while (this.#pages.size > this.#limit) this.#pages.delete(this.#pages.keys().next().value!);
  }

  get size(): number {
    return this.#pages.size;
  }
}
