import type { EditionContent } from '../domain/index.ts';
import { filterInitiatives, type InitiativeFilters, type InitiativeRow } from './filter-initiatives.ts';
import { buildSearchIndex, type SearchHit, type SearchIndex, searchIndex } from './search-plan.ts';

export interface SearchResult {
  row: InitiativeRow;
  /** Absent when there was no query (filters only). */
  hit?: SearchHit;
}

// Published content objects are kept by getPublicEdition, so an index per object is built once.
const indexes = new WeakMap<EditionContent, SearchIndex>();

function indexOf(content: EditionContent): SearchIndex {
  let index = indexes.get(content);
  if (!index) {
    index = buildSearchIndex(content);
    indexes.set(content, index);
  }
  return index;
}

/**
 * Search of the portal and the API: initiatives containing every word of `q` (best first) that pass the
 * filters; with an empty `q`, every initiative passing the filters in document order.
 */
export function searchInitiatives(
  content: EditionContent,
  query: InitiativeFilters & { q?: string | undefined },
  asOfFy: number,
): SearchResult[] {
  return searchRows(filterInitiatives(content, query, asOfFy), indexOf(content), query.q);
}

/** Search over rows already filtered, with the edition's index (stored with a published edition). */
export function searchRows(rows: InitiativeRow[], index: SearchIndex, query: string | undefined): SearchResult[] {
  const q = query?.trim() ?? '';
  if (q === '') return rows.map((row) => ({ row }));
  const byCode = new Map(rows.map((r) => [r.node.code, r]));
  const out: SearchResult[] = [];
  for (const hit of searchIndex(index, q)) {
    const row = byCode.get(hit.code);
    if (row) out.push({ row, hit });
  }
  return out;
}
