import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Context, Next } from 'hono';
import { logger } from './logger.ts';

/**
 * The fastest path for published pages: a GET whose exact URL was answered a moment ago is answered again from
 * memory by the Node HTTP server itself, before Hono, the router or the database see it. Published editions
 * never change, so the only question is whether the *current* edition is still current: entries of current
 * pages live one second (then one request goes through the app, which asks the database and refreshes the
 * entry), entries of an explicitly chosen edition a minute. A publish is therefore public within a second.
 */

export interface HotOffer {
  body: Uint8Array;
  /** The response's strong ETag, to answer If-None-Match with 304. */
  etag: string;
  /** How long the exact response may be repeated without asking the app. */
  ttlMs: number;
}

interface Entry {
  headers: Record<string, string>;
  body: Uint8Array;
  etag: string;
  expires: number;
}

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
  readonly #entries = new Map<string, Entry>();
  readonly #limit: number;
  readonly #now: () => number;

  constructor(options: { limit?: number; now?: () => number } = {}) {
    this.#limit = options.limit ?? 2000;
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
      headers[name] = value;
    });
    headers['content-length'] = String(offer.body.byteLength);
    this.#entries.delete(incoming.url);
    this.#entries.set(incoming.url, {
      headers,
      body: offer.body,
      etag: offer.etag,
      expires: this.#now() + offer.ttlMs,
    });
    while (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value!);
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
    const inm = req.headers['if-none-match']?.split(',');
    if (inm?.some((t) => t.trim() === entry.etag || t.trim() === '*')) {
      const { 'content-length': _l, 'content-type': _t, ...rest } = entry.headers;
      res.writeHead(304, rest);
      res.end();
    } else {
      res.writeHead(200, entry.headers);
      res.end(entry.body);
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
