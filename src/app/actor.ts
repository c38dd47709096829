/**
 * Who performs a use case. Staff come from a session; the CLI and start-up seeding act as `system`, which the
 * permission checks treat as the installation's operator (it runs with database access anyway).
 */
export type Role = 'admin' | 'plan-office' | 'department-approver' | 'department-editor' | 'viewer';

export type Actor =
  | { kind: 'system'; label: string }
  | {
      kind: 'user';
      userId: string;
      organizationId: string;
      displayName: string;
      role: Role;
      /** The user's 課 (department code) for department roles. */
      departmentCode: string | null;
    };

export const systemActor = (label = 'system'): Actor => ({ kind: 'system', label });

/** The actor as recorded in audit events. */
export function actorId(actor: Actor): string {
  return actor.kind === 'system' ? `system:${actor.label}` : actor.userId;
}
