import { z } from 'zod';
import { TEXT_LIMITS } from '../domain/index.ts';
import {
  getUserByEmail,
  insertAuditEvent,
  insertUser,
  listDepartments,
  listUsersByStaffId,
  newId,
  transaction,
} from '../store/index.ts';
import { type Actor, actorId, type Role } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { invalidInput, type Localized } from './errors.ts';
import { zodFieldErrors } from './format-zod-error.ts';
import { requireOrganization } from './load-plan.ts';
import { checkNewPassword, generatePassword, hashPassword } from './password.ts';
import {
  DEPARTMENT_ROLES,
  EmailSchema,
  normalizeEmail,
  presentUser,
  RoleSchema,
  type StaffUser,
} from './staff-user.ts';

export const CreateUserInput = z.object({
  email: EmailSchema,
  displayName: z.string().trim().min(1, 'displayName').max(TEXT_LIMITS.personName),
  role: RoleSchema,
  departmentCode: z.string().trim().min(1).optional(),
  staffId: z.string().trim().min(1).max(40).optional(),
  /** Omitted: a password is generated, returned once, and must be changed at first login. */
  password: z.string().optional(),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export interface CreateUserResult {
  user: StaffUser;
  /** Present only when the password was generated; show it once, it is not stored. */
  generatedPassword?: string;
}

/** Creates a staff account in an organization (administrators, or the CLI as system). */
export async function createUser(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  input: CreateUserInput;
}): Promise<CreateUserResult> {
  const org0 = await requireOrganization(props.ctx.store.db, props.organizationSlug);
  authorize(props.actor, 'user.manage', { organizationId: org0.id });
  const parsed = CreateUserInput.safeParse(props.input);
  if (!parsed.success) {
    // The 課 is checked too, so the form shows every problem at once.
    const errors = zodFieldErrors(parsed.error);
    const role = RoleSchema.safeParse(props.input.role);
    const department =
      role.success && !errors.departmentCode
        ? await departmentProblem(props.ctx.store.db, org0.id, role.data, props.input.departmentCode)
        : undefined;
    throw invalidInput({ ...errors, ...(department && { departmentCode: department }) });
  }
  const input = parsed.data;
  const generated = input.password === undefined ? generatePassword() : undefined;
  const password = input.password ?? generated!;
  checkNewPassword(password);
  const passwordHash = await hashPassword(password);
  return transaction(props.ctx.store, async (tx) => {
    const org = await requireOrganization(tx, props.organizationSlug);
    authorize(props.actor, 'user.manage', { organizationId: org.id });
    const role = input.role as Role;
    const departmentCode = await checkDepartment(tx, org.id, role, input.departmentCode);
    const email = normalizeEmail(input.email);
    // Only this organization's accounts are looked at: whether another organization has the address is not
    // this administrator's to learn (addresses are unique per organization).
    if (await getUserByEmail(tx, org.id, email)) {
      throw invalidInput(
        { email: { ja: `メールアドレス ${email} は既に登録されています`, en: `${email} is already registered` } },
        'already-exists',
      );
    }
    // Checked here like the e-mail, so a taken staff ID is named beside its field (the unique index would
    // otherwise end the request as an internal error).
    if (input.staffId && (await listUsersByStaffId(tx, input.staffId)).some((u) => u.organizationId === org.id)) {
      throw invalidInput(
        {
          staffId: {
            ja: `職員番号 ${input.staffId} は既に登録されています`,
            en: `Staff ID ${input.staffId} is already registered`,
          },
        },
        'already-exists',
      );
    }
    const now = props.ctx.now().toISOString();
    const record = {
      id: newId(),
      organizationId: org.id,
      email,
      staffId: input.staffId ?? null,
      displayName: input.displayName,
      passwordHash,
      role,
      departmentCode,
      disabled: false,
      mustChangePassword: generated !== undefined,
      createdAt: now,
      updatedAt: now,
      passwordChangedAt: now,
    };
    await insertUser(tx, record);
    const user = presentUser({ ...record, lastLoginAt: null, version: 1, language: null });
    await insertAuditEvent(tx, {
      organizationId: org.id,
      at: now,
      actor: actorId(props.actor),
      action: 'user.create',
      entityType: 'user',
      entityId: record.id,
      summary: `${email} (${role})`,
      after: { email, displayName: user.displayName, role, departmentCode, staffId: user.staffId },
    });
    return { user, ...(generated !== undefined && { generatedPassword: generated }) };
  });
}

/** Department roles need an existing 課; other roles may not carry one (it would grant nothing, and confuse). */
export async function checkDepartment(
  tx: Parameters<typeof listDepartments>[0],
  organizationId: string,
  role: Role,
  code: string | undefined,
): Promise<string | null> {
  const problem = await departmentProblem(tx, organizationId, role, code);
  if (problem) throw invalidInput({ departmentCode: problem });
  return DEPARTMENT_ROLES.includes(role) ? (code ?? null) : null;
}

/** Why a role cannot carry this 課 (see checkDepartment), or undefined when it can. */
async function departmentProblem(
  tx: Parameters<typeof listDepartments>[0],
  organizationId: string,
  role: Role,
  code: string | undefined,
): Promise<Localized | undefined> {
  if (!DEPARTMENT_ROLES.includes(role)) {
    return code ? { ja: 'この役割には担当課を設定できません', en: 'This role has no department' } : undefined;
  }
  if (!code) return { ja: '担当課を選んでください', en: 'Choose a department for this role' };
  const departments = await listDepartments(tx, organizationId);
  if (!departments.some((d) => d.code === code)) {
    return { ja: `担当課「${code}」は登録されていません`, en: `department "${code}" does not exist` };
  }
  return undefined;
}
