import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A tiny static file server, standing in for the public web server a static export is copied to: files of
 * `root` under the sub-path `mount` ("/city/plan-site/"), index.html for directories, 404.html with status 404
 * for anything missing (nginx `error_page 404`), and the live portal's Content-Security-Policy, so a script
 * the export needs inline would be refused here too.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
};

export const STATIC_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface StaticServer {
  /** "http://127.0.0.1:PORT/city/plan-site/" */
  url: string;
  /** Paths asked for, for checks of what a browser fetched. */
  requests: string[];
  close(): Promise<void>;
}

async function fileFor(root: string, rel: string): Promise<string | undefined> {
  const full = path.join(root, ...rel.split('/'));
  if (!full.startsWith(root)) return undefined;
  const s = await stat(full).catch(() => undefined);
  if (s?.isFile()) return full;
  if (s?.isDirectory()) return fileFor(root, `${rel.replace(/\/$/, '')}/index.html`);
  return undefined;
}

export async function startStaticServer(root: string, mount = '/city/plan-site/'): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(pathname);
    const headers = { 'Content-Security-Policy': STATIC_CSP, 'X-Content-Type-Options': 'nosniff' };
    let rel: string | undefined;
    try {
      rel = pathname.startsWith(mount) ? decodeURIComponent(pathname.slice(mount.length)) : undefined;
    } catch {
      rel = undefined;
    }
    const file = rel === undefined ? undefined : await fileFor(root, rel);
    const status = file ? 200 : 404;
    const served = file ?? path.join(root, '404.html');
    res.writeHead(status, { ...headers, 'Content-Type': TYPES[path.extname(served)] ?? 'application/octet-stream' });
    res.end(await readFile(served));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
