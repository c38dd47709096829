import { readdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { decodeEntities } from './html-text.ts';

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

/** Every file of an exported site, "/"-separated, sorted. */
export function siteFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? siteFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    )
    .sort();
}

function hrefsIn(value: unknown, underHref: boolean): string[] {
  if (typeof value === 'string') return underHref ? [value] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => hrefsIn(v, underHref || k === 'href'));
}

/** Links of an exported file: HTML attributes, CSS url()s, or the search data's hrefs. */
function linksOf(file: string, body: string): string[] {
  if (file.endsWith('.html')) {
    return [...body.matchAll(/\s(?:href|src|action|data-[a-z-]*href)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
  }
  if (file.endsWith('.css')) return [...body.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
  if (file.endsWith('search-index.json')) return hrefsIn(JSON.parse(body), false);
  return [];
}

/**
 * Crawls an exported site on disk: every link of every page, stylesheet and search index must name a file of
 * the site (and an existing id for a #fragment), relatively, except in 404.html, which links under `basePath`.
 */
export function brokenLinks(dir: string, basePath: string): { broken: string[]; checked: number } {
  const files = new Set(siteFiles(dir));
  const read = (file: string) => readFileSync(path.join(dir, ...file.split('/')), 'utf8');
  const broken: string[] = [];
  let checked = 0;
  for (const file of files) {
    if (!/\.(html|css|json)$/.test(file)) continue;
    for (const link of linksOf(file, read(file))) {
      if (link.startsWith('#') ? link === '#main' : /^[a-z]+:/i.test(link)) continue;
      const notFound = /^404(\.en)?\.html$/.test(file);
      if (link.startsWith('/') !== notFound) broken.push(`${file}: ${link} (absolute/relative)`);
      const u = new URL(link, `file://${basePath}${notFound ? '' : file}`);
      const target = decodeURIComponent(u.pathname).slice(basePath.length);
      checked += 1;
      if (!files.has(target)) broken.push(`${file}: ${link}`);
      else if (u.hash && !read(target).includes(`id="${u.hash.slice(1)}"`)) broken.push(`${file}: ${link} (anchor)`);
    }
  }
  return { broken, checked };
}
