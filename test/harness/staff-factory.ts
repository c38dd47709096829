import {
  type Actor,
  type AppContext,
  createUser,
  login,
  openReportingRound,
  type Role,
  resolveStaffSession,
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

/** What a signed-in browser sends: the session cookie and the form token of that session. */
export interface StaffSessionCookie {
  cookie: string;
  csrf: string;
}

/** Signs a staff account in through the real use case (from `ip`, which the throttle counts). */
export async function signInStaff(ctx: AppContext, email: string, ip: string): Promise<StaffSessionCookie> {
  const { token } = await login({ ctx, identifier: email, password: TEST_PASSWORD, ip });
  const session = await resolveStaffSession(ctx, token);
  if (!session) throw new Error(`no session for ${email}`);
  return { cookie: `shinchoku_session=${token}`, csrf: session.csrfToken };
}

/** Opens the bundled Ogori plan's reporting round for `fy` (令和5年度 unless told), due far in the future unless told. */
export async function openOgoriRound(ctx: AppContext, fy = 2023, dueDate = '2099-05-31'): Promise<void> {
  await openReportingRound({
    ctx,
    actor: systemActor(),
    organizationSlug: 'ogori',
    planSlug: 'action-plan-2',
    fy,
    dueDate,
  });
}
