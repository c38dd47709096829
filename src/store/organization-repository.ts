import type { Executor } from './executor.ts';

export interface OrganizationRecord {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
  localGovernmentCode: string | null;
  prefecture: string | null;
  /** The IANA zone its dates are read in ("Europe/London"); null where none was set, which is Asia/Tokyo. */
  timeZone: string | null;
  createdAt: string;
}

export const organizationColumns = [
  'id',
  'slug',
  'name',
  'name_en',
  'local_government_code',
  'prefecture',
  'time_zone',
  'created_at',
] as const;

export function toOrganizationRecord(r: {
  id: string;
  slug: string;
  name: string;
  name_en: string | null;
  local_government_code: string | null;
  prefecture: string | null;
  time_zone: string | null;
  created_at: string;
}): OrganizationRecord {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    nameEn: r.name_en,
    localGovernmentCode: r.local_government_code,
    prefecture: r.prefecture,
    timeZone: r.time_zone,
    createdAt: r.created_at,
  };
}

export async function insertOrganization(db: Executor, org: OrganizationRecord): Promise<void> {
  await db
    .insertInto('organizations')
    .values({
      id: org.id,
      slug: org.slug,
      name: org.name,
      name_en: org.nameEn,
      local_government_code: org.localGovernmentCode,
      prefecture: org.prefecture,
      time_zone: org.timeZone,
      created_at: org.createdAt,
    })
    .execute();
}

export async function updateOrganization(
  db: Executor,
  org: Pick<OrganizationRecord, 'id' | 'name' | 'nameEn' | 'localGovernmentCode' | 'prefecture' | 'timeZone'>,
): Promise<void> {
  await db
    .updateTable('organizations')
    .set({
      name: org.name,
      name_en: org.nameEn,
      local_government_code: org.localGovernmentCode,
      prefecture: org.prefecture,
      time_zone: org.timeZone,
    })
    .where('id', '=', org.id)
    .execute();
}

export async function getOrganizationBySlug(db: Executor, slug: string): Promise<OrganizationRecord | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select(organizationColumns)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toOrganizationRecord(row);
}

export async function getOrganizationById(db: Executor, id: string): Promise<OrganizationRecord | undefined> {
  const row = await db.selectFrom('organizations').select(organizationColumns).where('id', '=', id).executeTakeFirst();
  return row && toOrganizationRecord(row);
}

export async function listOrganizations(db: Executor): Promise<OrganizationRecord[]> {
  const rows = await db.selectFrom('organizations').select(organizationColumns).orderBy('slug').execute();
  return rows.map(toOrganizationRecord);
}
