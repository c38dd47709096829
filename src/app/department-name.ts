/** A 課 as pages name it: its code, its name and, where the plan's bundle has one, its English name. */
export interface DepartmentName {
  code: string;
  name: string;
  nameEn?: string;
}

/**
 * Looks 課 up by code among the organization's departments; a code no longer listed is named by itself.
 * @example departmentNamer([{ code: 'kenko', name: '健康課', nameEn: 'Health Division' }])('kenko').nameEn
 */
export function departmentNamer(
  departments: readonly { code: string; name: string; nameEn?: string | undefined }[],
): (code: string) => DepartmentName {
  const byCode = new Map(departments.map((d) => [d.code, d]));
  return (code) => {
    const d = byCode.get(code);
    return { code, name: d?.name ?? code, ...(d?.nameEn && { nameEn: d.nameEn }) };
  };
}
