import type { Actor, Role } from './actor.ts';
import { AppError } from './errors.ts';

/** "organization": anything in the actor's organization; "department": only where the actor's 課 is listed. */
export type Scope = 'organization' | 'department';

const ORG = 'organization' as const;
const DEPT = 'department' as const;
const everyone = { admin: ORG, 'plan-office': ORG, 'department-approver': ORG, 'department-editor': ORG, viewer: ORG };
/** Staff who read every draft: the plan office, administrators and viewers (executives, evaluation committee). */
const draftReaders = { admin: ORG, 'plan-office': ORG, viewer: ORG };
/**
 * The plan office's work. The administrator may do it too: in a small town the one person who installs the
 * system is often the plan office, and an administrator who must first create a second account to open a
 * round is a dead end on the first day.
 */
const planOffice = { admin: ORG, 'plan-office': ORG };

/**
 * The one table of who may do what. Every use case calls `authorize` with one of these actions before it reads
 * or writes; the web layer only uses `can` to decide what to show. A role missing from an action is denied.
 */
export const POLICY = {
  'staff.use': everyone,
  'account.change-password': everyone,
  'account.settings': everyone,
  'user.manage': { admin: ORG },
  'department.manage': { admin: ORG },
  'plan.read-draft': draftReaders,
  'plan.edit': planOffice,
  'round.open': planOffice,
  'round.manage': planOffice,
  'round.view-board': draftReaders,
  'round.view-mine': { 'department-approver': ORG, 'department-editor': ORG },
  'round.send-reminders': planOffice,
  'report.view': { ...draftReaders, 'department-approver': DEPT, 'department-editor': DEPT },
  'report.edit': { ...planOffice, 'department-approver': DEPT, 'department-editor': DEPT },
  'report.submit': { 'department-approver': DEPT, 'department-editor': DEPT },
  'review.department': { 'department-approver': DEPT },
  'review.plan-office': planOffice,
  'review.comment': { ...planOffice, viewer: ORG, 'department-approver': DEPT, 'department-editor': DEPT },
  /** Low-level sheet writes (updateNodeSheet), e.g. from an Excel upload. */
  'node.edit': { ...planOffice, 'department-approver': DEPT, 'department-editor': DEPT },
  'history.view': { ...draftReaders, 'department-approver': DEPT, 'department-editor': DEPT },
  'edition.publish': planOffice,
  'edition.view': everyone,
  'executive.view': draftReaders,
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Action = keyof typeof POLICY;

export interface Resource {
  organizationId: string;
  /** The 課 a resource belongs to (an initiative's departments); required for department-scoped rules. */
  departments?: readonly string[] | undefined;
}

export const ROLES: readonly Role[] = ['admin', 'plan-office', 'department-approver', 'department-editor', 'viewer'];

export function scopeOf(role: Role, action: Action): Scope | undefined {
  return (POLICY[action] as Partial<Record<Role, Scope>>)[role];
}

/** Whether the actor may perform the action on the resource. The system actor (CLI, seeding) may do anything. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (actor.kind === 'system') return true;
  if (actor.organizationId !== resource.organizationId) return false;
  const scope = scopeOf(actor.role, action);
  if (!scope) return false;
  if (scope === ORG) return true;
  return actor.departmentCode !== null && (resource.departments ?? []).includes(actor.departmentCode);
}

export const forbidden = () =>
  new AppError('forbidden', {
    ja: 'この操作を行う権限がありません',
    en: 'You do not have permission to do this',
  });

/** Throws `forbidden` unless `can` allows it. */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (!can(actor, action, resource)) throw forbidden();
}
