import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';

/**
 * Static assets of the public portal, all served from our own origin (closed networks have no CDN): the
 * デジタル庁 design tokens, Noto Sans JP (woff2 only, weights 400 and 700, Japanese and Latin slices) and the
 * one hand-written stylesheet. Everything is read once and kept in memory.
 */

interface Asset {
  body: Buffer;
  type: string;
  /** Short content hash: the ETag and the ?v= cache buster. */
  hash: string;
}

const require = createRequire(import.meta.url);
const FONT_WEIGHTS = [400, 700] as const;
// Japanese comes in numbered unicode-range slices; the browser fetches only the slices a page uses.
const FONT_FILE = /^noto-sans-jp-(\d+|latin)-(400|700)-normal\.woff2$/;

const hashOf = (body: Buffer) => createHash('sha256').update(body).digest('base64url').slice(0, 16);
const asset = (body: Buffer | string, type: string): Asset => {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return { body: buf, type, hash: hashOf(buf) };
};

function fontCss(): string {
  const out: string[] = [];
  for (const weight of FONT_WEIGHTS) {
    const css = readFileSync(require.resolve(`@fontsource/noto-sans-jp/${weight}.css`), 'utf8');
    for (const m of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
      const body = m[1] ?? '';
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
      if (!file || !FONT_FILE.test(file)) continue;
      const rewritten = body.replace(/src:[^;]*;/, `src: url(/assets/fonts/${file}) format('woff2');`);
      out.push(`@font-face {${rewritten}}`);
    }
  }
  return `${out.join('\n')}\n`;
}

// A plain mark in the portal's blue, so browsers do not ask for /favicon.ico.
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0017c1"/>' +
  '<path d="M8 22h16M8 16h10M8 10h16" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>';

let cached: Map<string, Asset> | undefined;
function stylesheets(): Map<string, Asset> {
  cached ??= new Map([
    [
      'tokens.css',
      asset(readFileSync(require.resolve('@digital-go-jp/design-tokens/dist/tokens.css')), 'text/css; charset=utf-8'),
    ],
    ['fonts.css', asset(fontCss(), 'text/css; charset=utf-8')],
    ['portal.css', asset(readFileSync(new URL('./assets/portal.css', import.meta.url)), 'text/css; charset=utf-8')],
    ['favicon.svg', asset(FAVICON, 'image/svg+xml')],
  ]);
  return cached;
}

const fonts = new Map<string, Asset>();
function fontAsset(file: string): Asset | undefined {
  if (!FONT_FILE.test(file)) return undefined;
  let a = fonts.get(file);
  if (!a) {
    const dir = path.dirname(require.resolve('@fontsource/noto-sans-jp/400.css'));
    try {
      a = asset(readFileSync(path.join(dir, 'files', file)), 'font/woff2');
    } catch {
      return undefined;
    }
    fonts.set(file, a);
  }
  return a;
}

export type StylesheetName = 'tokens.css' | 'fonts.css' | 'portal.css' | 'favicon.svg';

/** The versioned URL of a stylesheet (or the icon), e.g. "/assets/portal.css?v=Ab12…"; safe to cache for a year. */
export function assetUrl(name: StylesheetName): string {
  const a = stylesheets().get(name)!;
  return `/assets/${name}?v=${a.hash}`;
}

const YEAR = 'public, max-age=31536000, immutable';

export function assetRoutes(): Hono {
  const app = new Hono();
  const send = (a: Asset, ifNoneMatch: string | undefined, cacheControl: string) => {
    const etag = `"${a.hash}"`;
    const headers = { ETag: etag, 'Cache-Control': cacheControl };
    if (ifNoneMatch?.split(/\s*,\s*/).includes(etag)) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(a.body), { headers: { ...headers, 'Content-Type': a.type } });
  };
  app.get('/assets/fonts/:file', (c) => {
    const a = fontAsset(c.req.param('file'));
    if (!a) return c.text('Not found\n', 404);
    return send(a, c.req.header('If-None-Match'), YEAR);
  });
  app.get('/assets/:name', (c) => {
    const a = stylesheets().get(c.req.param('name'));
    if (!a) return c.text('Not found\n', 404);
    // Only the versioned URL is immutable; a bare one may change with the next release.
    const cacheControl = c.req.query('v') === a.hash ? YEAR : 'public, max-age=300';
    return send(a, c.req.header('If-None-Match'), cacheControl);
  });
  return app;
}
