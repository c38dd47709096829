import type { Department } from '../domain/index.ts';
import type { Executor } from './executor.ts';
import { newId } from './new-id.ts';

export interface DepartmentRecord extends Department {
  id: string;
  version: number;
}

export async function insertDepartments(
  db: Executor,
  organizationId: string,
  departments: Department[],
  firstSortOrder = 0,
): Promise<void> {
  if (departments.length === 0) return;
  await db
    .insertInto('departments')
    .values(
      departments.map((d, i) => ({
        id: newId(),
        organization_id: organizationId,
        code: d.code,
        name: d.name,
        name_en: d.nameEn ?? null,
        parent_code: d.parent ?? null,
        sort_order: firstSortOrder + i,
      })),
    )
    .execute();
}

export async function listDepartments(db: Executor, organizationId: string): Promise<DepartmentRecord[]> {
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'code', 'name', 'name_en', 'parent_code', 'version'])
    .where('organization_id', '=', organizationId)
    .orderBy('sort_order')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    ...(r.name_en !== null && { nameEn: r.name_en }),
    ...(r.parent_code !== null && { parent: r.parent_code }),
    version: r.version,
  }));
}

export async function deleteDepartments(db: Executor, organizationId: string): Promise<void> {
  await db.deleteFrom('departments').where('organization_id', '=', organizationId).execute();
}

/** Renames one 課 (its code, which plans and users refer to, stays). */
export async function updateDepartmentName(
  db: Executor,
  organizationId: string,
  change: { code: string; name: string; nameEn: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable('departments')
    .set((eb) => ({ name: change.name, name_en: change.nameEn, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('code', '=', change.code)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
