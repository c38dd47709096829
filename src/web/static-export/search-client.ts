import { createHash } from 'node:crypto';
import {
  highlightRanges,
  normalizeForSearch,
  SEARCH_WEIGHTS,
  type SearchHit,
  type SearchIndex,
  searchIndex,
  searchTerms,
} from '../../app/index.ts';
import type { StaticSearchData } from './search-data.ts';

/**
 * The static site's search script (assets/search.js). Its matching is not a second implementation: the
 * portal's own functions (src/app/search-plan.ts: NFKC + case folding, every word a substring, field weights,
 * highlight ranges) are written into the script from their compiled source, so the browser finds exactly
 * what the live portal finds. Only the drawing of results below is written for the browser.
 */

interface Engine {
  searchIndex: (index: SearchIndex, query: string) => SearchHit[];
  highlightRanges: (text: string, query: string) => [number, number][];
}

/**
 * Runs in the browser (serialised with toString, so it uses nothing from its module): reads ?q=, loads the
 * edition's search data named by #static-search[data-index-href] and draws the results like the live page.
 * Labels come from data-* attributes of the page, so the page's language decides them.
 */
export function runStaticSearch(engine: Engine, doc: Document, search: string): void {
  const root = doc.getElementById('static-search');
  const note = doc.getElementById('static-search-note');
  const why = doc.getElementById('static-search-why');
  const input = doc.getElementById('f-q') as HTMLInputElement | null;
  if (!root || !note || !why || !input) return;
  const ds = root.dataset;
  const lang = doc.documentElement.lang === 'en' ? 'en' : 'ja';
  const q = (new URLSearchParams(search).get('q') ?? '').trim();
  note.hidden = true;
  input.value = q;
  const langSwitch = doc.querySelector<HTMLAnchorElement>('a.lang-switch');
  if (langSwitch && q) langSwitch.href = `${langSwitch.href.split('?')[0]}?q=${encodeURIComponent(q)}`;
  if (q === '') return;

  const el = (tag: string, props: Record<string, string> = {}, ...kids: (Node | string)[]) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
    e.append(...kids);
    return e;
  };
  const marked = (text: string) => {
    const out: (Node | string)[] = [];
    let at = 0;
    for (const [start, end] of engine.highlightRanges(text, q)) {
      if (start > at) out.push(text.slice(at, start));
      out.push(el('mark', {}, text.slice(start, end)));
      at = end;
    }
    if (at < text.length) out.push(text.slice(at));
    return out;
  };
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  const pick = (t: { ja: string; en?: string | null }) =>
    lang === 'en' && t.en ? { value: t.en, lang: 'en' } : { value: t.ja, lang: 'ja' };
  const langAttr = (l: string): Record<string, string> => (l === lang ? {} : { lang: l });
  // data-field-roadmap → dataset.fieldRoadmap
  const fieldName = (f: string) => ds[`field${f.charAt(0).toUpperCase()}${f.slice(1)}`] ?? f;

  const draw = (data: StaticSearchData) => {
    const hits = engine.searchIndex(data.index, q).filter((h) => data.items[h.code]);
    const heading = el('h2', { id: 'results' }, fill(ds.msgResults ?? '', { q, n: String(hits.length) }));
    const section = el('section', { 'aria-labelledby': 'results' }, heading);
    if (hits.length === 0) section.append(el('p', {}, ds.msgNone ?? ''));
    const list = el('ol', { class: 'results' });
    for (const hit of hits) {
      const item = data.items[hit.code]!;
      const title = pick(item.title);
      const depts = el('ul', { class: 'inline-list' });
      for (const d of item.departments) {
        const name = pick(d.name);
        depts.append(el('li', {}, el('a', { href: d.href[lang] }, el('span', langAttr(name.lang), name.value))));
      }
      const li = el(
        'li',
        {},
        el('a', { href: item.href[lang] }, el('span', { class: 'code' }, hit.code), ' ', ...marked(title.value)),
        depts,
        el('p', {}, item.rate[lang]),
        el(
          'p',
          { class: 'note' },
          fill(ds.msgMatched ?? '', { fields: hit.fields.map(fieldName).join(lang === 'ja' ? '、' : ', ') }),
        ),
      );
      for (const s of hit.snippets) {
        li.append(
          el(
            'p',
            {},
            el('span', { class: 'snippet-field' }, `${fieldName(s.field)}：`),
            el('span', { lang: 'ja' }, ...marked(s.text)),
          ),
        );
      }
      list.append(li);
    }
    if (hits.length > 0) section.append(list);
    root.replaceChildren(section);
  };

  fetch(ds.indexHref ?? '')
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then(draw)
    .catch(() => {
      why.textContent = ds.msgFailed ?? '';
      note.hidden = false;
    });
}

/** The matching part of the script: the portal's functions, verbatim. Evaluated alone in the unit test. */
export function searchEngineSource(): string {
  return [
    // esbuild (tsx) keeps function names with a __name helper; here a name is just the function.
    'const __name = (f) => f;',
    `const WEIGHT = ${JSON.stringify(SEARCH_WEIGHTS)};`,
    normalizeForSearch.toString(),
    searchTerms.toString(),
    searchIndex.toString(),
    highlightRanges.toString(),
  ].join('\n');
}

let script: { body: string; hash: string } | undefined;

/** assets/search.js: one strict IIFE, no globals, nothing inline in the page (CSP script-src 'self'). */
export function searchClientScript(): { body: string; hash: string } {
  if (!script) {
    const body = [
      '// Shinchoku static site search: the portal’s own matching (src/app/search-plan.ts) running in the browser.',
      '(() => {',
      "'use strict';",
      searchEngineSource(),
      `(${runStaticSearch.toString()})({ searchIndex, highlightRanges }, document, location.search);`,
      '})();',
      '',
    ].join('\n');
    script = { body, hash: createHash('sha256').update(body).digest('base64url').slice(0, 16) };
  }
  return script;
}
