import { type EditionContent, isItemNode, walkNodes } from '../domain/index.ts';

/**
 * Japanese full-text search over one edition without a word splitter: both sides are NFKC-normalised and
 * case-folded, then every query word must occur as a substring somewhere in the initiative (so 「SNS」,
 * 「ワクチン」, 「給食」 and ｓｎｓ all hit). An edition has tens to a few thousand initiatives, for which a
 * substring scan of the prebuilt normalised text takes well under a millisecond per thousand.
 */

export type SearchField =
  | 'code'
  | 'title'
  | 'goal'
  | 'parent'
  | 'situation'
  | 'challenges'
  | 'roadmap'
  | 'indicators'
  | 'departments';

/** Weight of a hit in each field; a title hit ranks above one in the 工程表. */
const WEIGHT: Record<SearchField, number> = {
  code: 8,
  title: 10,
  indicators: 5,
  goal: 4,
  parent: 3,
  departments: 3,
  situation: 2,
  challenges: 2,
  roadmap: 2,
};

/** The weights, for the static export's search script, which runs `searchIndex` itself in the browser. */
export const SEARCH_WEIGHTS: Readonly<Record<SearchField, number>> = WEIGHT;

export interface SearchEntry {
  field: SearchField;
  /** As entered, for display. */
  text: string;
  /** normalise(text), for matching. */
  norm: string;
}

export interface SearchDocument {
  code: string;
  entries: SearchEntry[];
}

/** The search index of an edition: plain data, so a static export can write it out as JSON. */
export interface SearchIndex {
  documents: SearchDocument[];
}

/**
 * NFKC plus lower case: full-width Latin and digits become ASCII, half-width katakana full-width.
 * @example normalizeForSearch('ＳＮＳ') // "sns"
 */
export function normalizeForSearch(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Builds the index of an edition's initiatives (pure; same input, same index). */
export function buildSearchIndex(content: EditionContent): SearchIndex {
  const deptName = new Map(content.departments.map((d) => [d.code, d]));
  const documents: SearchDocument[] = [];
  for (const { node, ancestors } of walkNodes(content.plan)) {
    if (!isItemNode(node)) continue;
    const entries: SearchEntry[] = [];
    const add = (field: SearchField, text: string | undefined | null) => {
      if (text) entries.push({ field, text, norm: normalizeForSearch(text) });
    };
    add('code', node.code);
    add('title', node.title);
    add('title', node.titleEn);
    for (const v of node.titleVariants) add('title', v.title);
    add('goal', node.goal);
    for (const a of ancestors) {
      add('parent', a.title);
      add('parent', a.titleEn);
    }
    for (const i of node.situation?.items ?? []) add('situation', i);
    for (const i of node.challenges?.items ?? []) add('challenges', i);
    for (const r of node.roadmap) for (const i of [...r.plan, ...r.actual]) add('roadmap', i);
    for (const k of node.indicators) {
      add('indicators', k.name);
      add('indicators', k.nameEn);
    }
    for (const code of node.departments) {
      add('departments', deptName.get(code)?.name ?? code);
      add('departments', deptName.get(code)?.nameEn);
    }
    documents.push({ code: node.code, entries });
  }
  return { documents };
}

export interface SearchHit {
  code: string;
  score: number;
  /** Fields in which any word was found, heaviest first. */
  fields: SearchField[];
  /** Up to three matching texts outside the title, for a snippet. */
  snippets: SearchEntry[];
}

/** The query's words: normalised, split on any white space (including the ideographic space). */
export function searchTerms(query: string): string[] {
  return normalizeForSearch(query)
    .split(/\s+/u)
    .filter((w) => w.length > 0);
}

/**
 * Initiatives containing every word of the query, best first (weighted by where the words occur; document
 * order among equals). An empty query matches nothing; callers list all initiatives instead.
 */
export function searchIndex(index: SearchIndex, query: string): SearchHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const hits: (SearchHit & { order: number })[] = [];
  index.documents.forEach((doc, order) => {
    let score = 0;
    const fields = new Set<SearchField>();
    const snippets: SearchEntry[] = [];
    for (const term of terms) {
      const found = doc.entries.filter((e) => e.norm.includes(term));
      if (found.length === 0) return;
      score += Math.max(...found.map((e) => WEIGHT[e.field]));
      for (const e of found) {
        fields.add(e.field);
        if (e.field !== 'title' && e.field !== 'code' && snippets.length < 3 && !snippets.includes(e)) snippets.push(e);
      }
    }
    const sorted = [...fields].sort((a, b) => WEIGHT[b] - WEIGHT[a]);
    hits.push({ code: doc.code, score, fields: sorted, snippets, order });
  });
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.map(({ order: _o, ...h }) => h);
}

/**
 * Where the query's words occur in a text, as [start, end) ranges of the original string, for <mark>.
 * Characters are normalised one by one so ranges map back to what was entered.
 */
export function highlightRanges(text: string, query: string): [number, number][] {
  const terms = searchTerms(query);
  let norm = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const n = normalizeForSearch(ch);
    for (let k = 0; k < n.length; k++) origin.push(i);
    norm += n;
    i += ch.length;
  }
  origin.push(text.length);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = norm.indexOf(term); at >= 0; at = norm.indexOf(term, at + term.length)) {
      const start = origin[at]!;
      const endNorm = at + term.length;
      // The end is the first original character not covered by the match.
      let end = origin[endNorm]!;
      if (end === start) end = start + 1;
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
