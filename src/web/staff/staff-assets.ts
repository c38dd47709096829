import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

let css: { body: Buffer; hash: string } | undefined;
function stylesheet() {
  if (!css) {
    const body = readFileSync(new URL('./assets/staff.css', import.meta.url));
    css = { body, hash: createHash('sha256').update(body).digest('base64url').slice(0, 16) };
  }
  return css;
}

/** The versioned URL of the staff stylesheet (the portal's tokens and fonts are shared from /assets). */
export function staffAssetUrl(): string {
  return `/staff/assets/staff.css?v=${stylesheet().hash}`;
}

export function staffAssetRoutes(): Hono {
  const app = new Hono();
  app.get('/assets/staff.css', (c) => {
    const a = stylesheet();
    const cache = c.req.query('v') === a.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
    return new Response(new Uint8Array(a.body), {
      headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': cache, ETag: `"${a.hash}"` },
    });
  });
  return app;
}
