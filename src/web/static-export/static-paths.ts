import path from 'node:path';
import { LIST_SORTS } from '../portal/portal-query.ts';

/**
 * Where each portal URL lives in a static export. A static server (or file://) cannot look at the query
 * string, so every query variant the portal links to becomes a file of its own:
 *
 *   ?lang=en          → ".en" before the extension: index.en.html, goals/1.en.html, edition.en.pdf
 *   ?lang=ja          → ".ja" likewise: an English plan's pages in Japanese (its pages without ?lang= are English)
 *   ?edition=ID       → the plan's pages of that edition under <org>/<plan>/editions/ID/
 *   /list?sort=S      → list-S.html (S ≠ code; the default order is list.html); filters are not exported
 *   ?bom=1 (CSV)      → edition-bom.csv
 *   directory URLs    → index.html; other pages get ".html"
 *
 * The search page keeps ?q= (its script reads it) and assets keep ?v= (a cache buster a file server ignores).
 */

export interface StaticTarget {
  /** Path inside the export, "/"-separated and not encoded: "ogori/action-plan-2/initiatives/継1.en.html". */
  file: string;
  /** The query the link keeps ("?q=…" or "?v=…"), usually "". */
  query: string;
}

/** A URL the export cannot represent as a file (an unknown page or a query variant it does not write). */
export class StaticPathError extends Error {
  override name = 'StaticPathError';
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const EDITION = /^[0-9A-Za-z-]{1,64}$/;
const PLAN_PAGES = new Set(['downloads', 'editions', 'search']);
const ITEM_DIRS = new Set(['goals', 'initiatives', 'departments']);

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new StaticPathError(`bad percent-encoding in "${s}"`);
  }
}

/** The file a portal URL ("/ogori/action-plan-2/list?sort=rating-desc&lang=en") is exported as. */
export function staticTarget(url: string): StaticTarget {
  const u = new URL(url, 'http://portal.invalid');
  const used = new Set<string>();
  const param = (name: string) => {
    used.add(name);
    return u.searchParams.get(name) ?? undefined;
  };
  const lang = param('lang');
  if (lang !== undefined && lang !== 'ja' && lang !== 'en') throw new StaticPathError(`lang=${lang} in ${url}`);
  // The page without ?lang= is in the plan's own language, so each explicit language needs a file of its own.
  const en = lang === undefined ? '' : `.${lang}`;
  const edition = param('edition');
  if (edition !== undefined && !EDITION.test(edition)) throw new StaticPathError(`edition=${edition} in ${url}`);
  let query = '';
  const keep = (name: string) => {
    const v = param(name);
    if (v !== undefined) query = `?${name}=${encodeURIComponent(v)}`;
  };

  const segs = u.pathname.slice(1).split('/').map(decodeSegment);
  if (segs.some((s) => s === '.' || s === '..' || s.includes('/'))) throw new StaticPathError(`unsafe path ${url}`);
  let file: string | undefined;
  if (segs[0] === 'assets' && segs.length > 1 && segs.every((s) => s !== '')) {
    file = segs.join('/');
    keep('v');
  } else if (segs.length === 1 && (segs[0] === '' || segs[0] === '404')) {
    file = `${segs[0] || 'index'}${en}.html`;
  } else if (segs.length === 2 && SLUG.test(segs[0]!) && segs[1] === '') {
    file = `${segs[0]}/index${en}.html`;
  } else if (segs.length >= 3 && SLUG.test(segs[0]!) && SLUG.test(segs[1]!)) {
    const within = planFile(segs.slice(2), en, param);
    if (within?.keep) keep(within.keep);
    if (within) file = `${segs[0]}/${segs[1]}/${edition ? `editions/${edition}/` : ''}${within.file}`;
  }
  if (file === undefined) throw new StaticPathError(`no static file for ${url}`);
  const unknown = [...u.searchParams.keys()].filter((k) => !used.has(k));
  if (unknown.length > 0) throw new StaticPathError(`query ${unknown.join(', ')} of ${url} is not exported`);
  return { file, query };
}

/** The file of a page inside one plan (and edition), from the path segments after /<org>/<plan>/. */
function planFile(
  rest: string[],
  en: string,
  param: (name: string) => string | undefined,
): { file: string; keep?: string } | undefined {
  const [a = '', b, ...more] = rest;
  if (more.length > 0) return undefined;
  if (b === undefined) {
    if (a === '') return { file: `index${en}.html` };
    if (a === 'list') {
      const sort = param('sort') ?? 'code';
      if (!(LIST_SORTS as readonly string[]).includes(sort)) throw new StaticPathError(`sort=${sort}`);
      return { file: `list${sort === 'code' ? '' : `-${sort}`}${en}.html` };
    }
    if (a === 'search-index.json') return { file: a };
    if (PLAN_PAGES.has(a)) return a === 'search' ? { file: `search${en}.html`, keep: 'q' } : { file: `${a}${en}.html` };
  } else if (a === 'departments' && b === '') {
    return { file: `departments/index${en}.html` };
  } else if (ITEM_DIRS.has(a) && b !== '') {
    return { file: `${a}/${b}${en}.html` };
  } else if (a === 'downloads') {
    const bom = param('bom');
    if (bom !== undefined && (bom !== '1' || !b.endsWith('.csv'))) throw new StaticPathError(`bom=${bom}`);
    if (b === 'edition.csv' || b === 'indicators.csv' || b === 'rollup.csv')
      return { file: `downloads/${bom ? b.replace('.csv', '-bom.csv') : b}` };
    if (b === 'edition.json') return { file: `downloads/${b}` };
    if (b === 'edition.pdf') return { file: `downloads/edition${en}.pdf` };
    // The workbook is in Japanese whatever the page language: one file for both.
    if (b === 'edition.xlsx') return { file: 'downloads/edition.xlsx' };
  }
  return undefined;
}

const encodePath = (file: string) =>
  file
    .split('/')
    .map((s) => (s === '..' ? s : encodeURIComponent(s)))
    .join('/');

/** The link from one exported file to a target, relative so the site works from any sub-path and file://. */
export function relativeLink(fromFile: string, target: StaticTarget, hash = ''): string {
  const rel = path.posix.relative(path.posix.dirname(fromFile), target.file);
  return `${encodePath(rel)}${target.query}${hash}`;
}

/** The link from a page served at any address (404.html): absolute under the site's base path ("/city/plan/"). */
export function absoluteLink(basePath: string, target: StaticTarget, hash = ''): string {
  return `${basePath}${encodePath(target.file)}${target.query}${hash}`;
}
