import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Context, Next } from 'hono';
import { logger } from './logger.ts';
import { chooseBody, isCompressible, isNotModified } from './portal/content-coding.ts';
import { LruByBytes, PAGE_CACHE_BYTES, pageBytes, type RenderedPage } from './portal/page-cache.ts';

/**
 * The fastest path for published pages: a GET whose exact URL was answered a moment ago is answered again from
 * memory by the Node HTTP server itself, before Hono, the router or the database see it. Published editions
 * never change, so the only question is whether the *current* edition is still current: entries of current
 * pages live one second (then one request goes through the app, which asks the database and refreshes the
 * entry), entries of an explicitly chosen edition a minute. A publish is therefore public within a second.
 */

export interface HotOffer {
  /** The rendered page, with its ETag, Last-Modified and compressed variants. */
  page: RenderedPage;
  /** How long the exact response may be repeated without asking the app. */
  ttlMs: number;
}

interface Entry {
  /** The response's headers except those that depend on the request's Accept-Encoding. */
  headers: Record<string, string>;
  page: RenderedPage;
  expires: number;
}

// Set per request from the page and the chosen coding, never repeated from the captured response.
const PER_CODING = new Set(['content-length', 'content-encoding', 'etag', 'vary']);

// Routes offer their response through the Request object, so no route needs the HotPages instance.
const offers = new WeakMap<Request, HotOffer>();

/** Lets the hot path repeat this request's 200 response for `ttlMs`. Call from a GET route. */
export function offerHotPage(request: Request, offer: HotOffer): void {
  offers.set(request, offer);
}

/** Current pages: revalidated with the database at most once a second per URL. */
export const CURRENT_TTL_MS = 1000;
/** Pages of a named edition: immutable, but a restore may remove the edition, so not forever. */
export const PINNED_TTL_MS = 60_000;

export class HotPages {
  readonly #entries: LruByBytes<Entry>;
  readonly #now: () => number;

  constructor(options: { limit?: number; bytes?: number; now?: () => number } = {}) {
    this.#entries = new LruByBytes((e: Entry) => pageBytes(e.page), {
      entries: options.limit ?? 2000,
      bytes: options.bytes ?? PAGE_CACHE_BYTES,
    });
    this.#now = options.now ?? (() => performance.now());
  }

  /**
   * Hono middleware, registered first so that it sees the final headers (security headers included) of a
   * response a route offered, and keeps them under the raw request URL.
   */
  capture = async (c: Context, next: Next): Promise<void> => {
    await next();
    const offer = offers.get(c.req.raw);
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!offer || !incoming?.url || c.req.method !== 'GET' || c.res.status !== 200) return;
    const headers: Record<string, string> = {};
    c.res.headers.forEach((value, name) => {
      if (!PER_CODING.has(name)) headers[name] = value;
    });
    if (isCompressible(offer.page)) headers.vary = 'Accept-Encoding';
    this.#entries.set(incoming.url, { headers, page: offer.page, expires: this.#now() + offer.ttlMs });
  };

  /** Answers a fresh hit from memory; false when the app must handle the request. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || !req.url) return false;
    const entry = this.#entries.get(req.url);
    if (!entry) return false;
    if (entry.expires < this.#now()) {
      this.#entries.delete(req.url);
      return false;
    }
    const chosen = chooseBody(entry.page, req.headers['accept-encoding']);
    if (isNotModified(entry.page, req.headers['if-none-match'], req.headers['if-modified-since'])) {
      const { 'content-type': _t, 'content-disposition': _d, ...rest } = entry.headers;
      res.writeHead(304, { ...rest, etag: chosen.etag });
      res.end();
    } else {
      res.writeHead(200, {
        ...entry.headers,
        etag: chosen.etag,
        'content-length': String(chosen.body.byteLength),
        ...(chosen.coding && { 'content-encoding': chosen.coding }),
      });
      res.end(chosen.body);
    }
    if (logger.isLevelEnabled('info')) {
      logger.info({ method: 'GET', path: req.url, status: res.statusCode, ms: 0, hot: true }, 'request');
    }
    return true;
  }

  /** A `createServer` for @hono/node-server's `serve` that puts the hot path in front of the app. */
  createServer = ((options: object, listener: RequestListener): Server =>
    createServer(options, (req, res) => {
      if (!this.serve(req, res)) listener(req, res);
    })) as unknown as typeof createServer;

  get size(): number {
    return this.#entries.size;
  }
}
