/**
 * Link rewriting of the pages, stylesheets and search data the export writes. The HTML is our own (Hono JSX
 * output: attributes always double-quoted, `"` and `&` always escaped, also in text), so a pattern over
 * attributes finds every link without an HTML parser.
 */

/** Rewrites one link value; returns it unchanged when it is not ours to rewrite. */
export type Relink = (value: string) => string;

/** href, src, form action and data-…-href (the search page names its index there). */
const ATTR = /(\s(?:href|src|action|data-[a-z-]*href))="([^"]*)"/g;
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

const unescapeAttr = (s: string) =>
  s.replace(/&(amp|quot|#39|lt|gt);/g, (_m, e: string) =>
    e === 'amp' ? '&' : e === 'quot' ? '"' : e === '#39' ? "'" : e === 'lt' ? '<' : '>',
  );
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** A portal path ("/ogori/…?lang=en") and fragment for a value found on the page at `pageUrl`, or null. */
export function portalUrlOf(value: string, pageUrl: string): { url: string; hash: string } | null {
  // Fragments, other sites and other schemes (https:, mailto:, data:) stay as they are.
  if (value === '' || value.startsWith('#') || value.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(value)) {
    return null;
  }
  const u = new URL(value, new URL(pageUrl, 'http://portal.invalid'));
  return { url: `${u.pathname}${u.search}`, hash: u.hash };
}

export function rewriteHtml(html: string, relink: Relink): string {
  return html.replace(ATTR, (_m, name: string, raw: string) => `${name}="${escapeAttr(relink(unescapeAttr(raw)))}"`);
}

export function rewriteCss(css: string, relink: Relink): string {
  return css.replace(CSS_URL, (_m, quote: string, raw: string) => `url(${quote}${relink(raw)}${quote})`);
}

/** Rewrites every string under an "href" key, at any depth (the search data's links, in both languages). */
export function rewriteJsonHrefs(value: unknown, relink: Relink, underHref = false): unknown {
  if (typeof value === 'string') return underHref ? relink(value) : value;
  if (Array.isArray(value)) return value.map((v) => rewriteJsonHrefs(v, relink, underHref));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, rewriteJsonHrefs(v, relink, underHref || k === 'href')]),
    );
  }
  return value;
}
