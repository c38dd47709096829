/**
 * Helpers for one query that reads whole rows of several tables: every column comes back as `alias_column`,
 * so same-named columns (id, version…) do not collide, and each table's row mapper gets its own row back.
 */
export const aliased = (alias: string, columns: readonly string[]) =>
  columns.map((c) => `${alias}.${c} as ${alias}_${c}`);

export function unaliased<T>(row: Record<string, unknown>, alias: string, columns: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = row[`${alias}_${c}`];
  return out as T;
}
