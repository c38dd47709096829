import { createStaffAccount, type StaffAccount } from '../../scripts/staff-scenario.ts';
import {
  type AppContext,
  getReport,
  login,
  openReportingRound,
  type ReportView,
  type Role,
  resolveStaffSession,
  systemActor,
} from '../../src/app/index.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

let counter = 0;

export type TestStaff = StaffAccount;

/** A staff account in the Ogori organization (or another), created through the real use case. */
export function buildStaff(
  ctx: AppContext,
  overrides: { role: Role; department?: string; email?: string; name?: string; org?: string; staffId?: string },
): Promise<TestStaff> {
  return createStaffAccount(
    ctx,
    {
      organizationSlug: overrides.org ?? 'ogori',
      email: overrides.email ?? `${overrides.role}-${overrides.department ?? 'all'}-${++counter}@example.jp`,
      displayName: overrides.name ?? `${overrides.role} ${overrides.department ?? ''}`.trim(),
      role: overrides.role,
      password: TEST_PASSWORD,
      ...(overrides.department && { departmentCode: overrides.department }),
      ...(overrides.staffId && { staffId: overrides.staffId }),
    },
    systemActor('test'),
  );
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

/** The bundled Ogori plan's 令和5年度 reporting round, the one `openOgoriRound()` opens unless told. */
export const OGORI_ROUND_2023 = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 } as const;

/** An initiative's sheet in that round as the system reads it: to show that a refused request saved nothing. */
export function readOgoriSheet(ctx: AppContext, code: string): Promise<ReportView> {
  return getReport({ ctx, actor: systemActor(), ...OGORI_ROUND_2023, code });
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
