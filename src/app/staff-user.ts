import { z } from 'zod';
import type { UserRecord } from '../store/index.ts';
import type { Actor, Role } from './actor.ts';

export const RoleSchema = z.enum(['admin', 'plan-office', 'department-approver', 'department-editor', 'viewer']);

/** Roles whose permissions follow their 課, so they must name one. */
export const DEPARTMENT_ROLES: readonly Role[] = ['department-approver', 'department-editor'];

export const ROLE_LABELS: Record<Role, { ja: string; en: string }> = {
  admin: { ja: 'システム管理者', en: 'Administrator' },
  'plan-office': { ja: '計画担当（経営戦略課等）', en: 'Plan office' },
  'department-approver': { ja: '課内承認者（課長）', en: 'Department approver' },
  'department-editor': { ja: '担当課入力者', en: 'Department editor' },
  viewer: { ja: '閲覧者', en: 'Viewer' },
};

/** A user as shown to staff and the CLI: never the password hash. */
export interface StaffUser {
  id: string;
  organizationId: string;
  email: string;
  staffId: string | null;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export function presentUser(u: UserRecord): StaffUser {
  return {
    id: u.id,
    organizationId: u.organizationId,
    email: u.email,
    staffId: u.staffId,
    displayName: u.displayName,
    role: u.role as Role,
    departmentCode: u.departmentCode,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

export function actorOf(u: UserRecord): Actor {
  return {
    kind: 'user',
    userId: u.id,
    organizationId: u.organizationId,
    displayName: u.displayName,
    role: u.role as Role,
    departmentCode: u.departmentCode,
  };
}

/** E-mail addresses compare case-insensitively; stored lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately loose: intranet addresses such as admin@localhost are valid here.
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'email');
