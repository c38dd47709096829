import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor.ts';
import { type Action, authorize, can, POLICY, ROLES } from './authorize.ts';

const actor = (role: Role, departmentCode: string | null = null, organizationId = 'org-a'): Actor => ({
  kind: 'user',
  userId: `u-${role}`,
  organizationId,
  displayName: role,
  role,
  departmentCode,
});

describe('authorize', () => {
  const own = { organizationId: 'org-a', departments: ['kenko', 'choju-shien'] };
  const other = { organizationId: 'org-a', departments: ['zaisei'] };

  it('scopes department roles to initiatives listing their 課, shared ones included', () => {
    expect(can(actor('department-editor', 'choju-shien'), 'report.edit', own)).toBe(true);
    expect(can(actor('department-editor', 'choju-shien'), 'report.edit', other)).toBe(false);
    expect(can(actor('department-editor', null), 'report.edit', own)).toBe(false);
    expect(can(actor('department-editor', 'kenko'), 'report.edit', { organizationId: 'org-a' })).toBe(false);
    expect(can(actor('department-approver', 'kenko'), 'review.department', own)).toBe(true);
    expect(can(actor('department-approver', 'kenko'), 'review.plan-office', own)).toBe(false);
  });

  it('never crosses organizations, whatever the role', () => {
    for (const role of ROLES) {
      for (const action of Object.keys(POLICY) as Action[]) {
        expect(can(actor(role, 'kenko', 'org-b'), action, own)).toBe(false);
      }
    }
  });

  it('gives viewers read access and review comments but no writes', () => {
    const viewer = actor('viewer');
    const allowed = (Object.keys(POLICY) as Action[]).filter((a) => can(viewer, a, own));
    expect(allowed).toEqual([
      'staff.use',
      'account.change-password',
      'account.settings',
      'plan.read-draft',
      'round.view-board',
      'report.view',
      'review.comment',
      'history.view',
      'edition.view',
      'executive.view',
    ]);
  });

  it('lets the system actor (CLI, seeding) do anything and throws forbidden with a Japanese message', () => {
    expect(can({ kind: 'system', label: 'cli' }, 'edition.publish', { organizationId: 'x' })).toBe(true);
    expect(() => authorize(actor('department-editor', 'kenko'), 'edition.publish', own)).toThrow(
      expect.objectContaining({ code: 'forbidden', status: 403, messageJa: 'この操作を行う権限がありません' }),
    );
  });
});
