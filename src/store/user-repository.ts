import type { Executor } from './executor.ts';

export interface UserRecord {
  id: string;
  organizationId: string;
  email: string;
  staffId: string | null;
  displayName: string;
  passwordHash: string;
  role: string;
  departmentCode: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
  passwordChangedAt: string;
  lastLoginAt: string | null;
  version: number;
  /** The display language the user chose ('ja' or 'en'), or null. */
  language: string | null;
}

export const userColumns = [
  'id',
  'organization_id',
  'email',
  'staff_id',
  'display_name',
  'password_hash',
  'role',
  'department_code',
  'disabled',
  'must_change_password',
  'created_at',
  'updated_at',
  'password_changed_at',
  'last_login_at',
  'version',
  'language',
] as const;

export type UserRow = {
  id: string;
  organization_id: string;
  email: string;
  staff_id: string | null;
  display_name: string;
  password_hash: string;
  role: string;
  department_code: string | null;
  disabled: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
  last_login_at: string | null;
  version: number;
  language: string | null;
};

export function toUserRecord(r: UserRow): UserRecord {
  return {
    id: r.id,
    organizationId: r.organization_id,
    email: r.email,
    staffId: r.staff_id,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    role: r.role,
    departmentCode: r.department_code,
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    passwordChangedAt: r.password_changed_at,
    lastLoginAt: r.last_login_at,
    version: r.version,
    language: r.language,
  };
}

export async function insertUser(
  db: Executor,
  user: Omit<UserRecord, 'version' | 'lastLoginAt' | 'language'>,
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      organization_id: user.organizationId,
      email: user.email,
      staff_id: user.staffId,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      department_code: user.departmentCode,
      disabled: user.disabled ? 1 : 0,
      must_change_password: user.mustChangePassword ? 1 : 0,
      created_at: user.createdAt,
      updated_at: user.updatedAt,
      password_changed_at: user.passwordChangedAt,
    })
    .execute();
}

export async function getUserById(db: Executor, organizationId: string, id: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select(userColumns)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toUserRecord(row);
}

/** The account with this (normalised) address in one organization: addresses are unique per organization. */
export async function getUserByEmail(
  db: Executor,
  organizationId: string,
  email: string,
): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select(userColumns)
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .executeTakeFirst();
  return row && toUserRecord(row);
}

/** Login lookup by e-mail before an organization is known; several organizations may have the address. */
export async function listUsersByEmail(db: Executor, email: string): Promise<UserRecord[]> {
  const rows = await db.selectFrom('users').select(userColumns).where('email', '=', email).limit(10).execute();
  return rows.map(toUserRecord);
}

/** Login lookup by staff ID; several organizations may use the same ID, so all matches are returned. */
export async function listUsersByStaffId(db: Executor, staffId: string): Promise<UserRecord[]> {
  const rows = await db.selectFrom('users').select(userColumns).where('staff_id', '=', staffId).limit(10).execute();
  return rows.map(toUserRecord);
}

export async function listUsers(db: Executor, organizationId: string): Promise<UserRecord[]> {
  const rows = await db
    .selectFrom('users')
    .select(userColumns)
    .where('organization_id', '=', organizationId)
    .orderBy('email')
    .execute();
  return rows.map(toUserRecord);
}

export async function countUsers(db: Executor, organizationId: string, role?: string): Promise<number> {
  let q = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organization_id', '=', organizationId);
  if (role) q = q.where('role', '=', role);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Users in the whole installation (deciding whether a first administrator is needed). */
export async function countAllUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function updateUserPassword(
  db: Executor,
  organizationId: string,
  change: { id: string; passwordHash: string; mustChangePassword: boolean; now: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: change.passwordHash,
      must_change_password: change.mustChangePassword ? 1 : 0,
      password_changed_at: change.now,
      updated_at: change.now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', change.id)
    .execute();
}

export async function updateUserDisabled(
  db: Executor,
  organizationId: string,
  change: { id: string; disabled: boolean; now: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ disabled: change.disabled ? 1 : 0, updated_at: change.now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', change.id)
    .execute();
}

export async function updateUserProfile(
  db: Executor,
  organizationId: string,
  change: { id: string; displayName: string; role: string; departmentCode: string | null; now: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      display_name: change.displayName,
      role: change.role,
      department_code: change.departmentCode,
      updated_at: change.now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', change.id)
    .execute();
}

export async function updateUserLastLogin(db: Executor, organizationId: string, id: string, now: string) {
  await db
    .updateTable('users')
    .set({ last_login_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

export async function updateUserLanguage(
  db: Executor,
  organizationId: string,
  change: { id: string; language: string; now: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ language: change.language, updated_at: change.now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', change.id)
    .execute();
}
