import type { Department, EditionContent } from '../domain/index.ts';
import { filterInitiatives, type InitiativeFilters, type InitiativeRow } from './filter-initiatives.ts';

export type AchievementSort = 'code' | 'rating-desc' | 'rating-asc' | 'department';

/**
 * The 目標達成率一覧: every initiative with its rating per fiscal year, filtered and sorted. "code" keeps the
 * document's order (1-1 … 15-1, 継1); rating sorts put unrated items last and keep document order among equals.
 */
export function listAchievements(
  content: EditionContent,
  options: InitiativeFilters & { sort?: AchievementSort },
  asOfFy: number,
): InitiativeRow[] {
  return sortAchievements(filterInitiatives(content, options, asOfFy), content.departments, options.sort);
}

/** Orders 一覧 rows as listAchievements does; `departments` in the edition's order (for the "department" sort). */
export function sortAchievements(
  rows: InitiativeRow[],
  departments: Pick<Department, 'code'>[],
  sort: AchievementSort = 'code',
): InitiativeRow[] {
  const order = new Map(rows.map((r, i) => [r.node.code, i]));
  const byDocument = (a: InitiativeRow, b: InitiativeRow) => order.get(a.node.code)! - order.get(b.node.code)!;
  if (sort === 'code') return rows;
  if (sort === 'department') {
    const deptOrder = new Map(departments.map((d, i) => [d.code, i]));
    const lead = (r: InitiativeRow) => deptOrder.get(r.node.departments[0] ?? '') ?? Number.MAX_SAFE_INTEGER;
    return [...rows].sort((a, b) => lead(a) - lead(b) || byDocument(a, b));
  }
  const sign = sort === 'rating-desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a.current.score;
    const y = b.current.score;
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || byDocument(a, b);
    return sign * (x - y) || byDocument(a, b);
  });
}
