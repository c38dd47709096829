import {
  type Actor,
  type AppContext,
  createUser,
  type Role,
  type StaffUser,
  systemActor,
} from '../../src/app/index.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

let counter = 0;

export interface TestStaff {
  user: StaffUser;
  actor: Actor & { kind: 'user' };
  email: string;
  password: string;
}

/** A staff account in the Ogori organization (or another), created through the real use case. */
export async function buildStaff(
  ctx: AppContext,
  overrides: { role: Role; department?: string; email?: string; name?: string; org?: string; staffId?: string },
): Promise<TestStaff> {
  const email = overrides.email ?? `${overrides.role}-${overrides.department ?? 'all'}-${++counter}@example.jp`;
  const { user } = await createUser({
    ctx,
    actor: systemActor('test'),
    organizationSlug: overrides.org ?? 'ogori',
    input: {
      email,
      displayName: overrides.name ?? `${overrides.role} ${overrides.department ?? ''}`.trim(),
      role: overrides.role,
      password: TEST_PASSWORD,
      ...(overrides.department && { departmentCode: overrides.department }),
      ...(overrides.staffId && { staffId: overrides.staffId }),
    },
  });
  const actor = {
    kind: 'user' as const,
    userId: user.id,
    organizationId: user.organizationId,
    displayName: user.displayName,
    role: user.role,
    departmentCode: user.departmentCode,
  };
  return { user, actor, email, password: TEST_PASSWORD };
}
