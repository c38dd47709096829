import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ database: 'sqlite' });
});
afterAll(async () => {
  await server?.close();
});

describe('assets from our own origin', () => {
  it('links versioned stylesheets that are cached for a year and revalidate by ETag', async () => {
    const html = await (await server.get('/ogori/action-plan-2/')).text();
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links.map((l) => l.replace(/\?v=.*/, ''))).toEqual([
      '/assets/tokens.css',
      '/assets/fonts.css',
      '/assets/portal.css',
    ]);
    for (const link of links) {
      const res = await server.get(link);
      const body = await res.text();
      expect([res.status, res.headers.get('content-type'), res.headers.get('cache-control')]).toEqual([
        200,
        'text/css; charset=utf-8',
        'public, max-age=31536000, immutable',
      ]);
      expect(body.length).toBeGreaterThan(1000);
      const again = await server.get(link, { headers: { 'If-None-Match': res.headers.get('etag')! } });
      expect(again.status).toBe(304);
    }
    const tokens = await (await server.get(links[0]!)).text();
    expect(tokens).toContain('--color-primitive-blue-900: #0017c1;');
  });

  it('serves Noto Sans JP 400 and 700 as woff2 only, from /assets/fonts', async () => {
    const css = await (await server.get('/assets/fonts.css')).text();
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.every((u) => /^\/assets\/fonts\/noto-sans-jp-(\d+|latin)-(400|700)-normal\.woff2$/.test(u))).toBe(true);
    expect(urls).toHaveLength(242);
    expect(css).not.toMatch(/\.woff\)|http/);
    const font = await server.get('/assets/fonts/noto-sans-jp-latin-400-normal.woff2');
    const bytes = new Uint8Array(await font.arrayBuffer());
    expect([font.status, font.headers.get('content-type'), new TextDecoder().decode(bytes.slice(0, 4))]).toEqual([
      200,
      'font/woff2',
      'wOF2',
    ]);
    expect(font.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('refuses anything outside the list', async () => {
    expect((await server.get('/assets/fonts/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await server.get('/assets/fonts/noto-sans-jp-cyrillic-400-normal.woff2')).status).toBe(404);
    expect((await server.get('/assets/nothing.css')).status).toBe(404);
  });
});
