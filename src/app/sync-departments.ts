import type { Department } from '../domain/index.ts';
import { type Executor, insertDepartments, listDepartments } from '../store/index.ts';

/** Adds the bundle's departments an organization does not have yet; existing ones keep their names. */
export async function syncDepartments(tx: Executor, organizationId: string, departments: Department[]): Promise<void> {
  const current = await listDepartments(tx, organizationId);
  const existing = new Set(current.map((d) => d.code));
  const missing = departments.filter((d) => !existing.has(d.code));
  await insertDepartments(tx, organizationId, missing, current.length);
}
